import {
  Field,
  Flex,
  Grid,
  IconButton,
  SingleSelect,
  SingleSelectOption,
} from '@strapi/design-system';
import { Trash } from '@strapi/icons';
import type { SegmentAttribute, SegmentCondition, SegmentOperator } from '../../../api/segments';
import { useT } from '../../../utils/useT';
import { conditionFor, withOperator } from '../conditionValues';
import { AttributeSelect } from './AttributeSelect';
import { ConditionValueInput } from './ConditionValueInput';
import { useOperatorLabel } from './operatorLabels';

interface Props {
  index: number;
  condition: SegmentCondition;
  attributes: SegmentAttribute[];
  /** False while the attributes load: a missing attribute is only known once they have. */
  attributesLoaded: boolean;
  errors: Record<string, string>;
  disabled: boolean;
  onChange(condition: SegmentCondition): void;
  onRemove(): void;
}

/** attribute · operator (only those the attribute's type allows) · value · remove. */
export const ConditionRow = ({
  index,
  condition,
  attributes,
  attributesLoaded,
  errors,
  disabled,
  onChange,
  onRemove,
}: Props) => {
  const t = useT();
  const operatorLabel = useOperatorLabel();
  const n = index + 1;
  const attribute = attributes.find((a) => a.path === condition.field);
  const key = `conditions.${index}`;
  // A stored filter may name an attribute removed from the content type since: say so here.
  const missing =
    attributesLoaded && condition.field && !attribute
      ? t(
          'segments.condition.missing',
          '“{field}” is no longer an attribute of this content type: choose another one or remove this condition.',
          { field: condition.field }
        )
      : undefined;
  const fieldError = errors[`${key}.field`] ?? missing;
  const operatorError = errors[`${key}.operator`];
  const valueError = errors[`${key}.value`] ?? errors[key];

  return (
    <Grid.Root gap={2} data-testid={`condition-${index}`}>
      <Grid.Item col={4} s={12} direction="column" alignItems="stretch">
        <Field.Root name={`${key}.field`} error={fieldError}>
          <AttributeSelect
            attributes={attributes}
            value={condition.field}
            label={t('segments.condition.attribute', 'Attribute of condition {n}', { n })}
            disabled={disabled}
            hasError={Boolean(fieldError)}
            onChange={(next) => onChange(conditionFor(next))}
          />
          <Field.Error />
        </Field.Root>
      </Grid.Item>
      <Grid.Item col={3} s={12} direction="column" alignItems="stretch">
        <Field.Root name={`${key}.operator`} error={operatorError}>
          <SingleSelect
            aria-label={t('segments.condition.operator', 'Operator of condition {n}', { n })}
            value={condition.operator}
            disabled={disabled || !attribute}
            onChange={(next: string | number) =>
              onChange(withOperator(condition, attribute, next as SegmentOperator))
            }
          >
            {(attribute?.operators ?? [condition.operator]).map((operator) => (
              <SingleSelectOption key={operator} value={operator}>
                {operatorLabel(operator)}
              </SingleSelectOption>
            ))}
          </SingleSelect>
          <Field.Error />
        </Field.Root>
      </Grid.Item>
      <Grid.Item col={4} s={10} direction="column" alignItems="stretch">
        <Field.Root name={`${key}.value`} error={valueError}>
          <ConditionValueInput
            attribute={attribute}
            condition={condition}
            label={t('segments.condition.value', 'Value of condition {n}', { n })}
            disabled={disabled || !attribute}
            onChange={(value) =>
              onChange(
                value === undefined
                  ? { field: condition.field, operator: condition.operator }
                  : { ...condition, value }
              )
            }
          />
          <Field.Error />
        </Field.Root>
      </Grid.Item>
      <Grid.Item col={1} s={2} alignItems="flex-start">
        <Flex paddingTop={1}>
          <IconButton
            label={t('segments.condition.remove', 'Remove condition {n}', { n })}
            variant="ghost"
            disabled={disabled}
            onClick={onRemove}
          >
            <Trash />
          </IconButton>
        </Flex>
      </Grid.Item>
    </Grid.Root>
  );
};
