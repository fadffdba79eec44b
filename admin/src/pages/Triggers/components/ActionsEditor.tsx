import {
  Box,
  Button,
  Field,
  Flex,
  IconButton,
  SingleSelect,
  SingleSelectOption,
  TextInput,
  Typography,
} from '@strapi/design-system';
import { Plus, Trash } from '@strapi/icons';
import type { ChangeEvent } from 'react';
import {
  THRESHOLD_ACTION_TYPES,
  type SegmentOption,
  type ThresholdActionType,
} from '../../../api/triggers';
import { useT } from '../../../utils/useT';
import { actionTypeLabel } from '../describe';
import { emptyRow, type ActionRow } from '../thresholdForm';

interface Props {
  rows: ActionRow[];
  segments: SegmentOption[];
  errors: Record<string, string>;
  onChange(rows: ActionRow[]): void;
}

/** The "do" of a threshold: a list of actions, each with its own inputs (tags, segment). */
export const ActionsEditor = ({ rows, segments, errors, onChange }: Props) => {
  const t = useT();
  const update = (index: number, patch: Partial<ActionRow>) =>
    onChange(rows.map((row, i) => (i === index ? { ...row, ...patch } : row)));
  return (
    <Flex direction="column" alignItems="stretch" gap={3} data-testid="threshold-actions">
      <Typography variant="pi" fontWeight="bold">
        {t('triggers.threshold.actions', 'Actions')}
      </Typography>
      {rows.map((row, index) => {
        const number = String(index + 1);
        return (
          <Flex key={index} gap={2} alignItems="flex-end" data-testid={`action-row-${index}`}>
            <Box flex="1">
              <Field.Root name={`actions.${index}.type`} error={errors[`actions.${index}.type`]}>
                <Field.Label>
                  {t('triggers.threshold.action', 'Action {number}', { number })}
                </Field.Label>
                <SingleSelect
                  value={row.type}
                  onChange={(next: string | number) =>
                    update(index, { type: next as ThresholdActionType })
                  }
                >
                  {THRESHOLD_ACTION_TYPES.map((type) => (
                    <SingleSelectOption key={type} value={type}>
                      {actionTypeLabel(t, type)}
                    </SingleSelectOption>
                  ))}
                </SingleSelect>
                <Field.Error />
              </Field.Root>
            </Box>
            {row.type === 'addTags' || row.type === 'removeTags' ? (
              <Box flex="1">
                <Field.Root name={`actions.${index}.tags`} error={errors[`actions.${index}.tags`]}>
                  <Field.Label>
                    {t('triggers.threshold.tags', 'Tags of action {number}', { number })}
                  </Field.Label>
                  <TextInput
                    name={`actions.${index}.tags`}
                    value={row.tags}
                    placeholder={t('triggers.threshold.tags.placeholder', 'hot-lead, vip')}
                    onChange={(e: ChangeEvent<HTMLInputElement>) =>
                      update(index, { tags: e.target.value })
                    }
                  />
                  <Field.Error />
                </Field.Root>
              </Box>
            ) : null}
            {row.type === 'addToSegment' ? (
              <Box flex="1">
                <Field.Root
                  name={`actions.${index}.segmentId`}
                  error={errors[`actions.${index}.segmentId`]}
                >
                  <Field.Label>
                    {t('triggers.threshold.segment', 'Segment of action {number}', { number })}
                  </Field.Label>
                  <SingleSelect
                    value={row.segmentId}
                    placeholder={
                      segments.length
                        ? t('triggers.rule.choose', 'Choose…')
                        : t('triggers.threshold.noSegments', 'No segment in this profile')
                    }
                    onChange={(next: string | number) => update(index, { segmentId: Number(next) })}
                  >
                    {segments.map((segment) => (
                      <SingleSelectOption key={segment.id} value={segment.id}>
                        {segment.name}
                      </SingleSelectOption>
                    ))}
                  </SingleSelect>
                  <Field.Error />
                </Field.Root>
              </Box>
            ) : null}
            <IconButton
              label={t('triggers.threshold.removeAction', 'Remove action {number}', { number })}
              variant="ghost"
              onClick={() => onChange(rows.filter((_, i) => i !== index))}
            >
              <Trash />
            </IconButton>
          </Flex>
        );
      })}
      {errors.actions ? (
        <Typography variant="pi" textColor="danger600">
          {errors.actions}
        </Typography>
      ) : null}
      <Box>
        <Button
          variant="secondary"
          startIcon={<Plus />}
          onClick={() => onChange([...rows, emptyRow('push')])}
        >
          {t('triggers.threshold.addAction', 'Add action')}
        </Button>
      </Box>
    </Flex>
  );
};
