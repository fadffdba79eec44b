import { Flex, Loader, Typography } from '@strapi/design-system';
import { useIntl } from 'react-intl';
import type { SegmentView } from '../../../api/segments';
import { useT } from '../../../utils/useT';
import { inFlight } from '../useSegmentPolling';
import { SegmentStatusBadge } from './SegmentStatusBadge';

interface Props {
  segment: SegmentView;
  /** "Sync now" was clicked and that sync has not ended yet. */
  requested?: boolean;
}

/** The saved segment on the platform: status, members, when it last synced, the last error. */
export const SegmentState = ({ segment, requested = false }: Props) => {
  const t = useT();
  const { formatNumber, formatDate } = useIntl();
  // Until the requested sync starts, the segment is due for one: pending, not still "synced".
  const status = requested && segment.status !== 'syncing' ? 'pending' : segment.status;
  const busy = requested || inFlight(segment);
  return (
    <Flex direction="column" alignItems="flex-start" gap={2} data-testid="segment-state">
      <Flex gap={2}>
        <SegmentStatusBadge status={status} />
        {busy ? (
          <Flex gap={2} data-testid="segment-sync-progress">
            <Loader small>{t('segments.syncing', 'Syncing…')}</Loader>
            <Typography variant="pi" textColor="neutral600">
              {t('segments.syncing', 'Syncing…')}
            </Typography>
          </Flex>
        ) : null}
      </Flex>
      <Typography data-testid="segment-member-count">
        {t('segments.members', '{count} members', { count: formatNumber(segment.memberCount) })}
      </Typography>
      <Typography variant="pi" textColor="neutral600" data-testid="segment-last-synced">
        {segment.lastSyncedAt
          ? t('segments.lastSynced', 'Last synced {when}', {
              when: formatDate(segment.lastSyncedAt, { dateStyle: 'medium', timeStyle: 'short' }),
            })
          : t('segments.lastSynced.never', 'Never synced')}
      </Typography>
      {segment.lastSync ? (
        <Typography variant="pi" textColor="neutral600" data-testid="segment-last-sync">
          {t('segments.lastSync', 'Last sync: {added} added, {removed} removed', {
            added: formatNumber(segment.lastSync.added),
            removed: formatNumber(segment.lastSync.removed),
          })}
          {segment.lastSync.skippedNotOnAudience > 0
            ? ` · ${t(
                'segments.lastSync.skipped',
                '{count} matching contacts are not on the audience yet (sync the profile first)',
                { count: formatNumber(segment.lastSync.skippedNotOnAudience) }
              )}`
            : null}
        </Typography>
      ) : null}
      {segment.remoteName ? (
        <Typography variant="pi" textColor="neutral600">
          {segment.remoteKind === 'tag'
            ? t('segments.remote.tag', 'Tag “{name}” on the platform', { name: segment.remoteName })
            : t('segments.remote.segment', 'Segment “{name}” on the platform', {
                name: segment.remoteName,
              })}
        </Typography>
      ) : null}
      {segment.lastError ? (
        <Typography textColor="danger600" role="alert" data-testid="segment-last-error">
          {segment.lastError}
        </Typography>
      ) : null}
    </Flex>
  );
};
