/** Job types of segments (kept apart from the handlers, which the service must not import). */
export const SEGMENT_SYNC_JOB = 'segments.sync';
export const SEGMENT_SYNC_ALL_JOB = 'segments.syncAll';

/** One queued sync per segment: a burst of member changes and a manual click become one run. */
export const segmentDedupeKey = (segmentId: number) => `segment:${segmentId}`;

export interface SegmentSyncPayload {
  segmentId: number;
  reason?: 'manual' | 'edit' | 'daily' | 'member-change';
}
