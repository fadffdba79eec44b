import {
  Box,
  Button,
  Flex,
  Grid,
  SingleSelect,
  SingleSelectOption,
  Typography,
} from '@strapi/design-system';
import { Layouts, Page, useNotification, useRBAC } from '@strapi/strapi/admin';
import { useState } from 'react';
import { useIntl } from 'react-intl';
import { JOB_STATUSES } from '../../../../server/src/types/jobs';
import { useActivity, type JobFilters, type JobStatus } from '../../api/jobs';
import { PERMISSIONS } from '../../permissions';
import { getTranslation } from '../../utils/getTranslation';
import { JobsTable } from './JobsTable';
import { ScheduleTable } from './ScheduleTable';

const ALL = 'all';

const Activity = () => {
  const { formatMessage, formatNumber } = useIntl();
  const t = (id: string, defaultMessage: string) =>
    formatMessage({ id: getTranslation(id), defaultMessage });
  const { toggleNotification } = useNotification();
  const { allowedActions } = useRBAC({ manage: PERMISSIONS.jobsManage });
  const [filters, setFilters] = useState<JobFilters>({ status: '', type: '', page: 1 });
  const { jobs, schedule, retry, cancel } = useActivity(filters);

  if (jobs.status === 'loading') return <Page.Loading />;
  if (jobs.status === 'error') return <Page.Error />;
  const { data } = jobs;

  const run = (action: (id: number) => Promise<void>) => (id: number) => {
    action(id).catch((error: Error) =>
      toggleNotification({ type: 'danger', message: error.message })
    );
  };

  return (
    <Layouts.Root>
      <Page.Title>{t('activity.title', 'Activity')}</Page.Title>
      <Layouts.Header
        title={t('activity.title', 'Activity')}
        subtitle={formatMessage(
          {
            id: getTranslation('activity.subtitle'),
            defaultMessage: '{running} running · {queued} queued · {dead} dead · {failed} failed',
          },
          {
            running: formatNumber(data.counts.running),
            queued: formatNumber(data.counts.queued),
            dead: formatNumber(data.counts.dead),
            failed: formatNumber(data.counts.failed),
          }
        )}
      />
      <Layouts.Content>
        <Grid.Root gap={4}>
          <Grid.Item col={12} direction="column" alignItems="stretch">
            <Box background="neutral0" hasRadius shadow="tableShadow" padding={6}>
              <Flex direction="column" alignItems="stretch" gap={4}>
                <Flex justifyContent="space-between" gap={4} wrap="wrap">
                  <Typography variant="delta" tag="h2">
                    {t('activity.jobs.title', 'Jobs')}
                  </Typography>
                  <Flex gap={2}>
                    <SingleSelect
                      aria-label={t('activity.filter.status', 'Status')}
                      value={filters.status || ALL}
                      onChange={(value: string | number) =>
                        setFilters((f) => ({
                          ...f,
                          page: 1,
                          status: value === ALL ? '' : (value as JobStatus),
                        }))
                      }
                      size="S"
                    >
                      <SingleSelectOption value={ALL}>
                        {t('activity.filter.allStatuses', 'All statuses')}
                      </SingleSelectOption>
                      {JOB_STATUSES.map((status) => (
                        <SingleSelectOption key={status} value={status}>
                          {`${t(`activity.status.${status}`, status)} (${data.counts[status]})`}
                        </SingleSelectOption>
                      ))}
                    </SingleSelect>
                    <SingleSelect
                      aria-label={t('activity.filter.type', 'Type')}
                      value={filters.type || ALL}
                      onChange={(value: string | number) =>
                        setFilters((f) => ({
                          ...f,
                          page: 1,
                          type: value === ALL ? '' : String(value),
                        }))
                      }
                      size="S"
                    >
                      <SingleSelectOption value={ALL}>
                        {t('activity.filter.allTypes', 'All types')}
                      </SingleSelectOption>
                      {data.types.map((type) => (
                        <SingleSelectOption key={type} value={type}>
                          {type}
                        </SingleSelectOption>
                      ))}
                    </SingleSelect>
                  </Flex>
                </Flex>
                <JobsTable
                  jobs={data.jobs}
                  canManage={allowedActions.canManage}
                  onRetry={run(retry)}
                  onCancel={run(cancel)}
                />
                <Flex justifyContent="space-between">
                  <Typography variant="pi" textColor="neutral600">
                    {formatMessage(
                      {
                        id: getTranslation('activity.jobs.page'),
                        defaultMessage: 'Jobs {from}–{to} of {total}',
                      },
                      {
                        from: data.total === 0 ? 0 : (data.page - 1) * data.pageSize + 1,
                        to: (data.page - 1) * data.pageSize + data.jobs.length,
                        total: data.total,
                      }
                    )}
                  </Typography>
                  <Flex gap={2}>
                    <Button
                      size="S"
                      variant="tertiary"
                      disabled={data.page <= 1}
                      onClick={() => setFilters((f) => ({ ...f, page: f.page - 1 }))}
                    >
                      {t('activity.jobs.previous', 'Previous')}
                    </Button>
                    <Button
                      size="S"
                      variant="tertiary"
                      disabled={data.page * data.pageSize >= data.total}
                      onClick={() => setFilters((f) => ({ ...f, page: f.page + 1 }))}
                    >
                      {t('activity.jobs.next', 'Next')}
                    </Button>
                  </Flex>
                </Flex>
              </Flex>
            </Box>
          </Grid.Item>
          <Grid.Item col={12} direction="column" alignItems="stretch">
            <Box background="neutral0" hasRadius shadow="tableShadow" padding={6}>
              <Flex direction="column" alignItems="stretch" gap={4}>
                <Typography variant="delta" tag="h2">
                  {t('activity.schedule.title', 'Scheduled tasks')}
                </Typography>
                <ScheduleTable tasks={schedule} />
              </Flex>
            </Box>
          </Grid.Item>
        </Grid.Root>
      </Layouts.Content>
    </Layouts.Root>
  );
};

/** Jobs and scheduled tasks, for admins holding `jobs.read`; Retry/Cancel need `jobs.manage`. */
const ActivityPage = () => (
  <Page.Protect permissions={PERMISSIONS.jobsRead}>
    <Activity />
  </Page.Protect>
);

export { ActivityPage };
