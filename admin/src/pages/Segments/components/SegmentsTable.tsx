import { Flex, Table, Tbody, Td, Th, Thead, Tr, Typography } from '@strapi/design-system';
import { useIntl } from 'react-intl';
import { useNavigate } from 'react-router-dom';
import type { RemoteOnDelete, SegmentView } from '../../../api/segments';
import { useT } from '../../../utils/useT';
import { SegmentActions } from './SegmentActions';
import { SegmentStatusBadge } from './SegmentStatusBadge';

interface Props {
  segments: SegmentView[];
  canManage: boolean;
  busyId: number | null;
  onDuplicate(segment: SegmentView): void;
  onSync(segment: SegmentView): void;
  onDelete(segment: SegmentView, remote: RemoteOnDelete): void;
}

/** One row per segment: its type, profile, state with the platform; a click opens the editor. */
export const SegmentsTable = ({
  segments,
  canManage,
  busyId,
  onDuplicate,
  onSync,
  onDelete,
}: Props) => {
  const t = useT();
  const navigate = useNavigate();
  const { formatDate, formatNumber } = useIntl();
  const headers = [
    t('segments.list.name', 'Name'),
    t('segments.list.label', 'Type'),
    t('segments.list.profile', 'Profile · audience'),
    t('segments.list.status', 'Status'),
    t('segments.list.members', 'Members'),
    t('segments.list.lastSynced', 'Last synced'),
    t('segments.list.actions', 'Actions'),
  ];

  return (
    <Table colCount={headers.length} rowCount={segments.length + 1}>
      <Thead>
        <Tr>
          {headers.map((header) => (
            <Th key={header}>
              <Typography variant="sigma">{header}</Typography>
            </Th>
          ))}
        </Tr>
      </Thead>
      <Tbody>
        {segments.map((s) => (
          <Tr
            key={s.id}
            data-testid={`segment-${s.id}`}
            onClick={() => navigate(String(s.id))}
            style={{ cursor: 'pointer' }}
          >
            <Td>
              <Typography fontWeight="bold">{s.name}</Typography>
            </Td>
            <Td>
              <Typography>{s.label ?? '—'}</Typography>
            </Td>
            <Td>
              <Flex direction="column" alignItems="flex-start">
                <Typography>{s.profileName ?? `#${s.profileId}`}</Typography>
                <Typography variant="pi" textColor="neutral600">
                  {s.audienceId ?? '—'}
                </Typography>
              </Flex>
            </Td>
            <Td>
              <SegmentStatusBadge status={s.status} />
            </Td>
            <Td>
              <Typography data-testid="segment-members">{formatNumber(s.memberCount)}</Typography>
            </Td>
            <Td>
              <Typography variant="pi">
                {s.lastSyncedAt
                  ? formatDate(s.lastSyncedAt, { dateStyle: 'short', timeStyle: 'short' })
                  : '—'}
              </Typography>
            </Td>
            <Td>
              <SegmentActions
                segment={s}
                canManage={canManage}
                busy={busyId === s.id}
                onDuplicate={() => onDuplicate(s)}
                onSync={() => onSync(s)}
                onDelete={(remote) => onDelete(s, remote)}
              />
            </Td>
          </Tr>
        ))}
      </Tbody>
    </Table>
  );
};
