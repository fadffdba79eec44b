/** Shapes of the jobs admin API, shared by server and admin (types only). */
export const JOB_STATUSES = ['queued', 'running', 'done', 'failed', 'dead', 'cancelled'] as const;
export type JobStatus = (typeof JOB_STATUSES)[number];

export interface JobErrorView {
  message: string;
  name?: string;
  kind?: string;
  provider?: string;
  status?: number;
  title?: string;
  detail?: string;
  fieldErrors?: { field: string; message: string }[];
  retryable: boolean;
  attempt: number;
  at: string;
}

export interface JobProgressView {
  done: number;
  total: number | null;
  /** Items per second since this attempt started. */
  ratePerSecond: number | null;
  /** Seconds left at that rate, when the total is known. */
  etaSeconds: number | null;
}

export interface JobView {
  id: number;
  documentId: string;
  type: string;
  status: JobStatus;
  payload: unknown;
  dedupeKey: string | null;
  uniqueKey: string | null;
  attempts: number;
  maxAttempts: number | null;
  priority: number;
  runAt: string | null;
  leaseOwner: string | null;
  leaseExpiresAt: string | null;
  progress: JobProgressView | null;
  cursor: unknown;
  result: unknown;
  lastError: JobErrorView | null;
  startedAt: string | null;
  finishedAt: string | null;
  createdAt: string | null;
  updatedAt: string | null;
}

export interface JobList {
  jobs: JobView[];
  /** Jobs matching the filters (the page holds at most `pageSize`). */
  total: number;
  page: number;
  pageSize: number;
  /** Every job by status, unfiltered: drives the tabs and the auto-refresh. */
  counts: Record<JobStatus, number>;
  /** Every job type present, for the type filter. */
  types: string[];
}

export interface ScheduledTaskView {
  name: string;
  cron: string;
  timezone: 'UTC';
  jobType: string;
  enabled: boolean;
  /** Enabled, scheduled in this process, and a handler for `jobType` is registered. */
  active: boolean;
  /** Why an enabled task does not enqueue yet, e.g. "handler arrives with campaigns". */
  inactiveReason: string | null;
  nextRunAt: string | null;
}
