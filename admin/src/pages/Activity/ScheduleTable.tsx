import { Table, Tbody, Td, Th, Thead, Tr, Typography } from '@strapi/design-system';
import { useIntl } from 'react-intl';
import type { ScheduledTaskView } from '../../api/jobs';
import { getTranslation } from '../../utils/getTranslation';

/** Each scheduled task, its rule (UTC), whether it enqueues today and its next slot. */
const ScheduleTable = ({ tasks }: { tasks: ScheduledTaskView[] }) => {
  const { formatMessage, formatDate } = useIntl();
  const t = (id: string, defaultMessage: string) =>
    formatMessage({ id: getTranslation(id), defaultMessage });
  return (
    <Table colCount={4} rowCount={tasks.length + 1}>
      <Thead>
        <Tr>
          <Th>
            <Typography variant="sigma">{t('activity.schedule.task', 'Task')}</Typography>
          </Th>
          <Th>
            <Typography variant="sigma">{t('activity.schedule.rule', 'Rule (UTC)')}</Typography>
          </Th>
          <Th>
            <Typography variant="sigma">{t('activity.schedule.state', 'State')}</Typography>
          </Th>
          <Th>
            <Typography variant="sigma">{t('activity.schedule.next', 'Next run')}</Typography>
          </Th>
        </Tr>
      </Thead>
      <Tbody>
        {tasks.map((task) => (
          <Tr key={task.name} data-testid={`schedule-${task.name}`}>
            <Td>
              <Typography fontWeight="bold">{task.name}</Typography>
              <Typography variant="pi" textColor="neutral500">
                {' '}
                {task.jobType}
              </Typography>
            </Td>
            <Td>
              <Typography>{task.cron}</Typography>
            </Td>
            <Td>
              <Typography textColor={task.active ? 'success600' : 'neutral600'}>
                {task.active ? t('activity.schedule.active', 'Active') : task.inactiveReason}
              </Typography>
            </Td>
            <Td>
              <Typography data-testid="next-run">
                {task.nextRunAt
                  ? formatDate(task.nextRunAt, {
                      dateStyle: 'medium',
                      timeStyle: 'short',
                      timeZone: 'UTC',
                    }) + ' UTC'
                  : '—'}
              </Typography>
            </Td>
          </Tr>
        ))}
      </Tbody>
    </Table>
  );
};

export { ScheduleTable };
