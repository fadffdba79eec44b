import type { Core } from '@strapi/strapi';
import type { JobContext } from '../jobs/registry';
import { getService } from '../utils/get-service';
import {
  SEGMENT_SYNC_ALL_JOB,
  SEGMENT_SYNC_JOB,
  segmentDedupeKey,
  type SegmentSyncPayload,
} from './job-types';
import { syncSegment } from './sync-segment';

/** Segment jobs: one segment's sync, and the daily task that enqueues one per segment. */
export const registerSegmentJobs = (strapi: Core.Strapi) => {
  const jobs = getService(strapi, 'jobs');

  jobs.registerHandler<SegmentSyncPayload>(
    SEGMENT_SYNC_JOB,
    async ({ segmentId }, context: JobContext) => {
      // Coalescing only merges *queued* jobs: a sync queued while another runs must wait for it,
      // or both would diff against the same recorded members.
      const running = await strapi.db.query('plugin::email-marketing.job').count({
        where: {
          dedupeKey: segmentDedupeKey(segmentId),
          status: 'running',
          id: { $ne: context.job.id },
        },
      });
      if (running > 0) throw new Error('another sync of this segment is running; retrying');
      return syncSegment(strapi, segmentId, {
        signal: context.signal,
        progress: (done, total) => context.progress(done, total),
      });
    }
  );

  jobs.registerHandler(SEGMENT_SYNC_ALL_JOB, async () => {
    const segments = await getService(strapi, 'segments').listRows();
    for (const segment of segments)
      await getService(strapi, 'segments').enqueueSync(segment.id, 'daily');
    return { segments: segments.length };
  });
};
