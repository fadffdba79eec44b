import {
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
import type { AuditEventView } from '../../api/preferences';
import { useT } from '../../utils/useT';
import { describeChange } from '../Preferences/change';

/** Audit events: when, who, what, on which subject or address, before → after. */
export const AuditTable = ({ events }: { events: AuditEventView[] }) => {
  const t = useT();
  const { formatDate } = useIntl();
  if (events.length === 0)
    return <EmptyStateLayout content={t('audit.empty', 'No event matches.')} />;
  return (
    <Table colCount={5} rowCount={events.length + 1}>
      <Thead>
        <Tr>
          <Th>
            <Typography variant="sigma">{t('audit.at', 'When')}</Typography>
          </Th>
          <Th>
            <Typography variant="sigma">{t('audit.actor', 'Who')}</Typography>
          </Th>
          <Th>
            <Typography variant="sigma">{t('audit.action', 'Action')}</Typography>
          </Th>
          <Th>
            <Typography variant="sigma">{t('audit.subject', 'Email or object')}</Typography>
          </Th>
          <Th>
            <Typography variant="sigma">{t('audit.change', 'Before → after')}</Typography>
          </Th>
        </Tr>
      </Thead>
      <Tbody>
        {events.map((event) => (
          <Tr key={event.id} data-testid="audit-row">
            <Td>
              <Typography>
                {formatDate(event.at, { dateStyle: 'short', timeStyle: 'medium' })}
              </Typography>
            </Td>
            <Td>
              <Typography>
                {t(`audit.actor.${event.actorType}`, event.actorType)}
                {event.actorName ? ` · ${event.actorName}` : ''}
              </Typography>
            </Td>
            <Td>
              <Typography>{event.action}</Typography>
            </Td>
            <Td>
              <Typography>
                {event.email ?? [event.subjectType, event.subjectId].filter(Boolean).join(' ')}
              </Typography>
            </Td>
            <Td>
              <Typography variant="pi" textColor="neutral600" style={{ wordBreak: 'break-word' }}>
                {describeChange(event.before, event.after)}
              </Typography>
            </Td>
          </Tr>
        ))}
      </Tbody>
    </Table>
  );
};
