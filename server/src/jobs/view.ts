import type { JobView } from '../types/jobs';
import type { JobRecord } from './store';

const iso = (date: Date | null): string | null => (date ? date.toISOString() : null);

/** A job as the admin sees it, with rate and ETA derived from this attempt's progress. */
export const toJobView = (job: JobRecord, now = new Date()): JobView => {
  let progress: JobView['progress'] = null;
  if (job.progressDone !== null || job.progressTotal !== null) {
    const done = job.progressDone ?? 0;
    const total = job.progressTotal;
    const elapsedS =
      job.status === 'running' && job.startedAt
        ? (now.getTime() - job.startedAt.getTime()) / 1000
        : 0;
    const ratePerSecond = elapsedS > 0 && done > 0 ? done / elapsedS : null;
    const etaSeconds =
      ratePerSecond && total !== null ? Math.max(0, (total - done) / ratePerSecond) : null;
    progress = { done, total, ratePerSecond, etaSeconds };
  }
  return {
    id: job.id,
    documentId: job.documentId,
    type: job.type,
    status: job.status,
    payload: job.payload,
    dedupeKey: job.dedupeKey,
    uniqueKey: job.uniqueKey,
    attempts: job.attempts,
    maxAttempts: job.maxAttempts,
    priority: job.priority,
    runAt: iso(job.runAt),
    leaseOwner: job.leaseOwner,
    leaseExpiresAt: iso(job.leaseExpiresAt),
    progress,
    cursor: job.cursor,
    result: job.result,
    lastError: job.lastError,
    startedAt: iso(job.startedAt),
    finishedAt: iso(job.finishedAt),
    createdAt: iso(job.createdAt),
    updatedAt: iso(job.updatedAt),
  };
};
