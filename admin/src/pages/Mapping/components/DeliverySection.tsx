import { ToggleField } from './ToggleField';
import { Field, Grid, SingleSelect, SingleSelectOption, TextInput } from '@strapi/design-system';
import type { ChangeEvent } from 'react';
import type { ProfileInput, SyncSource } from '../../../api/sync';
import { useT } from '../../../utils/useT';
import type { ProfileForm } from '../useProfileForm';
import { ConsentLoopFields } from './ConsentLoopFields';
import { StaticTagsInput } from './StaticTagsInput';

/** SingleSelect values cannot be null: this one stands for "no tag attribute". */
const NONE = '__none__';
const TAGGABLE = new Set(['enumeration', 'string', 'relation']);
const ON_DELETE: Array<ProfileInput['onDelete']> = ['archive', 'keep', 'delete'];

interface Props {
  profile: ProfileForm;
  source: SyncSource | undefined;
  disabled: boolean;
}

/** Tags, double opt-in, the welcome tag, deletion and erasure, flow-back, and the on/off switch. */
export const DeliverySection = ({ profile, source, disabled }: Props) => {
  const t = useT();
  const { form, errors, set } = profile;
  const taggable = (source?.attributes ?? []).filter((a) => TAGGABLE.has(a.type));
  const onDeleteLabel: Record<ProfileInput['onDelete'], string> = {
    archive: t('mapping.onDelete.archive', 'Archive the member (default)'),
    keep: t('mapping.onDelete.keep', 'Keep the member'),
    delete: t('mapping.onDelete.delete', 'Delete the member permanently'),
  };

  return (
    <Grid.Root gap={4}>
      <Grid.Item col={6} s={12} direction="column" alignItems="stretch">
        <StaticTagsInput
          tags={form.staticTags}
          error={errors.staticTags}
          disabled={disabled}
          onChange={(tags) => set('staticTags', tags)}
        />
      </Grid.Item>
      <Grid.Item col={6} s={12} direction="column" alignItems="stretch">
        <Field.Root
          name="tagAttribute"
          error={errors.tagAttribute}
          hint={t(
            'mapping.tagAttribute.hint',
            'Each contact is also tagged with this attribute’s value (a relation: its label).'
          )}
        >
          <Field.Label>{t('mapping.tagAttribute', 'Tag from attribute')}</Field.Label>
          <SingleSelect
            data-testid="mapping-tag-attribute"
            value={form.tagAttribute ?? NONE}
            disabled={disabled || !source}
            onChange={(value: string | number) =>
              set('tagAttribute', value === NONE ? null : String(value))
            }
          >
            <SingleSelectOption value={NONE}>
              {t('mapping.tagAttribute.none', 'None')}
            </SingleSelectOption>
            {taggable.map((a) => (
              <SingleSelectOption key={a.name} value={a.name}>
                {`${a.name} (${a.type})`}
              </SingleSelectOption>
            ))}
          </SingleSelect>
          <Field.Error />
          <Field.Hint />
        </Field.Root>
      </Grid.Item>
      <Grid.Item col={6} s={12} direction="column" alignItems="stretch">
        <ToggleField
          name="doubleOptIn"
          label={t('mapping.doubleOptIn', 'Double opt-in')}
          hint={t(
            'mapping.doubleOptIn.hint',
            'New contacts are created pending and Mailchimp sends them one confirmation email.'
          )}
          error={errors.doubleOptIn}
          checked={form.doubleOptIn}
          disabled={disabled}
          onChange={(checked) => set('doubleOptIn', checked)}
        />
      </Grid.Item>
      <Grid.Item col={6} s={12} direction="column" alignItems="stretch">
        <Field.Root
          name="welcomeTag"
          error={errors.welcomeTag}
          hint={t(
            'mapping.welcomeTag.hint',
            'Applied once, when a contact first becomes subscribed. A Customer Journey started by this tag sends the welcome email.'
          )}
        >
          <Field.Label>{t('mapping.welcomeTag', 'Welcome tag')}</Field.Label>
          <TextInput
            name="welcomeTag"
            value={form.welcomeTag ?? ''}
            disabled={disabled}
            onChange={(e: ChangeEvent<HTMLInputElement>) =>
              set('welcomeTag', e.target.value.trim() === '' ? null : e.target.value)
            }
          />
          <Field.Error />
          <Field.Hint />
        </Field.Root>
      </Grid.Item>
      <Grid.Item col={6} s={12} direction="column" alignItems="stretch">
        <Field.Root name="onDelete" error={errors.onDelete}>
          <Field.Label>{t('mapping.onDelete', 'When an entry is deleted')}</Field.Label>
          <SingleSelect
            data-testid="mapping-on-delete"
            value={form.onDelete}
            disabled={disabled}
            onChange={(value: string | number) =>
              set('onDelete', value as ProfileInput['onDelete'])
            }
          >
            {ON_DELETE.map((choice) => (
              <SingleSelectOption key={choice} value={choice}>
                {onDeleteLabel[choice]}
              </SingleSelectOption>
            ))}
          </SingleSelect>
          <Field.Error />
        </Field.Root>
      </Grid.Item>
      <ConsentLoopFields profile={profile} disabled={disabled} />
      <Grid.Item col={6} s={12} direction="column" alignItems="stretch">
        <ToggleField
          name="enabled"
          label={t('mapping.enabled', 'Enabled')}
          hint={t(
            'mapping.enabled.hint',
            'Off: changes are not pushed and the daily re-sync skips it.'
          )}
          error={errors.enabled}
          checked={form.enabled}
          disabled={disabled}
          onChange={(checked) => set('enabled', checked)}
        />
      </Grid.Item>
    </Grid.Root>
  );
};
