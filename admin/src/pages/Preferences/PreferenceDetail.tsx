import { Box, Button, Flex, Grid, Loader, Typography } from '@strapi/design-system';
import { useNotification, useRBAC } from '@strapi/strapi/admin';
import { useCallback, useEffect, useState } from 'react';
import { useIntl } from 'react-intl';
import { usePreferencesApi, type PreferenceLookup } from '../../api/preferences';
import { PERMISSIONS } from '../../permissions';
import { readApiError } from '../../utils/apiError';
import { useT } from '../../utils/useT';
import { EraseDialog } from './EraseDialog';
import { HistoryTimeline } from './HistoryTimeline';
import { PlatformsTable } from './PlatformsTable';
import { PreferenceStatusBadge } from './PreferenceStatusBadge';
import { TextDialog } from './TextDialog';

/** One address: its record, where it is pushed, its history, and what an admin may do. */
export const PreferenceDetail = ({ email, onChanged }: { email: string; onChanged(): void }) => {
  const t = useT();
  const { formatDate } = useIntl();
  const api = usePreferencesApi();
  const { toggleNotification } = useNotification();
  const { allowedActions } = useRBAC({
    manage: PERMISSIONS.preferencesManage,
    erase: PERMISSIONS.preferencesErase,
  });
  const [lookup, setLookup] = useState<PreferenceLookup | null>(null);
  const [error, setError] = useState<string | null>(null);

  const load = useCallback(async () => {
    try {
      setLookup(await api.lookup(email));
      setError(null);
    } catch (caught) {
      setError(readApiError(caught).message);
    }
  }, [api, email]);
  useEffect(() => {
    setLookup(null);
    void load();
  }, [load]);

  if (error) return <Typography textColor="danger600">{error}</Typography>;
  if (!lookup) return <Loader small>{t('preferences.loading', 'Loading…')}</Loader>;
  const record = lookup.record;
  const erased = record?.erased ?? false;
  const suppressed = erased || record?.status === 'cleaned';
  const when = (iso: string | null | undefined) =>
    iso ? formatDate(iso, { dateStyle: 'medium', timeStyle: 'medium' }) : '—';
  const done = (message: string) => (next: PreferenceLookup) => {
    setLookup(next);
    onChanged();
    toggleNotification({ type: 'success', message });
  };
  const fields: Array<[string, string, string]> = [
    [
      'consentGivenAt',
      t('preferences.consentGivenAt', 'Consent given'),
      when(record?.consentGivenAt),
    ],
    [
      'consentWithdrawnAt',
      t('preferences.consentWithdrawnAt', 'Consent withdrawn'),
      when(record?.consentWithdrawnAt),
    ],
    ['source', t('preferences.source', 'Source'), record?.source ?? '—'],
    [
      'confirmationSentAt',
      t('preferences.confirmationSentAt', 'Confirmation sent'),
      when(record?.confirmationSentAt),
    ],
    ['confirmedAt', t('preferences.confirmedAt', 'Confirmed'), when(record?.confirmedAt)],
  ];

  return (
    <Box
      background="neutral0"
      hasRadius
      shadow="tableShadow"
      padding={6}
      data-testid="preference-detail"
    >
      <Flex direction="column" alignItems="stretch" gap={6}>
        <Flex justifyContent="space-between" gap={4} wrap="wrap">
          <Flex gap={3}>
            <Typography variant="beta" tag="h2">
              {erased
                ? t('preferences.erasedPerson', 'Erased person (address not kept)')
                : lookup.email}
            </Typography>
            <PreferenceStatusBadge status={record?.status ?? null} />
          </Flex>
          {erased ? null : (
            <Flex gap={2}>
              {allowedActions.canManage && !suppressed ? (
                <TextDialog
                  trigger={
                    <Button variant="secondary">{t('preferences.record', 'Record consent')}</Button>
                  }
                  title={t('preferences.record.title', 'Record consent')}
                  intro={t(
                    'preferences.record.intro',
                    'Record that the person gave consent (a signed form, a call). The mapped entries are marked as consenting and pushed; someone who unsubscribed gets the platform’s confirmation email.'
                  )}
                  fields={[
                    {
                      name: 'source',
                      label: t('preferences.record.source', 'Where consent was given'),
                      required: true,
                    },
                    { name: 'note', label: t('preferences.record.note', 'Note') },
                  ]}
                  confirmLabel={t('preferences.record.action', 'Record consent')}
                  onSubmit={async (values) =>
                    done(t('preferences.record.done', 'Consent recorded.'))(
                      await api.recordConsent({
                        email: lookup.email,
                        source: values.source ?? '',
                        note: values.note,
                      })
                    )
                  }
                />
              ) : null}
              {allowedActions.canManage && !suppressed ? (
                <TextDialog
                  trigger={
                    <Button variant="danger-light">
                      {t('preferences.withdraw', 'Withdraw consent')}
                    </Button>
                  }
                  title={t('preferences.withdraw.title', 'Withdraw consent')}
                  intro={t(
                    'preferences.withdraw.intro',
                    'The person is unsubscribed on every connected platform and the mapped consent fields are cleared.'
                  )}
                  fields={[{ name: 'reason', label: t('preferences.withdraw.reason', 'Reason') }]}
                  confirmLabel={t('preferences.withdraw.action', 'Withdraw consent')}
                  variant="danger"
                  onSubmit={async (values) =>
                    done(t('preferences.withdraw.done', 'Consent withdrawn.'))(
                      await api.withdraw({ email: lookup.email, reason: values.reason })
                    )
                  }
                />
              ) : null}
              {allowedActions.canErase ? (
                <EraseDialog
                  email={lookup.email}
                  erase={(confirm) => api.erase(lookup.email, confirm)}
                  onErased={() => {
                    onChanged();
                    void load();
                  }}
                />
              ) : null}
            </Flex>
          )}
        </Flex>
        {record ? null : (
          <Typography textColor="neutral600">
            {t('preferences.noRecord', 'The plugin holds no consent record for this address yet.')}
          </Typography>
        )}
        <Grid.Root gap={4}>
          {fields.map(([key, label, value]) => (
            <Grid.Item key={key} col={4} s={6} direction="column" alignItems="flex-start">
              <Typography variant="sigma" textColor="neutral600">
                {label}
              </Typography>
              <Typography data-testid={`record-${key}`}>{value}</Typography>
            </Grid.Item>
          ))}
        </Grid.Root>
        <Flex direction="column" alignItems="stretch" gap={3}>
          <Typography variant="delta" tag="h3">
            {t('preferences.platforms', 'Platforms')}
          </Typography>
          <PlatformsTable rows={lookup.platforms} />
        </Flex>
        <Flex direction="column" alignItems="stretch" gap={3}>
          <Typography variant="delta" tag="h3">
            {t('preferences.history', 'History')}
          </Typography>
          <HistoryTimeline events={lookup.history} />
        </Flex>
      </Flex>
    </Box>
  );
};
