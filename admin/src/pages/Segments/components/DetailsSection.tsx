import { Field, Grid, SingleSelect, SingleSelectOption, TextInput } from '@strapi/design-system';
import type { ChangeEvent } from 'react';
import type { SegmentRemoteKind } from '../../../api/segments';
import type { ProfileView } from '../../../api/sync';
import { useT } from '../../../utils/useT';
import type { SegmentForm } from '../useSegmentForm';

interface Props {
  segment: SegmentForm;
  profiles: ProfileView[];
  disabled: boolean;
}

/** Name, the free type label, which sync profile (content type + audience), segment or tag. */
export const DetailsSection = ({ segment, profiles, disabled }: Props) => {
  const t = useT();
  const { form, errors, set, chooseProfile } = segment;
  return (
    <Grid.Root gap={4}>
      <Grid.Item col={6} s={12} direction="column" alignItems="stretch">
        <Field.Root name="name" error={errors.name} required>
          <Field.Label>{t('segments.name', 'Name')}</Field.Label>
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
          name="label"
          error={errors.label}
          hint={t('segments.label.hint', 'Free text to group segments: customer, vendor, mixed…')}
        >
          <Field.Label>{t('segments.label', 'Type')}</Field.Label>
          <TextInput
            name="label"
            value={form.label ?? ''}
            disabled={disabled}
            onChange={(e: ChangeEvent<HTMLInputElement>) => set('label', e.target.value || null)}
          />
          <Field.Error />
          <Field.Hint />
        </Field.Root>
      </Grid.Item>
      <Grid.Item col={6} s={12} direction="column" alignItems="stretch">
        <Field.Root
          name="profileId"
          error={errors.profileId}
          hint={
            profiles.length === 0
              ? t('segments.profile.none', 'Create a field mapping first.')
              : t(
                  'segments.profile.hint',
                  'Its content type is what the filters look at; its audience is where the segment lives.'
                )
          }
          required
        >
          <Field.Label>{t('segments.profile', 'Sync profile')}</Field.Label>
          <SingleSelect
            value={form.profileId === null ? undefined : String(form.profileId)}
            placeholder={t('segments.profile.placeholder', 'Choose a sync profile')}
            disabled={disabled}
            onChange={(value: string | number) => {
              if (Number(value) !== form.profileId) chooseProfile(Number(value));
            }}
          >
            {profiles.map((p) => (
              <SingleSelectOption key={p.id} value={String(p.id)}>
                {`${p.name} (${p.sourceUid} → ${p.resolvedAudienceId ?? '—'})`}
              </SingleSelectOption>
            ))}
          </SingleSelect>
          <Field.Error />
          <Field.Hint />
        </Field.Root>
      </Grid.Item>
      <Grid.Item col={6} s={12} direction="column" alignItems="stretch">
        <Field.Root
          name="remoteKind"
          error={errors.remoteKind}
          hint={t(
            'segments.remoteKind.hint',
            'A static segment lists its members; a tag is set on each member.'
          )}
        >
          <Field.Label>{t('segments.remoteKind', 'On the platform as')}</Field.Label>
          <SingleSelect
            value={form.remoteKind}
            disabled={disabled}
            onChange={(value: string | number) => set('remoteKind', value as SegmentRemoteKind)}
          >
            <SingleSelectOption value="static_segment">
              {t('segments.remoteKind.static_segment', 'Static segment')}
            </SingleSelectOption>
            <SingleSelectOption value="tag">
              {t('segments.remoteKind.tag', 'Tag')}
            </SingleSelectOption>
          </SingleSelect>
          <Field.Error />
          <Field.Hint />
        </Field.Root>
      </Grid.Item>
    </Grid.Root>
  );
};
