import type {
  LimitPeriod,
  PointEventType,
  PointRuleInput,
  PointRuleView,
  TriggerEventOptions,
} from '../../api/triggers';

export type FieldValue = string | number | boolean | null;

/** The rule editor's state: every event type's inputs at once, so switching keeps them. */
export interface RuleForm {
  name: string;
  type: PointEventType;
  uid: string;
  relationField: string;
  field: string;
  value: FieldValue;
  points: number | undefined;
  limited: boolean;
  limitCount: number | undefined;
  limitPer: LimitPeriod;
}

export const NUMBER_TYPES = new Set(['integer', 'biginteger', 'decimal', 'float']);

export const ruleToForm = (rule: PointRuleView | null): RuleForm => {
  const event = rule?.event;
  return {
    name: rule?.name ?? '',
    type: event?.type ?? 'entry.created',
    uid: event?.type === 'entry.created' ? event.uid : '',
    relationField: event?.type === 'entry.created' ? event.relationField : '',
    field: event?.type === 'field.changed' ? event.field : '',
    value: event?.type === 'field.changed' ? event.value : '',
    points: rule?.points ?? 10,
    limited: Boolean(rule?.limit),
    limitCount: rule?.limit?.count ?? 1,
    limitPer: rule?.limit?.per ?? 'day',
  };
};

/** A value that fits the field's type: the first choice of an enumeration, true for a boolean. */
export const defaultValueFor = (field: TriggerEventOptions['fields'][number] | undefined) => {
  if (!field) return '';
  if (field.enum?.length) return field.enum[0];
  if (field.type === 'boolean') return true;
  if (NUMBER_TYPES.has(field.type)) return 0;
  return '';
};

/** The body of POST/PUT /triggers/rules; the server names whatever is missing or wrong. */
export const formToInput = (form: RuleForm, profileId: number, paused: boolean): PointRuleInput => {
  const event: PointRuleInput['event'] =
    form.type === 'entry.created'
      ? { type: form.type, uid: form.uid, relationField: form.relationField }
      : form.type === 'field.changed'
        ? { type: form.type, field: form.field, value: form.value }
        : { type: form.type };
  return {
    name: form.name.trim(),
    profileId,
    event,
    // An empty input goes as NaN, which JSON sends as null: the server names it, nothing becomes 0.
    points: form.points ?? Number.NaN,
    limit:
      form.limited && form.limitCount !== undefined
        ? { count: form.limitCount, per: form.limitPer }
        : null,
    paused,
  };
};
