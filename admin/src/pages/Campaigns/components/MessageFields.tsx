import { Field, Grid, TextInput } from '@strapi/design-system';
import { useEffect, useRef, type ChangeEvent } from 'react';
import { useCampaignsApi, type CampaignInput } from '../../../api/campaigns';
import { useT } from '../../../utils/useT';
import type { CampaignForm } from '../useCampaignForm';

type TextKey = 'name' | 'subject' | 'previewText' | 'fromName' | 'replyTo';

interface Props {
  campaign: CampaignForm;
  disabled: boolean;
}

/** Name, subject, preview text, and the sender (prefilled from the resolved sender). */
export const MessageFields = ({ campaign, disabled }: Props) => {
  const t = useT();
  const api = useCampaignsApi();
  const { form, errors, change } = campaign;
  // The last prefilled sender: replaced when the audience changes, unless the user typed over it.
  const prefilled = useRef<{ fromName: string; replyTo: string }>({ fromName: '', replyTo: '' });
  const formRef = useRef(form);
  formRef.current = form;

  const { connectionId, audienceId } = form;
  useEffect(() => {
    if (disabled || !audienceId) return;
    let cancelled = false;
    api
      .defaults(connectionId ?? null, audienceId)
      .then((sender) => {
        if (cancelled) return;
        const current = formRef.current;
        const patch: Partial<CampaignInput> = {};
        const untouched = (value: string | null | undefined, last: string) =>
          !value || value === last;
        if (untouched(current.fromName, prefilled.current.fromName))
          patch.fromName = sender.fromName ?? '';
        if (untouched(current.replyTo, prefilled.current.replyTo))
          patch.replyTo = sender.replyTo ?? '';
        prefilled.current = { fromName: sender.fromName ?? '', replyTo: sender.replyTo ?? '' };
        const changes = Object.entries(patch).some(
          ([key, value]) => current[key as keyof CampaignInput] !== value
        );
        if (changes) change(patch);
      })
      .catch(() => undefined); // the fields stay editable by hand
    return () => {
      cancelled = true;
    };
  }, [api, change, connectionId, audienceId, disabled]);

  const text = (
    key: TextKey,
    label: string,
    options: { hint?: string; required?: boolean } = {}
  ) => (
    <Field.Root name={key} error={errors[key]} hint={options.hint} required={options.required}>
      <Field.Label>{label}</Field.Label>
      <TextInput
        value={form[key] ?? ''}
        disabled={disabled}
        onChange={(e: ChangeEvent<HTMLInputElement>) => change({ [key]: e.target.value })}
      />
      <Field.Error />
      <Field.Hint />
    </Field.Root>
  );

  return (
    <Grid.Root gap={4}>
      <Grid.Item col={6} s={12} direction="column" alignItems="stretch">
        {text('name', t('campaigns.field.name', 'Campaign name'), {
          required: true,
          hint: t('campaigns.field.name.hint', 'Internal: recipients do not see it.'),
        })}
      </Grid.Item>
      <Grid.Item col={6} s={12} direction="column" alignItems="stretch">
        {text('subject', t('campaigns.field.subject', 'Subject'), { required: true })}
      </Grid.Item>
      <Grid.Item col={12} direction="column" alignItems="stretch">
        {text('previewText', t('campaigns.field.previewText', 'Preview text'), {
          hint: t('campaigns.field.previewText.hint', 'Shown after the subject in most inboxes.'),
        })}
      </Grid.Item>
      <Grid.Item col={6} s={12} direction="column" alignItems="stretch">
        {text('fromName', t('campaigns.field.fromName', 'From name'))}
      </Grid.Item>
      <Grid.Item col={6} s={12} direction="column" alignItems="stretch">
        {text('replyTo', t('campaigns.field.replyTo', 'Reply-to address'))}
      </Grid.Item>
    </Grid.Root>
  );
};
