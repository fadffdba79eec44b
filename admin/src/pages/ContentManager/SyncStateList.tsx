import { Button, Flex, Typography } from '@strapi/design-system';
import { ArrowClockwise } from '@strapi/icons';
import { useNotification } from '@strapi/strapi/admin';
import { useState } from 'react';
import { useIntl } from 'react-intl';
import type { ContactSyncState } from '../../api/sync';
import { readApiError } from '../../utils/apiError';
import { useT } from '../../utils/useT';
import { ContactStatusBadge } from '../Mapping/components/ContactStatusBadge';

interface Props {
  states: ContactSyncState[];
  canSync: boolean;
  onSync(): Promise<void>;
}

/** Per profile: remote status, last synced, last error; then one "Sync now" for the entry. */
export const SyncStateList = ({ states, canSync, onSync }: Props) => {
  const t = useT();
  const { formatDate } = useIntl();
  const { toggleNotification } = useNotification();
  const [syncing, setSyncing] = useState(false);

  const sync = async () => {
    setSyncing(true);
    try {
      await onSync();
      toggleNotification({
        type: 'success',
        message: t('panel.synced', 'Sync requested'),
      });
    } catch (error) {
      toggleNotification({ type: 'danger', message: readApiError(error).message });
    } finally {
      setSyncing(false);
    }
  };

  return (
    <Flex direction="column" alignItems="stretch" gap={3} data-testid="sync-panel">
      {states.map((state) => (
        <Flex
          key={state.profileId}
          direction="column"
          alignItems="flex-start"
          gap={1}
          data-testid={`sync-panel-profile-${state.profileId}`}
        >
          <Typography variant="sigma" textColor="neutral600">
            {state.profileName}
          </Typography>
          <Flex gap={2}>
            <ContactStatusBadge status={state.remoteStatus} />
            {state.pending ? (
              <Typography variant="pi" textColor="neutral600">
                {t('panel.pending', 'change waiting to be sent')}
              </Typography>
            ) : null}
          </Flex>
          <Typography variant="pi" textColor="neutral600" data-testid="sync-panel-last-synced">
            {state.lastSyncedAt
              ? t('panel.lastSynced', 'Last synced {when}', {
                  when: formatDate(state.lastSyncedAt, { dateStyle: 'medium', timeStyle: 'short' }),
                })
              : t('panel.neverSynced', 'Never synced')}
          </Typography>
          {state.lastError ? (
            <Typography variant="pi" textColor="danger600" data-testid="sync-panel-error">
              {state.lastError}
            </Typography>
          ) : null}
        </Flex>
      ))}
      {canSync ? (
        <Button
          variant="secondary"
          fullWidth
          startIcon={<ArrowClockwise />}
          loading={syncing}
          onClick={() => void sync()}
        >
          {t('panel.syncNow', 'Sync now')}
        </Button>
      ) : null}
    </Flex>
  );
};
