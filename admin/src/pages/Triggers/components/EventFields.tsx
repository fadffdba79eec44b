import { Field, Flex, SingleSelect, SingleSelectOption } from '@strapi/design-system';
import {
  POINT_EVENT_TYPES,
  type PointEventType,
  type TriggerEventOptions,
} from '../../../api/triggers';
import { useT } from '../../../utils/useT';
import { eventTypeLabel } from '../describe';
import { defaultValueFor, type RuleForm } from '../ruleForm';
import { FieldValueInput } from './FieldValueInput';

interface Props {
  form: RuleForm;
  options: TriggerEventOptions | null;
  errors: Record<string, string>;
  onChange(patch: Partial<RuleForm>): void;
}

/** The "when" of a rule: the event type, then its content type and relation, or field and value. */
export const EventFields = ({ form, options, errors, onChange }: Props) => {
  const t = useT();
  const contentType = options?.contentTypes.find((c) => c.uid === form.uid);
  const field = options?.fields.find((f) => f.name === form.field);
  return (
    <Flex direction="column" alignItems="stretch" gap={4}>
      <Field.Root name="eventType" error={errors['event.type']} required>
        <Field.Label>{t('triggers.rule.event', 'When')}</Field.Label>
        <SingleSelect
          value={form.type}
          onChange={(next: string | number) => onChange({ type: next as PointEventType })}
        >
          {POINT_EVENT_TYPES.map((type) => (
            <SingleSelectOption key={type} value={type}>
              {eventTypeLabel(t, type)}
            </SingleSelectOption>
          ))}
        </SingleSelect>
        <Field.Error />
      </Field.Root>
      {form.type === 'entry.created' ? (
        <Flex gap={4} alignItems="flex-start">
          <Field.Root
            name="uid"
            error={errors['event.uid']}
            hint={t('triggers.rule.contentType.hint', 'Types with a relation to the contact.')}
            required
            style={{ flex: 1 }}
          >
            <Field.Label>{t('triggers.rule.contentType', 'Content type')}</Field.Label>
            <SingleSelect
              value={form.uid || undefined}
              placeholder={t('triggers.rule.choose', 'Choose…')}
              onChange={(next: string | number) => {
                const picked = options?.contentTypes.find((c) => c.uid === next);
                // One relation to the contact is the usual case: pick it.
                onChange({
                  uid: String(next),
                  relationField:
                    picked?.relationFields.length === 1 ? picked.relationFields[0] : '',
                });
              }}
            >
              {(options?.contentTypes ?? []).map((type) => (
                <SingleSelectOption key={type.uid} value={type.uid}>
                  {`${type.displayName} (${type.uid})`}
                </SingleSelectOption>
              ))}
            </SingleSelect>
            <Field.Error />
            <Field.Hint />
          </Field.Root>
          <Field.Root
            name="relationField"
            error={errors['event.relationField']}
            required
            style={{ flex: 1 }}
          >
            <Field.Label>{t('triggers.rule.relationField', 'Relation to the contact')}</Field.Label>
            <SingleSelect
              value={form.relationField || undefined}
              disabled={!contentType}
              placeholder={t('triggers.rule.choose', 'Choose…')}
              onChange={(next: string | number) => onChange({ relationField: String(next) })}
            >
              {(contentType?.relationFields ?? []).map((name) => (
                <SingleSelectOption key={name} value={name}>
                  {name}
                </SingleSelectOption>
              ))}
            </SingleSelect>
            <Field.Error />
          </Field.Root>
        </Flex>
      ) : null}
      {form.type === 'field.changed' ? (
        <Flex gap={4} alignItems="flex-start">
          <Field.Root name="field" error={errors['event.field']} required style={{ flex: 1 }}>
            <Field.Label>{t('triggers.rule.field', 'Field')}</Field.Label>
            <SingleSelect
              value={form.field || undefined}
              placeholder={t('triggers.rule.choose', 'Choose…')}
              onChange={(next: string | number) => {
                const picked = options?.fields.find((f) => f.name === next);
                onChange({ field: String(next), value: defaultValueFor(picked) });
              }}
            >
              {(options?.fields ?? []).map((f) => (
                <SingleSelectOption key={f.name} value={f.name}>
                  {`${f.name} (${f.type})`}
                </SingleSelectOption>
              ))}
            </SingleSelect>
            <Field.Error />
          </Field.Root>
          <div style={{ flex: 1 }}>
            <FieldValueInput
              field={field}
              value={form.value}
              error={errors['event.value']}
              onChange={(value) => onChange({ value })}
            />
          </div>
        </Flex>
      ) : null}
    </Flex>
  );
};
