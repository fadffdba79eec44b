import {
  DatePicker,
  MultiSelect,
  MultiSelectOption,
  NumberInput,
  SingleSelect,
  SingleSelectOption,
  TextInput,
} from '@strapi/design-system';
import type { ChangeEvent } from 'react';
import type { SegmentAttribute, SegmentCondition, SegmentValue } from '../../../api/segments';
import { useT } from '../../../utils/useT';
import { dateValue, parseDateValue, valueKind } from '../conditionValues';
import { ListValueInput } from './ListValueInput';

interface Props {
  attribute: SegmentAttribute | undefined;
  condition: SegmentCondition;
  /** The accessible name of the input: "Value of condition 2". */
  label: string;
  disabled: boolean;
  onChange(value: SegmentValue | undefined): void;
}

const asList = (value: SegmentValue | undefined) =>
  Array.isArray(value) ? value : typeof value === 'string' && value ? [value] : [];

/** The value part of a condition, as the attribute's type and the operator need it. */
export const ConditionValueInput = ({ attribute, condition, label, disabled, onChange }: Props) => {
  const t = useT();
  const { value } = condition;
  const kind = valueKind(attribute, condition.operator);

  switch (kind) {
    case 'none':
      return null;
    case 'enumList':
      return (
        <MultiSelect
          aria-label={label}
          value={asList(value)}
          placeholder={t('segments.value.choose', 'Choose values')}
          disabled={disabled}
          withTags
          onChange={(values: string[]) => onChange(values)}
        >
          {(attribute?.enum ?? []).map((option) => (
            <MultiSelectOption key={option} value={option}>
              {option}
            </MultiSelectOption>
          ))}
        </MultiSelect>
      );
    case 'list':
      return (
        // Keyed by the attribute: another attribute starts from an empty list, and so its text.
        <ListValueInput
          key={condition.field}
          label={label}
          value={asList(value)}
          disabled={disabled}
          placeholder={t('segments.value.list', 'Values, separated by commas')}
          onChange={onChange}
        />
      );
    case 'enum':
      return (
        <SingleSelect
          aria-label={label}
          value={typeof value === 'string' ? value : undefined}
          placeholder={t('segments.value.chooseOne', 'Choose a value')}
          disabled={disabled}
          onChange={(next: string | number) => onChange(String(next))}
        >
          {(attribute?.enum ?? []).map((option) => (
            <SingleSelectOption key={option} value={option}>
              {option}
            </SingleSelectOption>
          ))}
        </SingleSelect>
      );
    case 'boolean':
      return (
        <SingleSelect
          aria-label={label}
          value={value === false ? 'false' : 'true'}
          disabled={disabled}
          onChange={(next: string | number) => onChange(next === 'true')}
        >
          <SingleSelectOption value="true">{t('segments.value.true', 'true')}</SingleSelectOption>
          <SingleSelectOption value="false">
            {t('segments.value.false', 'false')}
          </SingleSelectOption>
        </SingleSelect>
      );
    case 'number':
      return (
        <NumberInput
          aria-label={label}
          value={typeof value === 'number' ? value : undefined}
          disabled={disabled}
          onValueChange={(next: number | undefined) => onChange(next)}
        />
      );
    case 'date':
      return (
        <DatePicker
          aria-label={label}
          value={parseDateValue(value)}
          disabled={disabled}
          clearLabel={t('segments.value.clear', 'Clear')}
          onClear={() => onChange(undefined)}
          onChange={(date: Date | undefined) =>
            onChange(date ? dateValue(date, attribute?.type ?? 'date') : undefined)
          }
        />
      );
    default:
      return (
        <TextInput
          aria-label={label}
          value={typeof value === 'string' || typeof value === 'number' ? String(value) : ''}
          disabled={disabled}
          onChange={(e: ChangeEvent<HTMLInputElement>) => onChange(e.target.value)}
        />
      );
  }
};
