import {
  Button,
  EmptyStateLayout,
  Table,
  Tbody,
  Td,
  Th,
  Thead,
  Tr,
  Typography,
} from '@strapi/design-system';
import { useIntl } from 'react-intl';
import type { PreferenceView } from '../../api/preferences';
import { useT } from '../../utils/useT';
import { PreferenceStatusBadge } from './PreferenceStatusBadge';

interface Props {
  rows: PreferenceView[];
  onOpen(email: string): void;
}

/** Search results: one row per address (a tombstone shows as an erased person, no address). */
export const PreferencesTable = ({ rows, onOpen }: Props) => {
  const t = useT();
  const { formatDate } = useIntl();
  const when = (iso: string | null) =>
    iso ? formatDate(iso, { dateStyle: 'medium', timeStyle: 'short' }) : '—';
  if (rows.length === 0)
    return <EmptyStateLayout content={t('preferences.search.empty', 'No address matches.')} />;
  return (
    <Table colCount={6} rowCount={rows.length + 1}>
      <Thead>
        <Tr>
          <Th>
            <Typography variant="sigma">{t('preferences.email', 'Email')}</Typography>
          </Th>
          <Th>
            <Typography variant="sigma">{t('preferences.status', 'Status')}</Typography>
          </Th>
          <Th>
            <Typography variant="sigma">
              {t('preferences.consentGivenAt', 'Consent given')}
            </Typography>
          </Th>
          <Th>
            <Typography variant="sigma">
              {t('preferences.consentWithdrawnAt', 'Consent withdrawn')}
            </Typography>
          </Th>
          <Th>
            <Typography variant="sigma">{t('preferences.source', 'Source')}</Typography>
          </Th>
          <Th>
            <Typography variant="sigma">{t('preferences.actions', 'Actions')}</Typography>
          </Th>
        </Tr>
      </Thead>
      <Tbody>
        {rows.map((row) => (
          <Tr key={row.id} data-testid="preference-row">
            <Td>
              <Typography textColor={row.erased ? 'neutral500' : 'neutral800'}>
                {row.email ?? t('preferences.erasedPerson', 'Erased person (address not kept)')}
              </Typography>
            </Td>
            <Td>
              <PreferenceStatusBadge status={row.status} />
            </Td>
            <Td>
              <Typography>{when(row.consentGivenAt)}</Typography>
            </Td>
            <Td>
              <Typography>{when(row.consentWithdrawnAt)}</Typography>
            </Td>
            <Td>
              <Typography>{row.source ?? '—'}</Typography>
            </Td>
            <Td>
              {row.email ? (
                <Button size="S" variant="tertiary" onClick={() => onOpen(row.email!)}>
                  {t('preferences.open', 'Open')}
                </Button>
              ) : null}
            </Td>
          </Tr>
        ))}
      </Tbody>
    </Table>
  );
};
