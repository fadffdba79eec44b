import type { Core } from '@strapi/strapi';
import { PermanentJobError } from '../jobs/outcome';
import { isPlatformError } from '../providers/errors';
import type { EmailMarketingProvider } from '../providers/types';
import type { SegmentSyncResult } from '../types/segments';
import { getService } from '../utils/get-service';
import { compileFor, eligibleContacts, onAudience } from './evaluate';
import { memberStore, type SegmentMemberRow } from './member-store';
import { segmentRows, type SegmentRow } from './rows';
import { stateStore, SUPPRESSED } from '../sync/state-store';

const SYSTEM = { type: 'system' as const, name: 'segment sync' };

export interface SyncHooks {
  signal?: AbortSignal;
  progress?: (done: number, total: number) => Promise<void>;
}

interface Target {
  provider: EmailMarketingProvider;
  audienceId: string;
  connectionId: number;
}

/** The segment's profile, connection and audience; what makes a sync impossible is permanent. */
const resolveTarget = async (strapi: Core.Strapi, row: SegmentRow) => {
  const profile = await getService(strapi, 'syncProfiles').findStored(row.profileId);
  if (!profile)
    throw new PermanentJobError(
      `The sync profile of segment "${row.name}" was deleted; choose another profile.`
    );
  const { connection, provider } = await getService(strapi, 'connections').provider(
    profile.connectionId ?? undefined
  );
  const audienceId = profile.audienceId ?? connection.defaultAudienceId;
  if (!audienceId)
    throw new PermanentJobError(
      `Profile "${profile.name}" has no audience and its connection has no default audience.`
    );
  return { profile, target: { provider, audienceId, connectionId: connection.id } as Target };
};

/** The remote segment to write to: made when missing, moved with the profile's audience, renamed. */
const ensureRemote = async (strapi: Core.Strapi, row: SegmentRow, target: Target) => {
  const { provider, audienceId } = target;
  const rows = segmentRows(strapi);
  const sameAudience =
    row.remoteAudienceId === audienceId && row.remoteConnectionId === target.connectionId;
  if (row.remoteId && sameAudience) {
    // One GET per sync: a segment deleted on the platform is noticed even when no member changed.
    const remote = await provider.segments.get(audienceId, row.remoteId);
    if (!remote) return recreate(strapi, row, target);
    if (remote.name !== row.name) {
      await provider.segments.rename(audienceId, row.remoteId, row.name);
      return rows.update(row.id, { remoteName: row.name });
    }
    return row;
  }
  return recreate(strapi, row, target);
};

/** A new remote segment, empty: what the plugin recorded as its members no longer applies. */
const recreate = async (strapi: Core.Strapi, row: SegmentRow, target: Target) => {
  const remote = await target.provider.segments.create(target.audienceId, {
    name: row.name,
    kind: row.remoteKind,
  });
  await memberStore(strapi).clear(row.id);
  return segmentRows(strapi).update(row.id, {
    remoteId: remote.id,
    remoteName: remote.name,
    remoteAudienceId: target.audienceId,
    remoteConnectionId: target.connectionId,
  });
};

/**
 * Contacts a point threshold put in the segment stay in it although its filters do not select
 * them, unless their address is suppressed since (unsubscribed, cleaned, erased).
 */
const addManualMembers = async (
  strapi: Core.Strapi,
  row: SegmentRow,
  desired: Map<string, string>
) => {
  const manual = Object.entries(row.manualMembers ?? {}).filter(([id]) => !desired.has(id));
  if (manual.length === 0) return;
  const preferences = await stateStore(strapi).preferences(manual.map(([, email]) => email));
  for (const [documentId, email] of manual) {
    const preference = preferences.get(email.toLowerCase());
    // Lower-cased like the filter's members, so refusals and diffs compare the same spelling.
    if (!preference || !SUPPRESSED.has(preference.status))
      desired.set(documentId, email.toLowerCase());
  }
};

interface Diff {
  add: Array<{ documentId: string; email: string }>;
  remove: SegmentMemberRow[];
}

const diffOf = (desired: Map<string, string>, current: Map<string, SegmentMemberRow>): Diff => {
  const add: Diff['add'] = [];
  const remove: SegmentMemberRow[] = [];
  for (const [documentId, email] of desired) {
    const row = current.get(documentId);
    if (row && row.email === email) continue;
    // The address changed: the old one leaves, the new one joins.
    if (row) remove.push(row);
    add.push({ documentId, email });
  }
  for (const [documentId, row] of current) if (!desired.has(documentId)) remove.push(row);
  return { add, remove };
};

/**
 * Sends the diff in calls of at most `batchLimit` additions and removals each, recording each
 * call's effect as it lands: a sync stopped halfway resumes with only what is still missing.
 */
const sendDiff = async (
  strapi: Core.Strapi,
  row: SegmentRow,
  target: Target,
  diff: Diff,
  hooks: SyncHooks
) => {
  const { provider, audienceId } = target;
  const limit = provider.segments.batchLimit;
  const calls = Math.max(Math.ceil(diff.add.length / limit), Math.ceil(diff.remove.length / limit));
  const result = { added: 0, removed: 0, refused: 0, calls: 0 };
  for (let i = 0; i < calls; i++) {
    if (hooks.signal?.aborted) throw new Error('segment sync stopped');
    const add = diff.add.slice(i * limit, (i + 1) * limit);
    const remove = diff.remove.slice(i * limit, (i + 1) * limit);
    const answer = await provider.segments.changeMembers(audienceId, row.remoteId!, {
      add: add.map((m) => m.email),
      remove: remove.map((m) => m.email),
    });
    result.calls++;
    const refused = new Set(answer.notOnAudience.map((e) => e.toLowerCase()));
    const landed = add.filter((m) => !refused.has(m.email.toLowerCase()));
    await memberStore(strapi).apply(
      row.id,
      landed,
      remove.map((m) => m.id)
    );
    result.added += landed.length;
    result.removed += remove.length;
    result.refused += add.length - landed.length;
    await hooks.progress?.(i + 1, calls);
  }
  return result;
};

/**
 * One segment to its platform segment: evaluate who belongs now, compare with who the plugin
 * put there last time, send only the difference. Status pending → syncing → synced | error.
 */
export const syncSegment = async (
  strapi: Core.Strapi,
  segmentId: number,
  hooks: SyncHooks = {}
): Promise<(SegmentSyncResult & { members: number }) | { skipped: string }> => {
  const rows = segmentRows(strapi);
  let row = await rows.find(segmentId);
  if (!row) return { skipped: 'segment deleted' };
  const audit = getService(strapi, 'audit');
  try {
    const { profile, target } = await resolveTarget(strapi, row);
    const compiled = compileFor(strapi, profile, row.match, row.conditions ?? []);
    if (!compiled.ok)
      throw new PermanentJobError(compiled.problems.map((p) => p.message).join(' '));
    row = await rows.update(segmentId, { status: 'syncing' });

    const desired = new Map<string, string>();
    let skippedNotOnAudience = 0;
    for await (const page of eligibleContacts(strapi, profile, compiled.filters)) {
      const { members, skipped } = await onAudience(strapi, profile.id, page);
      for (const [documentId, email] of members) desired.set(documentId, email);
      skippedNotOnAudience += skipped;
    }
    await addManualMembers(strapi, row, desired);

    row = await ensureRemote(strapi, row, target);
    let sent;
    try {
      sent = await sendDiff(
        strapi,
        row,
        target,
        diffOf(desired, await memberStore(strapi).all(segmentId)),
        hooks
      );
    } catch (error) {
      // Deleted on the platform since the last sync: make it again and fill it from scratch.
      if (!(isPlatformError(error) && error.kind === 'not_found')) throw error;
      row = await recreate(strapi, row, target);
      sent = await sendDiff(strapi, row, target, diffOf(desired, new Map()), hooks);
    }

    const members = await memberStore(strapi).count(segmentId);
    const result: SegmentSyncResult = {
      added: sent.added,
      removed: sent.removed,
      skippedNotOnAudience: skippedNotOnAudience + sent.refused,
      calls: sent.calls,
    };
    await rows.update(segmentId, {
      status: 'synced',
      memberCount: members,
      lastSyncedAt: new Date().toISOString(),
      lastError: null,
      lastSync: result,
    });
    await audit.record(SYSTEM, {
      action: 'segment.synced',
      subjectType: 'segment',
      subjectId: segmentId,
      after: { name: row.name, remoteId: row.remoteId, members, ...result },
    });
    return { ...result, members };
  } catch (error) {
    const message = (error as Error).message;
    await rows.update(segmentId, { status: 'error', lastError: message });
    await audit.record(SYSTEM, {
      action: 'segment.sync-failed',
      subjectType: 'segment',
      subjectId: segmentId,
      after: { name: row.name, error: message },
    });
    throw error;
  }
};
