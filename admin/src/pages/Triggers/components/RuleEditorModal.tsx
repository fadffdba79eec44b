import {
  Field,
  Flex,
  NumberInput,
  SingleSelect,
  SingleSelectOption,
  Toggle,
} from '@strapi/design-system';
import type { ChangeEvent } from 'react';
import {
  LIMIT_PERIODS,
  useTriggersApi,
  type LimitPeriod,
  type PointRuleView,
  type TriggerEventOptions,
} from '../../../api/triggers';
import { useT } from '../../../utils/useT';
import { periodLabel } from '../describe';
import { formToInput, ruleToForm, type RuleForm } from '../ruleForm';
import { useEditorForm } from '../useEditorForm';
import { EditorModal, NameField } from './EditorModal';
import { EventFields } from './EventFields';

interface Props {
  /** `undefined`: closed; `null`: a new rule; else the rule being edited. */
  rule: PointRuleView | null | undefined;
  profileId: number;
  options: TriggerEventOptions | null;
  onClose(): void;
  onSaved(): void;
}

/** "When <event> then add <n> points (at most <k> times per <period>)". */
export const RuleEditorModal = ({ rule, profileId, options, onClose, onSaved }: Props) => {
  const t = useT();
  const api = useTriggersApi();
  const { open, form, patch, errors, formError, saving, save } = useEditorForm(
    rule,
    ruleToForm,
    (current: RuleForm) => {
      const input = formToInput(current, profileId, rule?.paused ?? false);
      return rule ? api.updateRule(rule.id, input) : api.createRule(input);
    },
    onSaved
  );

  return (
    <EditorModal
      open={open}
      title={
        rule ? t('triggers.rule.edit', 'Edit point rule') : t('triggers.rule.new', 'New point rule')
      }
      formError={formError}
      saving={saving}
      onClose={onClose}
      onSave={() => void save()}
    >
      <NameField
        value={form.name}
        error={errors.name}
        placeholder={t('triggers.rule.name.placeholder', 'e.g. Order placed')}
        onChange={(name) => patch({ name })}
      />
      <EventFields form={form} options={options} errors={errors} onChange={patch} />
      <Field.Root
        name="points"
        error={errors.points}
        hint={t('triggers.rule.points.hint', 'Negative numbers take points away.')}
        required
      >
        <Field.Label>{t('triggers.rule.points', 'Points')}</Field.Label>
        <NumberInput
          name="points"
          value={form.points}
          onValueChange={(points: number | undefined) => patch({ points })}
        />
        <Field.Error />
        <Field.Hint />
      </Field.Root>
      <Field.Root name="limited">
        <Field.Label>{t('triggers.rule.limited', 'Limit how often')}</Field.Label>
        <Toggle
          name="limited"
          checked={form.limited}
          onLabel={t('mapping.on', 'On')}
          offLabel={t('mapping.off', 'Off')}
          onChange={(e: ChangeEvent<HTMLInputElement>) => patch({ limited: e.target.checked })}
        />
      </Field.Root>
      {form.limited ? (
        <Flex gap={4} alignItems="flex-start">
          <Field.Root name="limitCount" error={errors['limit.count'] ?? errors['limit.per']}>
            <Field.Label>{t('triggers.rule.limitCount', 'At most (times)')}</Field.Label>
            <NumberInput
              name="limitCount"
              value={form.limitCount}
              onValueChange={(limitCount: number | undefined) => patch({ limitCount })}
            />
            <Field.Error />
          </Field.Root>
          <Field.Root name="limitPer">
            <Field.Label>{t('triggers.rule.limitPer', 'Period')}</Field.Label>
            <SingleSelect
              value={form.limitPer}
              onChange={(next: string | number) => patch({ limitPer: next as LimitPeriod })}
            >
              {LIMIT_PERIODS.map((per) => (
                <SingleSelectOption key={per} value={per}>
                  {periodLabel(t, per)}
                </SingleSelectOption>
              ))}
            </SingleSelect>
          </Field.Root>
        </Flex>
      ) : null}
    </EditorModal>
  );
};
