import {
  Button,
  EmptyStateLayout,
  Flex,
  Table,
  Tbody,
  Td,
  Th,
  Thead,
  Tr,
  Typography,
} from '@strapi/design-system';
import { useIntl } from 'react-intl';
import type { JobView } from '../../api/jobs';
import { getTranslation } from '../../utils/getTranslation';
import { JobProgress } from './JobProgress';
import { JobStatusBadge } from './JobStatusBadge';

interface Props {
  jobs: JobView[];
  canManage: boolean;
  onRetry(id: number): void;
  onCancel(id: number): void;
}

const RETRYABLE = new Set(['failed', 'dead', 'cancelled']);
const CANCELLABLE = new Set(['queued', 'running']);

/** The platform's own words first (title, detail, field errors), then ours. */
const JobError = ({ job }: { job: JobView }) => {
  const error = job.lastError;
  if (!error || job.status === 'done') return null;
  const platform = [error.provider, error.status, error.title].filter(Boolean).join(' · ');
  return (
    <Flex direction="column" alignItems="flex-start" gap={1} data-testid="job-error">
      <Typography variant="pi" textColor="danger600">
        {error.message}
      </Typography>
      {platform ? (
        <Typography variant="pi" textColor="neutral600">
          {platform}
          {error.detail ? ` — ${error.detail}` : ''}
        </Typography>
      ) : null}
      {error.fieldErrors?.map((field) => (
        <Typography key={field.field} variant="pi" textColor="neutral600">
          {field.field}: {field.message}
        </Typography>
      ))}
    </Flex>
  );
};

const JobsTable = ({ jobs, canManage, onRetry, onCancel }: Props) => {
  const { formatMessage, formatDate } = useIntl();
  const t = (id: string, defaultMessage: string) =>
    formatMessage({ id: getTranslation(id), defaultMessage });
  const when = (iso: string | null) =>
    iso ? formatDate(iso, { dateStyle: 'short', timeStyle: 'medium' }) : '—';

  if (jobs.length === 0) return <EmptyStateLayout content={t('activity.jobs.empty', 'No jobs.')} />;

  return (
    <Table colCount={6} rowCount={jobs.length + 1}>
      <Thead>
        <Tr>
          <Th>
            <Typography variant="sigma">{t('activity.jobs.job', 'Job')}</Typography>
          </Th>
          <Th>
            <Typography variant="sigma">{t('activity.jobs.status', 'Status')}</Typography>
          </Th>
          <Th>
            <Typography variant="sigma">{t('activity.jobs.progress', 'Progress')}</Typography>
          </Th>
          <Th>
            <Typography variant="sigma">{t('activity.jobs.attempts', 'Attempts')}</Typography>
          </Th>
          <Th>
            <Typography variant="sigma">{t('activity.jobs.when', 'Run at / finished')}</Typography>
          </Th>
          <Th>
            <Typography variant="sigma">{t('activity.jobs.actions', 'Actions')}</Typography>
          </Th>
        </Tr>
      </Thead>
      <Tbody>
        {jobs.map((job) => (
          <Tr key={job.id} data-testid={`job-${job.id}`}>
            <Td>
              <Flex direction="column" alignItems="flex-start">
                <Typography fontWeight="bold">{job.type}</Typography>
                <Typography variant="pi" textColor="neutral500">
                  #{job.id}
                  {(job.dedupeKey ?? job.uniqueKey) ? ` · ${job.dedupeKey ?? job.uniqueKey}` : ''}
                </Typography>
              </Flex>
            </Td>
            <Td>
              <Flex direction="column" alignItems="flex-start" gap={1}>
                <JobStatusBadge status={job.status} />
                <JobError job={job} />
              </Flex>
            </Td>
            <Td style={{ minWidth: 200 }}>
              <JobProgress job={job} />
            </Td>
            <Td>
              <Typography>
                {job.attempts}
                {job.maxAttempts ? ` / ${job.maxAttempts}` : ''}
              </Typography>
            </Td>
            <Td>
              <Typography variant="pi">
                {job.finishedAt ? when(job.finishedAt) : when(job.runAt)}
              </Typography>
            </Td>
            <Td>
              {canManage ? (
                <Flex gap={2}>
                  {RETRYABLE.has(job.status) ? (
                    <Button size="S" variant="secondary" onClick={() => onRetry(job.id)}>
                      {t('activity.jobs.retry', 'Retry')}
                    </Button>
                  ) : null}
                  {CANCELLABLE.has(job.status) ? (
                    <Button size="S" variant="danger-light" onClick={() => onCancel(job.id)}>
                      {t('activity.jobs.cancel', 'Cancel')}
                    </Button>
                  ) : null}
                </Flex>
              ) : null}
            </Td>
          </Tr>
        ))}
      </Tbody>
    </Table>
  );
};

export { JobsTable };
