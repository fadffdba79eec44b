import {
  Checkbox,
  Field,
  Grid,
  MultiSelect,
  MultiSelectOption,
  SingleSelect,
  SingleSelectOption,
} from '@strapi/design-system';
import type { SyncSource } from '../../../api/sync';
import { useT } from '../../../utils/useT';
import type { ProfileForm } from '../useProfileForm';

/** SingleSelect values cannot be null: this one stands for "no consent field". */
const NONE = '__none__';

interface Props {
  profile: ProfileForm;
  source: SyncSource | undefined;
  disabled: boolean;
}

/**
 * Which attribute grants marketing consent: a boolean (true consents) or an enumeration (the
 * chosen values consent). "No consent field" treats everyone as consenting, so it needs an
 * explicit acknowledgement.
 */
export const ConsentSection = ({ profile, source, disabled }: Props) => {
  const t = useT();
  const { form, errors, change } = profile;
  const candidates = (source?.attributes ?? []).filter(
    (a) => a.type === 'boolean' || a.type === 'enumeration'
  );
  const field = candidates.find((a) => a.name === form.consentField);
  const rule = form.consentRule;
  const selected = form.consentField ?? (rule.kind === 'none' ? NONE : undefined);

  const choose = (value: string | number) => {
    if (value === NONE)
      return change({ consentField: null, consentRule: { kind: 'none', acknowledged: false } });
    const attribute = candidates.find((a) => a.name === value);
    change({
      consentField: String(value),
      consentRule:
        attribute?.type === 'enumeration'
          ? { kind: 'enumeration', values: [] }
          : { kind: 'boolean' },
    });
  };

  return (
    <Grid.Root gap={4}>
      <Grid.Item col={6} s={12} direction="column" alignItems="stretch">
        <Field.Root
          name="consentField"
          error={errors.consentField}
          hint={t(
            'mapping.consent.hint',
            'Contacts without consent are not subscribed; removing consent unsubscribes them.'
          )}
          required
        >
          <Field.Label>{t('mapping.consent', 'Consent field')}</Field.Label>
          <SingleSelect
            data-testid="mapping-consent-field"
            value={selected}
            placeholder={t('mapping.consent.placeholder', 'Choose how consent is recorded')}
            disabled={disabled || !source}
            onChange={choose}
          >
            {candidates.map((a) => (
              <SingleSelectOption key={a.name} value={a.name}>
                {`${a.name} (${a.type})`}
              </SingleSelectOption>
            ))}
            <SingleSelectOption value={NONE}>
              {t('mapping.consent.none', 'No consent field')}
            </SingleSelectOption>
          </SingleSelect>
          <Field.Error />
          <Field.Hint />
        </Field.Root>
      </Grid.Item>
      <Grid.Item col={6} s={12} direction="column" alignItems="stretch">
        {field?.type === 'boolean' ? (
          <Field.Root
            name="consentRule"
            error={errors.consentRule}
            hint={t('mapping.consent.boolean', 'Consent when {field} is true.', {
              field: field.name,
            })}
          >
            <Field.Label>{t('mapping.consent.rule', 'Consent rule')}</Field.Label>
            <Field.Error />
            <Field.Hint />
          </Field.Root>
        ) : null}
        {field?.type === 'enumeration' && rule.kind === 'enumeration' ? (
          <Field.Root
            name="consentRule"
            error={errors.consentRule}
            hint={t('mapping.consent.values.hint', 'Entries with one of these values consent.')}
            required
          >
            <Field.Label>{t('mapping.consent.values', 'Values that consent')}</Field.Label>
            <MultiSelect
              data-testid="mapping-consent-values"
              value={rule.values}
              withTags
              disabled={disabled}
              onChange={(values: string[]) =>
                change({ consentRule: { kind: 'enumeration', values } })
              }
            >
              {(field.enum ?? []).map((value) => (
                <MultiSelectOption key={value} value={value}>
                  {value}
                </MultiSelectOption>
              ))}
            </MultiSelect>
            <Field.Error />
            <Field.Hint />
          </Field.Root>
        ) : null}
        {rule.kind === 'none' ? (
          <Field.Root name="consentRule" error={errors.consentRule}>
            <Checkbox
              name="consentAcknowledged"
              checked={rule.acknowledged}
              disabled={disabled}
              onCheckedChange={(checked: boolean | 'indeterminate') =>
                change({ consentRule: { kind: 'none', acknowledged: checked === true } })
              }
            >
              {t(
                'mapping.consent.acknowledge',
                'I confirm every contact of this type has consented to marketing email: all of them will be subscribed.'
              )}
            </Checkbox>
            <Field.Error />
          </Field.Root>
        ) : null}
      </Grid.Item>
    </Grid.Root>
  );
};
