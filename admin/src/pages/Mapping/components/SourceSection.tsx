import { ToggleField } from './ToggleField';
import { Field, Grid, SingleSelect, SingleSelectOption, TextInput } from '@strapi/design-system';
import type { ChangeEvent } from 'react';
import type { SyncSource } from '../../../api/sync';
import { useT } from '../../../utils/useT';
import type { ProfileForm } from '../useProfileForm';

interface Props {
  profile: ProfileForm;
  sources: SyncSource[];
  source: SyncSource | undefined;
  disabled: boolean;
}

/** Name, content type, its email field, and whether drafts are synced. */
export const SourceSection = ({ profile, sources, source, disabled }: Props) => {
  const t = useT();
  const { form, errors, set, chooseSource } = profile;
  const typeOf = (name: string) => source?.attributes.find((a) => a.name === name)?.type ?? '';
  return (
    <Grid.Root gap={4}>
      <Grid.Item col={6} s={12} direction="column" alignItems="stretch">
        <Field.Root name="name" error={errors.name} required>
          <Field.Label>{t('mapping.name', 'Name')}</Field.Label>
          <TextInput
            name="name"
            value={form.name}
            disabled={disabled}
            onChange={(e: ChangeEvent<HTMLInputElement>) => set('name', e.target.value)}
          />
          <Field.Error />
        </Field.Root>
      </Grid.Item>
      <Grid.Item col={6} s={12} direction="column" alignItems="stretch">
        <Field.Root
          name="sourceUid"
          error={errors.sourceUid}
          hint={t('mapping.source.hint', 'Any collection type with an email or text attribute.')}
          required
        >
          <Field.Label>{t('mapping.source', 'Content type')}</Field.Label>
          <SingleSelect
            data-testid="mapping-source"
            value={form.sourceUid || undefined}
            placeholder={t('mapping.source.placeholder', 'Choose a content type')}
            disabled={disabled}
            onChange={(uid: string | number) => chooseSource(sources.find((s) => s.uid === uid))}
          >
            {sources.map((s) => (
              <SingleSelectOption key={s.uid} value={s.uid}>
                {`${s.displayName} (${s.uid})`}
              </SingleSelectOption>
            ))}
          </SingleSelect>
          <Field.Error />
          <Field.Hint />
        </Field.Root>
      </Grid.Item>
      <Grid.Item col={6} s={12} direction="column" alignItems="stretch">
        <Field.Root name="emailField" error={errors.emailField} required>
          <Field.Label>{t('mapping.emailField', 'Email field')}</Field.Label>
          <SingleSelect
            data-testid="mapping-email-field"
            value={form.emailField || undefined}
            placeholder={t('mapping.emailField.placeholder', 'Choose the attribute with the email')}
            disabled={disabled || !source}
            onChange={(name: string | number) => set('emailField', String(name))}
          >
            {(source?.emailCandidates ?? []).map((name) => (
              <SingleSelectOption key={name} value={name}>
                {`${name} (${typeOf(name)})`}
              </SingleSelectOption>
            ))}
          </SingleSelect>
          <Field.Error />
        </Field.Root>
      </Grid.Item>
      {source?.draftAndPublish ? (
        <Grid.Item col={6} s={12} direction="column" alignItems="stretch">
          <ToggleField
            name="syncDrafts"
            label={t('mapping.syncDrafts', 'Sync drafts')}
            hint={t(
              'mapping.syncDrafts.hint',
              'Off: only published entries are synced (drafts stay in Strapi).'
            )}
            error={errors.syncDrafts}
            checked={form.syncDrafts}
            disabled={disabled}
            onChange={(checked) => set('syncDrafts', checked)}
          />
        </Grid.Item>
      ) : null}
    </Grid.Root>
  );
};
