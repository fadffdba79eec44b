import {
  Button,
  Field,
  Flex,
  Modal,
  NumberInput,
  SingleSelect,
  SingleSelectOption,
  TextInput,
  Toggle,
  Typography,
} from '@strapi/design-system';
import { useEffect, useState, type ChangeEvent } from 'react';
import {
  LIMIT_PERIODS,
  useTriggersApi,
  type LimitPeriod,
  type PointRuleView,
  type TriggerEventOptions,
} from '../../../api/triggers';
import { readApiError } from '../../../utils/apiError';
import { useT } from '../../../utils/useT';
import { periodLabel } from '../describe';
import { formToInput, ruleToForm, type RuleForm } from '../ruleForm';
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
  const [form, setForm] = useState<RuleForm>(() => ruleToForm(rule ?? null));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const open = rule !== undefined;

  useEffect(() => {
    if (!open) return;
    setForm(ruleToForm(rule ?? null));
    setErrors({});
    setFormError(null);
  }, [open, rule]);

  const patch = (next: Partial<RuleForm>) => setForm((f) => ({ ...f, ...next }));

  const save = async () => {
    setSaving(true);
    setErrors({});
    setFormError(null);
    try {
      const input = formToInput(form, profileId, rule?.paused ?? false);
      if (rule) await api.updateRule(rule.id, input);
      else await api.createRule(input);
      onSaved();
    } catch (error) {
      const info = readApiError(error);
      setErrors(info.fields);
      setFormError(info.message);
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal.Root open={open} onOpenChange={(next: boolean) => !next && onClose()}>
      <Modal.Content>
        <Modal.Header>
          <Modal.Title>
            {rule
              ? t('triggers.rule.edit', 'Edit point rule')
              : t('triggers.rule.new', 'New point rule')}
          </Modal.Title>
        </Modal.Header>
        <Modal.Body>
          <Flex direction="column" alignItems="stretch" gap={4}>
            <Field.Root name="name" error={errors.name} required>
              <Field.Label>{t('triggers.rule.name', 'Name')}</Field.Label>
              <TextInput
                name="name"
                value={form.name}
                placeholder={t('triggers.rule.name.placeholder', 'e.g. Order placed')}
                onChange={(e: ChangeEvent<HTMLInputElement>) => patch({ name: e.target.value })}
              />
              <Field.Error />
            </Field.Root>
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
                onChange={(e: ChangeEvent<HTMLInputElement>) =>
                  patch({ limited: e.target.checked })
                }
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
            {formError ? (
              <Typography textColor="danger600" role="alert">
                {formError}
              </Typography>
            ) : null}
          </Flex>
        </Modal.Body>
        <Modal.Footer>
          <Modal.Close>
            <Button variant="tertiary">{t('settings.cancel', 'Cancel')}</Button>
          </Modal.Close>
          <Button onClick={() => void save()} loading={saving}>
            {t('triggers.save', 'Save')}
          </Button>
        </Modal.Footer>
      </Modal.Content>
    </Modal.Root>
  );
};
