import { Field, Flex, SingleSelect, SingleSelectOption, Textarea } from '@strapi/design-system';
import type { ChangeEvent } from 'react';
import type { CampaignContentMode, EntrySource } from '../../../api/campaigns';
import { useT } from '../../../utils/useT';
import type { CampaignForm } from '../useCampaignForm';
import { EntryPicker } from './EntryPicker';

interface Props {
  campaign: CampaignForm;
  sources: EntrySource[];
  disabled: boolean;
}

/** The email's body: a digest of Strapi entries (with an optional intro), or raw HTML. */
export const ContentFields = ({ campaign, sources, disabled }: Props) => {
  const t = useT();
  const { form, errors, change } = campaign;
  return (
    <Flex direction="column" alignItems="stretch" gap={4}>
      <Field.Root name="contentMode" error={errors.contentMode}>
        <Field.Label>{t('campaigns.field.contentMode', 'Content')}</Field.Label>
        <SingleSelect
          value={form.contentMode}
          disabled={disabled}
          onChange={(value: string | number) =>
            change({ contentMode: value as CampaignContentMode })
          }
        >
          <SingleSelectOption value="entries">
            {t('campaigns.contentMode.entries', 'Built from Strapi entries')}
          </SingleSelectOption>
          <SingleSelectOption value="html">
            {t('campaigns.contentMode.html', 'Raw HTML')}
          </SingleSelectOption>
        </SingleSelect>
        <Field.Error />
      </Field.Root>
      {form.contentMode === 'html' ? (
        <Field.Root name="html" error={errors.html}>
          <Field.Label>{t('campaigns.field.html', 'HTML')}</Field.Label>
          <Textarea
            value={form.html ?? ''}
            disabled={disabled}
            rows={14}
            style={{ fontFamily: 'monospace' }}
            onChange={(e: ChangeEvent<HTMLTextAreaElement>) => change({ html: e.target.value })}
          />
          <Field.Error />
        </Field.Root>
      ) : (
        <>
          <Field.Root
            name="intro"
            error={errors.intro}
            hint={t('campaigns.field.intro.hint', 'Optional text above the entries.')}
          >
            <Field.Label>{t('campaigns.field.intro', 'Introduction')}</Field.Label>
            <Textarea
              value={form.intro ?? ''}
              disabled={disabled}
              onChange={(e: ChangeEvent<HTMLTextAreaElement>) => change({ intro: e.target.value })}
            />
            <Field.Error />
            <Field.Hint />
          </Field.Root>
          <EntryPicker
            sources={sources}
            entries={form.entries ?? []}
            error={errors.entries}
            disabled={disabled}
            onChange={(entries) => change({ entries })}
          />
        </>
      )}
    </Flex>
  );
};
