import { Field, Grid, SingleSelect, SingleSelectOption } from '@strapi/design-system';
import type { ProfileInput } from '../../../api/sync';
import { useT } from '../../../utils/useT';
import type { ProfileForm } from '../useProfileForm';
import { ToggleField } from './ToggleField';

const ON_ERASE: Array<ProfileInput['onErase']> = ['keep', 'anonymise', 'delete'];

interface Props {
  profile: ProfileForm;
  disabled: boolean;
}

/** What comes back from the platform: profile changes (flow-back) and erasure's effect. */
export const ConsentLoopFields = ({ profile, disabled }: Props) => {
  const t = useT();
  const { form, errors, set } = profile;
  const onEraseLabel: Record<ProfileInput['onErase'], string> = {
    keep: t('mapping.onErase.keep', 'Keep the entry (default)'),
    anonymise: t('mapping.onErase.anonymise', 'Anonymise the entry'),
    delete: t('mapping.onErase.delete', 'Delete the entry'),
  };
  return (
    <>
      <Grid.Item col={6} s={12} direction="column" alignItems="stretch">
        <ToggleField
          name="flowBack"
          label={t('mapping.flowBack', 'Take profile changes from Mailchimp')}
          hint={t(
            'mapping.flowBack.hint',
            'When a person edits their details in Mailchimp, the mapped fields of the entry follow (audited, never pushed back).'
          )}
          error={errors.flowBack}
          checked={form.flowBack}
          disabled={disabled}
          onChange={(checked) => set('flowBack', checked)}
        />
      </Grid.Item>
      <Grid.Item col={6} s={12} direction="column" alignItems="stretch">
        <Field.Root
          name="onErase"
          error={errors.onErase}
          hint={t(
            'mapping.onErase.hint',
            'Anonymise blanks the email, the mapped fields and consent (a required email gets an undeliverable placeholder).'
          )}
        >
          <Field.Label>{t('mapping.onErase', 'When an address is erased')}</Field.Label>
          <SingleSelect
            data-testid="mapping-on-erase"
            value={form.onErase}
            disabled={disabled}
            onChange={(value: string | number) => set('onErase', value as ProfileInput['onErase'])}
          >
            {ON_ERASE.map((choice) => (
              <SingleSelectOption key={choice} value={choice}>
                {onEraseLabel[choice]}
              </SingleSelectOption>
            ))}
          </SingleSelect>
          <Field.Error />
          <Field.Hint />
        </Field.Root>
      </Grid.Item>
    </>
  );
};
