import { Field, Grid, SingleSelect, SingleSelectOption, TextInput } from '@strapi/design-system';
import type { AuditFilters } from '../../api/preferences';
import { useT } from '../../utils/useT';

const ALL = 'all';
const ACTOR_TYPES = ['admin', 'webhook', 'system'] as const;

interface Props {
  value: AuditFilters;
  onChange(next: AuditFilters): void;
}

/** Action, actor type, subject type, email and a date range (UTC days, both included). */
export const AuditFiltersBar = ({ value, onChange }: Props) => {
  const t = useT();
  const text = (
    key: 'action' | 'subjectType' | 'email' | 'from' | 'to',
    label: string,
    type = 'text'
  ) => (
    <Grid.Item col={2} s={6} direction="column" alignItems="stretch">
      <Field.Root name={key}>
        <Field.Label>{label}</Field.Label>
        <TextInput
          type={type}
          value={value[key] ?? ''}
          onChange={(e: React.ChangeEvent<HTMLInputElement>) =>
            onChange({ ...value, [key]: e.target.value })
          }
        />
      </Field.Root>
    </Grid.Item>
  );
  return (
    <Grid.Root gap={3}>
      {text('action', t('audit.filter.action', 'Action'))}
      <Grid.Item col={2} s={6} direction="column" alignItems="stretch">
        <Field.Root name="actorType">
          <Field.Label>{t('audit.filter.actorType', 'Actor type')}</Field.Label>
          <SingleSelect
            value={value.actorType ?? ALL}
            onChange={(next: string | number) =>
              onChange({
                ...value,
                actorType: next === ALL ? undefined : (next as AuditFilters['actorType']),
              })
            }
          >
            <SingleSelectOption value={ALL}>
              {t('audit.filter.anyActor', 'Anyone')}
            </SingleSelectOption>
            {ACTOR_TYPES.map((type) => (
              <SingleSelectOption key={type} value={type}>
                {t(`audit.actor.${type}`, type)}
              </SingleSelectOption>
            ))}
          </SingleSelect>
        </Field.Root>
      </Grid.Item>
      {text('subjectType', t('audit.filter.subjectType', 'Subject type'))}
      {text('email', t('audit.filter.email', 'Email'))}
      {text('from', t('audit.filter.from', 'From'), 'date')}
      {text('to', t('audit.filter.to', 'To'), 'date')}
    </Grid.Root>
  );
};
