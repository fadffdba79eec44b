import {
  Button,
  Field,
  Flex,
  SingleSelect,
  SingleSelectOption,
  Typography,
} from '@strapi/design-system';
import { Plus } from '@strapi/icons';
import type { SegmentAttribute, SegmentMatch } from '../../../api/segments';
import { useT } from '../../../utils/useT';
import type { SegmentForm } from '../useSegmentForm';
import { ConditionRow } from './ConditionRow';

interface Props {
  segment: SegmentForm;
  attributes: SegmentAttribute[];
  attributesLoaded: boolean;
  attributesError: string | null;
  /** Server errors by field, from saving or from the preview. */
  errors: Record<string, string>;
  disabled: boolean;
}

/** "Contacts match all/any of": the condition rows, and "Add condition". */
export const ConditionsSection = ({
  segment,
  attributes,
  attributesLoaded,
  attributesError,
  errors,
  disabled,
}: Props) => {
  const t = useT();
  const { form, set, setCondition, addCondition, removeCondition } = segment;

  if (form.profileId === null)
    return (
      <Typography variant="pi" textColor="neutral600">
        {t(
          'segments.conditions.noProfile',
          'Choose a sync profile first: filters use its content type’s attributes.'
        )}
      </Typography>
    );

  return (
    <Flex direction="column" alignItems="stretch" gap={4}>
      {attributesError ? (
        <Typography textColor="danger600" role="alert">
          {attributesError}
        </Typography>
      ) : null}
      <Field.Root
        name="match"
        error={errors.match}
        hint={t(
          'segments.match.hint',
          'With no condition the segment holds every contact of the profile.'
        )}
      >
        <Field.Label>{t('segments.match', 'Contacts match')}</Field.Label>
        <SingleSelect
          value={form.match}
          disabled={disabled}
          onChange={(value: string | number) => set('match', value as SegmentMatch)}
        >
          <SingleSelectOption value="all">
            {t('segments.match.all', 'all of the conditions')}
          </SingleSelectOption>
          <SingleSelectOption value="any">
            {t('segments.match.any', 'any of the conditions')}
          </SingleSelectOption>
        </SingleSelect>
        <Field.Error />
        <Field.Hint />
      </Field.Root>
      {errors.conditions && !Object.keys(errors).some((k) => k.startsWith('conditions.')) ? (
        <Typography textColor="danger600" role="alert">
          {errors.conditions}
        </Typography>
      ) : null}
      {form.conditions.map((condition, index) => (
        <ConditionRow
          key={segment.rowKeys[index] ?? `extra-${index}`}
          index={index}
          condition={condition}
          attributes={attributes}
          attributesLoaded={attributesLoaded}
          errors={errors}
          disabled={disabled}
          onChange={(next) => setCondition(index, next)}
          onRemove={() => removeCondition(index)}
        />
      ))}
      <Flex>
        <Button
          variant="secondary"
          startIcon={<Plus />}
          disabled={disabled || !attributesLoaded}
          onClick={() => addCondition({ field: '', operator: 'eq' })}
        >
          {t('segments.conditions.add', 'Add condition')}
        </Button>
      </Flex>
    </Flex>
  );
};
