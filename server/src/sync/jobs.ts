import type { Core } from '@strapi/strapi';
import { getService } from '../utils/get-service';
import type { JobContext } from '../jobs/registry';
import { cachedRuntime, findEntries, resolveRuntime } from './profile-runtime';
import { removeContact } from './remove-contact';
import { stateStore } from './state-store';
import { syncContacts } from './sync-contacts';

export const PUSH_JOB = 'contacts.push';
export const FULL_SYNC_JOB = 'contacts.sync';
export const RECONCILE_JOB = 'contacts.reconcile';

export const pushDedupeKey = (profileId: number, documentId: string) =>
  `push:${profileId}:${documentId}`;

export interface PushPayload {
  profileId: number;
  documentId: string;
}

export interface FullSyncPayload {
  profileId: number;
  force?: boolean;
}

interface FullSyncCursor {
  lastId: number;
  done: number;
}

// 5,000 entries: ten batch calls of 500 in flight at once, Mailchimp's cap; a resumed sync re-sends at most one page.
const PAGE = 5000;

/** Job handlers of contact sync: one contact (coalesced saves), a full sync, the daily reconcile. */
export const registerSyncJobs = (strapi: Core.Strapi) => {
  const jobs = getService(strapi, 'jobs');
  const profiles = () => getService(strapi, 'syncProfiles');
  // The contact is on the platform as it should be; a segment it moved in or out of follows
  // (coalesced per segment). A failed check never fails the push: the daily sync catches up.
  const segmentsAfterPush = async (profileId: number, documentId: string) => {
    try {
      return (await getService(strapi, 'segments').afterContactPush(profileId, documentId))
        .enqueued;
    } catch (error) {
      strapi.log.warn(`[email-marketing] segment check after push: ${(error as Error).message}`);
      return 0;
    }
  };

  // Reads the entry's current state at run time, so ten saves coalesced into one job send the latest.
  jobs.registerHandler<PushPayload>(PUSH_JOB, async ({ profileId, documentId }) => {
    const profile = await profiles().findStored(profileId);
    if (!profile || !profile.enabled) return { skipped: 'profile disabled or deleted' };
    const runtime = await cachedRuntime(strapi, profile);
    const [entry] = await findEntries(strapi, runtime, { documentId }, 1);
    let result: unknown;
    if (entry) result = await syncContacts(strapi, runtime, [entry]);
    else {
      const state = (await stateStore(strapi).states(profileId, [documentId])).get(documentId);
      if (state) await removeContact(strapi, runtime, state);
      result = { removed: Boolean(state) };
    }
    return { ...(result as object), segments: await segmentsAfterPush(profileId, documentId) };
  });

  // Cursor-driven: each page is checkpointed, so a killed sync resumes after the last finished page.
  jobs.registerHandler<FullSyncPayload>(
    FULL_SYNC_JOB,
    async ({ profileId, force }, context: JobContext) => {
      const profile = await profiles().findStored(profileId);
      if (!profile) return { skipped: 'profile deleted' };
      const runtime = await resolveRuntime(strapi, profile);
      const cursor = (context.cursor as FullSyncCursor | null) ?? { lastId: 0, done: 0 };
      const total = await countEntries(strapi, runtime);
      const totals = { considered: 0, unchanged: 0, sent: 0, failed: 0, removed: 0 };
      let { lastId, done } = cursor;
      const seen = new Set<string>();
      for (;;) {
        if (context.signal.aborted) throw new Error('sync stopped');
        const entries = await findEntries(strapi, runtime, { id: { $gt: lastId } }, PAGE);
        if (entries.length === 0) break;
        const summary = await syncContacts(strapi, runtime, entries, { force });
        totals.considered += summary.considered;
        totals.unchanged += summary.unchanged;
        totals.sent += summary.sent;
        totals.failed += summary.failed;
        lastId = entries[entries.length - 1].id;
        done += entries.length;
        for (const entry of entries) seen.add(entry.documentId);
        await context.checkpoint({ lastId, done } satisfies FullSyncCursor, { done, total });
      }
      // Entries removed behind the document service's back (bulk queries) leave orphan states;
      // only a run that saw every page can tell which.
      if (cursor.lastId === 0) {
        for (const state of await stateStore(strapi).allStateDocumentIds(profileId)) {
          if (seen.has(state.sourceDocumentId)) continue;
          const full = (await stateStore(strapi).states(profileId, [state.sourceDocumentId])).get(
            state.sourceDocumentId
          );
          if (full) {
            await removeContact(strapi, runtime, full);
            totals.removed++;
          }
        }
      }
      await profiles().markFullSync(profileId);
      return totals;
    }
  );

  jobs.registerHandler(RECONCILE_JOB, async () => {
    const enabled = (await profiles().listStored()).filter((p) => p.enabled);
    for (const profile of enabled) await profiles().enqueueFullSync(profile.id, 'reconcile');
    return { profiles: enabled.length };
  });
};

const countEntries = async (
  strapi: Core.Strapi,
  runtime: Awaited<ReturnType<typeof resolveRuntime>>
) => {
  const entries = await strapi.db.query(runtime.profile.sourceUid as never).count({
    where: (
      strapi.contentTypes as unknown as Record<string, { options?: { draftAndPublish?: boolean } }>
    )[runtime.profile.sourceUid]?.options?.draftAndPublish
      ? runtime.profile.syncDrafts
        ? { publishedAt: { $null: true } }
        : { publishedAt: { $notNull: true } }
      : {},
  });
  return Number(entries);
};
