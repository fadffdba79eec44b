import { Box, Field, SingleSelect, SingleSelectOption } from '@strapi/design-system';
import type { ProfileView } from '../../../api/sync';
import { useT } from '../../../utils/useT';

interface Props {
  profiles: ProfileView[];
  value: number | null;
  onChange(id: number): void;
}

/** Points, rules and thresholds belong to one sync profile: this picks it. */
export const ProfileSelect = ({ profiles, value, onChange }: Props) => {
  const t = useT();
  return (
    <Box style={{ maxWidth: 480 }}>
      <Field.Root name="profile">
        <Field.Label>{t('triggers.profile', 'Profile')}</Field.Label>
        <SingleSelect
          value={value ?? undefined}
          onChange={(next: string | number) => onChange(Number(next))}
        >
          {profiles.map((profile) => (
            <SingleSelectOption key={profile.id} value={profile.id}>
              {`${profile.name} (${profile.sourceUid})`}
            </SingleSelectOption>
          ))}
        </SingleSelect>
      </Field.Root>
    </Box>
  );
};
