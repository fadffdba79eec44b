import {
  Field,
  NumberInput,
  SingleSelect,
  SingleSelectOption,
  TextInput,
  Toggle,
} from '@strapi/design-system';
import type { ChangeEvent } from 'react';
import type { TriggerEventOptions } from '../../../api/triggers';
import { useT } from '../../../utils/useT';
import { NUMBER_TYPES, type FieldValue } from '../ruleForm';

interface Props {
  field: TriggerEventOptions['fields'][number] | undefined;
  value: FieldValue;
  error?: string;
  onChange(value: FieldValue): void;
}

/** "changes to <value>": a select for an enumeration, a switch for a boolean, else a text/number. */
export const FieldValueInput = ({ field, value, error, onChange }: Props) => {
  const t = useT();
  const label = t('triggers.rule.value', 'Changes to');
  const input = (() => {
    if (field?.enum?.length)
      return (
        <SingleSelect
          value={typeof value === 'string' ? value : undefined}
          onChange={(next: string | number) => onChange(String(next))}
        >
          {field.enum.map((choice) => (
            <SingleSelectOption key={choice} value={choice}>
              {choice}
            </SingleSelectOption>
          ))}
        </SingleSelect>
      );
    if (field?.type === 'boolean')
      return (
        <Toggle
          name="value"
          checked={value === true}
          onLabel={t('triggers.true', 'true')}
          offLabel={t('triggers.false', 'false')}
          onChange={(e: ChangeEvent<HTMLInputElement>) => onChange(e.target.checked)}
        />
      );
    if (field && NUMBER_TYPES.has(field.type))
      return (
        <NumberInput
          name="value"
          value={typeof value === 'number' ? value : undefined}
          onValueChange={(next: number | undefined) => onChange(next ?? null)}
        />
      );
    return (
      <TextInput
        name="value"
        value={value === null ? '' : String(value)}
        onChange={(e: ChangeEvent<HTMLInputElement>) => onChange(e.target.value)}
      />
    );
  })();
  return (
    <Field.Root name="value" error={error}>
      <Field.Label>{label}</Field.Label>
      {input}
      <Field.Error />
    </Field.Root>
  );
};
