import { Button, Field, Flex, SingleSelect, SingleSelectOption } from '@strapi/design-system';
import { ArrowClockwise } from '@strapi/icons';
import { useIntl } from 'react-intl';
import type { AudiencesResponse } from '../../../api/connections';
import { useT } from '../../../utils/useT';

interface Props {
  audiences: AudiencesResponse | null;
  value: string | null;
  error?: string;
  loading: boolean;
  disabled?: boolean;
  onChange(id: string): void;
  onRefresh(): void;
}

/** The default audience, each with its subscriber count; the list is cached 15 minutes. */
export const AudiencePicker = ({
  audiences,
  value,
  error,
  loading,
  disabled,
  onChange,
  onRefresh,
}: Props) => {
  const t = useT();
  const { formatNumber, formatRelativeTime } = useIntl();
  const minutes = audiences
    ? Math.round((Date.parse(audiences.cachedAt) - Date.now()) / 60_000)
    : 0;
  return (
    <Field.Root
      name="defaultAudienceId"
      error={error}
      hint={
        audiences
          ? t('settings.audience.hint', 'Counts as of {when}', {
              when: formatRelativeTime(minutes, 'minute'),
            })
          : undefined
      }
    >
      <Field.Label>{t('settings.audience', 'Default audience')}</Field.Label>
      <Flex gap={2} alignItems="flex-start">
        <div style={{ flex: 1 }}>
          <SingleSelect
            value={value ?? undefined}
            onChange={(next: string | number) => onChange(String(next))}
            placeholder={t('settings.audience.placeholder', 'Choose an audience')}
            disabled={disabled || !audiences}
            loading={loading}
          >
            {(audiences?.audiences ?? []).map((audience) => (
              <SingleSelectOption key={audience.id} value={audience.id}>
                {t('settings.audience.option', '{name} — {count} subscribers', {
                  name: audience.name,
                  count: formatNumber(audience.memberCount),
                })}
              </SingleSelectOption>
            ))}
          </SingleSelect>
        </div>
        <Button
          variant="tertiary"
          startIcon={<ArrowClockwise />}
          onClick={onRefresh}
          loading={loading}
          disabled={disabled}
        >
          {t('settings.audience.refresh', 'Refresh')}
        </Button>
      </Flex>
      <Field.Error />
      <Field.Hint />
    </Field.Root>
  );
};
