import { Table, Tbody, Td, Th, Thead, Tr, Typography } from '@strapi/design-system';
import type { PlatformStatusView } from '../../api/preferences';
import { useT } from '../../utils/useT';
import { ContactStatusBadge } from '../Mapping/components/ContactStatusBadge';

/** Where the address is pushed: per mapping and entry, the platform's last known status. */
export const PlatformsTable = ({ rows }: { rows: PlatformStatusView[] }) => {
  const t = useT();
  if (rows.length === 0)
    return (
      <Typography textColor="neutral600">
        {t('preferences.platforms.empty', 'No mapped entry has this address.')}
      </Typography>
    );
  return (
    <Table colCount={4} rowCount={rows.length + 1}>
      <Thead>
        <Tr>
          <Th>
            <Typography variant="sigma">{t('preferences.platforms.mapping', 'Mapping')}</Typography>
          </Th>
          <Th>
            <Typography variant="sigma">
              {t('preferences.platforms.audience', 'Account · audience')}
            </Typography>
          </Th>
          <Th>
            <Typography variant="sigma">
              {t('preferences.platforms.status', 'Platform status')}
            </Typography>
          </Th>
          <Th>
            <Typography variant="sigma">
              {t('preferences.platforms.error', 'Last error')}
            </Typography>
          </Th>
        </Tr>
      </Thead>
      <Tbody>
        {rows.map((row) => (
          <Tr key={`${row.profileId}:${row.documentId}`} data-testid="platform-row">
            <Td>
              <Typography>{`${row.profileName} · ${row.documentId}`}</Typography>
            </Td>
            <Td>
              <Typography>
                {[row.connectionName, row.audienceId].filter(Boolean).join(' · ') || '—'}
              </Typography>
            </Td>
            <Td>
              <ContactStatusBadge status={row.remoteStatus} />
            </Td>
            <Td>
              <Typography variant="pi" textColor="danger600">
                {row.lastError ?? ''}
              </Typography>
            </Td>
          </Tr>
        ))}
      </Tbody>
    </Table>
  );
};
