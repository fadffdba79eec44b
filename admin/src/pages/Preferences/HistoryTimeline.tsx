import { Box, Flex, Typography } from '@strapi/design-system';
import { useIntl } from 'react-intl';
import type { AuditEventView } from '../../api/preferences';
import { useT } from '../../utils/useT';
import { describeChange } from './change';

/** The audit events of one address, newest first: when, who, what, before → after. */
export const HistoryTimeline = ({ events }: { events: AuditEventView[] }) => {
  const t = useT();
  const { formatDate } = useIntl();
  if (events.length === 0)
    return (
      <Typography textColor="neutral600">
        {t('preferences.history.empty', 'Nothing recorded for this address yet.')}
      </Typography>
    );
  return (
    <Flex direction="column" alignItems="stretch" gap={0} tag="ol" data-testid="history">
      {events.map((event) => (
        <Box
          key={event.id}
          tag="li"
          paddingTop={3}
          paddingBottom={3}
          paddingLeft={4}
          borderColor="neutral200"
          style={{ borderLeftWidth: 2, borderLeftStyle: 'solid' }}
          data-testid="history-event"
        >
          <Flex direction="column" alignItems="flex-start" gap={1}>
            <Flex gap={2}>
              <Typography fontWeight="bold">{event.action}</Typography>
              <Typography variant="pi" textColor="neutral600">
                {formatDate(event.at, { dateStyle: 'medium', timeStyle: 'medium' })}
              </Typography>
            </Flex>
            <Typography variant="pi" textColor="neutral700">
              {t(`audit.actor.${event.actorType}`, event.actorType)}
              {event.actorName ? ` · ${event.actorName}` : ''}
              {event.subjectType ? ` · ${event.subjectType}` : ''}
              {event.subjectId ? ` ${event.subjectId}` : ''}
            </Typography>
            <Typography variant="pi" textColor="neutral600">
              {describeChange(event.before, event.after)}
            </Typography>
          </Flex>
        </Box>
      ))}
    </Flex>
  );
};
