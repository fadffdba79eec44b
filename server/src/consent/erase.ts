import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { isPlatformError } from '../providers/errors';
import { emailHash } from '../sync/state-store';
import type { AuditActor } from '../types/audit';
import { segmentRows } from '../segments/rows';
import { getService } from '../utils/get-service';
import { eraseEntries, type EntryErasure } from './erase-entries';
import { liveConnections } from './used-audiences';

const PREFERENCE = 'plugin::email-marketing.preference';
const STATE = 'plugin::email-marketing.contact-state';
const EVENT = 'plugin::email-marketing.webhook-event';
const JOB = 'plugin::email-marketing.job';
const AUDIT = 'plugin::email-marketing.audit-event';
const SEGMENT_MEMBER = 'plugin::email-marketing.segment-member';

export interface ErasureReport {
  emailHash: string;
  platforms: Array<{
    connectionId: number;
    audienceId: string;
    outcome: 'deleted' | 'failed';
    error?: string;
  }>;
  removed: {
    contactStates: number;
    webhookEvents: number;
    queuedJobs: number;
    auditEventsAnonymised: number;
    segmentMembers: number;
  };
  /** Strapi entries anonymised or deleted, per profile `onErase`. */
  entries: EntryErasure[];
}

/**
 * Invariant 5: the member is deleted permanently on every connected platform, the plugin's own
 * copies go, and only a tombstone with the address's SHA-256 remains, which every sync and
 * import matches (see stateStore.preferences) and refuses.
 */
export const eraseAddress = async (
  strapi: Core.Strapi,
  input: { email: unknown; confirm: unknown },
  actor: AuditActor
): Promise<ErasureReport> => {
  const email = typeof input.email === 'string' ? input.email.trim().toLowerCase() : '';
  if (!/^[^\s@]+@[^\s@]+$/.test(email))
    throw new errors.ValidationError('Give the email address to erase.');
  if (typeof input.confirm !== 'string' || input.confirm.trim().toLowerCase() !== email)
    throw new errors.ValidationError(
      'Type the address again in "confirm" to erase it: erasure cannot be undone.'
    );
  const hash = emailHash(email);
  const report: ErasureReport = {
    emailHash: hash,
    platforms: [],
    removed: {
      contactStates: 0,
      webhookEvents: 0,
      queuedJobs: 0,
      auditEventsAnonymised: 0,
      segmentMembers: 0,
    },
    entries: [],
  };
  const profiles = await getService(strapi, 'syncProfiles').listStored();
  // Every audience of the account, not only the used ones: the person may be anywhere in it.
  for (const connection of await liveConnections(strapi)) {
    const { provider } = await getService(strapi, 'connections').provider(connection.id);
    const { audiences } = await getService(strapi, 'connections').audiences(connection.id);
    for (const audience of audiences) {
      try {
        await provider.deleteContactPermanently(audience.id, email);
        report.platforms.push({
          connectionId: connection.id,
          audienceId: audience.id,
          outcome: 'deleted',
        });
      } catch (error) {
        if (!isPlatformError(error)) throw error;
        report.platforms.push({
          connectionId: connection.id,
          audienceId: audience.id,
          outcome: 'failed',
          error: error.message,
        });
      }
    }
  }
  const touchedSegments = new Set<number>();
  await strapi.db.transaction(async () => {
    report.entries = await eraseEntries(strapi, profiles, email, hash);
    // Segment memberships: the rows the diff sync keeps, and threshold-added manual members.
    const memberRows = (await strapi.db
      .query(SEGMENT_MEMBER)
      .findMany({ where: { email: { $eqi: email } }, select: ['id', 'segmentId'] })) as Array<{
      id: number;
      segmentId: number;
    }>;
    for (const row of memberRows) touchedSegments.add(row.segmentId);
    report.removed.segmentMembers = (
      await strapi.db.query(SEGMENT_MEMBER).deleteMany({ where: { email: { $eqi: email } } })
    ).count;
    for (const segment of await segmentRows(strapi).all()) {
      const manual = Object.entries(segment.manualMembers ?? {});
      const kept = manual.filter(([, address]) => address.trim().toLowerCase() !== email);
      if (kept.length === manual.length) continue;
      touchedSegments.add(segment.id);
      await segmentRows(strapi).update(segment.id, { manualMembers: Object.fromEntries(kept) });
    }
    report.removed.contactStates = (
      await strapi.db.query(STATE).deleteMany({ where: { email: { $eqi: email } } })
    ).count;
    report.removed.webhookEvents = (
      await strapi.db.query(EVENT).deleteMany({ where: { email } })
    ).count;
    // Queued work that still names the person (opt-out propagation) is cancelled with them.
    report.removed.queuedJobs = (
      await strapi.db.query(JOB).deleteMany({
        where: { status: 'queued', dedupeKey: { $endsWith: `:${hash}` } },
      })
    ).count;
    report.removed.auditEventsAnonymised = (
      await strapi.db
        .query(AUDIT)
        .updateMany({ where: { email: { $eqi: email } }, data: { email: `sha256:${hash}` } })
    ).count;
    await strapi.db
      .query(PREFERENCE)
      .deleteMany({ where: { $or: [{ email }, { emailHash: hash }] } });
    await strapi.db.query(PREFERENCE).create({
      data: { email: null, emailHash: hash, status: 'forgotten', source: 'erasure' },
    });
  });
  for (const segmentId of touchedSegments)
    await getService(strapi, 'segments').enqueueSync(segmentId, 'member-change');
  await getService(strapi, 'audit').record(actor, {
    action: 'contact.erased',
    subjectType: 'preference',
    subjectId: `sha256:${hash}`,
    after: {
      status: 'forgotten',
      platforms: report.platforms,
      removed: report.removed,
      entries: report.entries,
    },
  });
  return report;
};
