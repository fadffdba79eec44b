import { Flex } from '@strapi/design-system';
import type { JobStatus } from '../../../api/jobs';
import type { ProfileView } from '../../../api/sync';
import { JobProgress } from '../../Activity/JobProgress';
import { JobStatusBadge } from '../../Activity/JobStatusBadge';

/** The running full sync of a profile: the Activity page's status badge and progress bar. */
export const SyncProgress = ({ job }: { job: NonNullable<ProfileView['runningJob']> }) => (
  <Flex direction="column" alignItems="stretch" gap={2} data-testid="sync-progress">
    <Flex>
      <JobStatusBadge status={job.status as JobStatus} />
    </Flex>
    <JobProgress
      job={{
        id: job.id,
        status: job.status as JobStatus,
        progress: { done: job.done, total: job.total, ratePerSecond: null, etaSeconds: null },
      }}
    />
  </Flex>
);
