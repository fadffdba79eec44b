import { Badge, Table, Tbody, Td, Th, Thead, Tr, Typography } from '@strapi/design-system';
import { useIntl } from 'react-intl';
import { useNavigate } from 'react-router-dom';
import type { ProfileView, SyncSource } from '../../../api/sync';
import type { AudienceView } from '../../../api/connections';
import { useT } from '../../../utils/useT';
import { SyncProgress } from './SyncProgress';

interface Props {
  profiles: ProfileView[];
  sources: SyncSource[];
  audiences: AudienceView[];
}

/** One row per profile: what it syncs, where to, how it stands; a click opens the editor. */
export const ProfilesTable = ({ profiles, sources, audiences }: Props) => {
  const t = useT();
  const navigate = useNavigate();
  const { formatDate, formatNumber } = useIntl();
  const sourceName = (uid: string) => sources.find((s) => s.uid === uid)?.displayName ?? uid;
  const audienceName = (id: string | null) =>
    id === null ? '—' : (audiences.find((a) => a.id === id)?.name ?? id);

  return (
    <Table colCount={6} rowCount={profiles.length + 1}>
      <Thead>
        <Tr>
          <Th>
            <Typography variant="sigma">{t('mapping.list.name', 'Name')}</Typography>
          </Th>
          <Th>
            <Typography variant="sigma">{t('mapping.list.source', 'Content type')}</Typography>
          </Th>
          <Th>
            <Typography variant="sigma">{t('mapping.list.audience', 'Audience')}</Typography>
          </Th>
          <Th>
            <Typography variant="sigma">{t('mapping.list.contacts', 'Contacts')}</Typography>
          </Th>
          <Th>
            <Typography variant="sigma">
              {t('mapping.list.lastFullSync', 'Last full sync')}
            </Typography>
          </Th>
          <Th>
            <Typography variant="sigma">{t('mapping.list.progress', 'Sync')}</Typography>
          </Th>
        </Tr>
      </Thead>
      <Tbody>
        {profiles.map((p) => (
          <Tr
            key={p.id}
            data-testid={`profile-${p.id}`}
            onClick={() => navigate(String(p.id))}
            style={{ cursor: 'pointer' }}
          >
            <Td>
              <Typography fontWeight="bold">{p.name}</Typography>{' '}
              {!p.enabled ? <Badge>{t('mapping.list.disabled', 'Disabled')}</Badge> : null}
            </Td>
            <Td>
              <Typography>{sourceName(p.sourceUid)}</Typography>
            </Td>
            <Td>
              <Typography>{audienceName(p.resolvedAudienceId)}</Typography>
            </Td>
            <Td>
              <Typography variant="pi">
                {t('mapping.list.stats', '{synced} / {contacts} synced · {errors} errors', {
                  synced: formatNumber(p.stats.synced),
                  contacts: formatNumber(p.stats.contacts),
                  errors: formatNumber(p.stats.errors),
                })}
              </Typography>
            </Td>
            <Td>
              <Typography variant="pi">
                {p.lastFullSyncAt
                  ? formatDate(p.lastFullSyncAt, { dateStyle: 'short', timeStyle: 'short' })
                  : '—'}
              </Typography>
            </Td>
            <Td style={{ minWidth: 180 }}>
              {p.runningJob ? <SyncProgress job={p.runningJob} /> : null}
            </Td>
          </Tr>
        ))}
      </Tbody>
    </Table>
  );
};
