import type { ProfileView } from '../../../api/sync';
import type { JobStatus } from '../../../api/jobs';
import { JobProgress } from '../../Activity/JobProgress';

/** The running full sync of a profile as the Activity page's progress bar (done / total). */
export const SyncProgress = ({ job }: { job: NonNullable<ProfileView['runningJob']> }) => (
  <div data-testid="sync-progress">
    <JobProgress
      job={{
        id: job.id,
        status: job.status as JobStatus,
        progress: { done: job.done, total: job.total, ratePerSecond: null, etaSeconds: null },
      }}
    />
  </div>
);
