import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import type { ContactSyncState, PreviewContact } from '../types/sync';
import { getService } from '../utils/get-service';
import { buildPayload } from '../sync/contact-payload';
import { PUSH_JOB, pushDedupeKey } from '../sync/jobs';
import {
  findEntries,
  forgetRuntimes,
  resolveRuntime,
  type StoredProfile,
} from '../sync/profile-runtime';
import { stateStore, SUPPRESSED } from '../sync/state-store';

const PROFILE_CACHE_MS = 10_000;
const PUSH_DELAY_MS = 500;
const WATCHED = new Set(['create', 'update', 'delete', 'publish', 'unpublish', 'discardDraft']);

export interface MiddlewareContext {
  uid: string;
  action: string;
  params?: { documentId?: string } & Record<string, unknown>;
}

/**
 * Contact sync around the document service: saves enqueue a coalesced push (the save never
 * waits on the network), plus preview and per-contact state for the admin.
 */
const contactSync = ({ strapi }: { strapi: Core.Strapi }) => {
  // Enabled profiles by source uid, kept briefly: a save must not pay a query to learn nothing.
  let cache: { at: number; byUid: Map<string, StoredProfile[]> } | null = null;
  const profilesFor = async (uid: string) => {
    if (!cache || Date.now() - cache.at > PROFILE_CACHE_MS) {
      const byUid = new Map<string, StoredProfile[]>();
      for (const profile of await getService(strapi, 'syncProfiles').listStored()) {
        if (!profile.enabled) continue;
        byUid.set(profile.sourceUid, [...(byUid.get(profile.sourceUid) ?? []), profile]);
      }
      cache = { at: Date.now(), byUid };
    }
    return cache.byUid.get(uid) ?? [];
  };

  // A short delay lets a burst of saves of one entry coalesce into one push, and keeps the
  // push off the CPU while the editor is still saving.
  const enqueuePush = async (profileId: number, documentId: string) =>
    getService(strapi, 'jobs').enqueue(
      PUSH_JOB,
      { profileId, documentId },
      { dedupeKey: pushDedupeKey(profileId, documentId), delayMs: PUSH_DELAY_MS }
    );

  return {
    /** Profiles or connections changed: forget what was cached about them. */
    invalidate() {
      cache = null;
      forgetRuntimes(strapi);
    },

    /** Whether a document action concerns a mapped type (answered from a short-lived cache). */
    async isWatched(context: MiddlewareContext) {
      if (!WATCHED.has(context.action) || context.uid.startsWith('plugin::email-marketing.'))
        return false;
      return (await profilesFor(context.uid)).length > 0;
    },

    /** After a watched action: enqueues a push per profile of that type. */
    async afterDocumentAction(context: MiddlewareContext, result: unknown) {
      const profiles = await profilesFor(context.uid);
      if (profiles.length === 0) return;
      const fromResult =
        (result as { documentId?: string; entries?: Array<{ documentId?: string }> } | null) ??
        null;
      const documentId =
        context.params?.documentId ??
        fromResult?.documentId ??
        fromResult?.entries?.[0]?.documentId;
      if (!documentId) return;
      for (const profile of profiles) await enqueuePush(profile.id, documentId);
    },

    /** The first five contacts of an unsaved mapping, as they would be sent. */
    async preview(body: Record<string, unknown>): Promise<PreviewContact[]> {
      const input = await getService(strapi, 'syncProfiles').checked(body);
      const runtime = await resolveRuntime(strapi, { ...input, id: 0, lastFullSyncAt: null });
      const entries = await findEntries(strapi, runtime, {}, 5);
      const payloads = entries.map((entry) =>
        buildPayload(entry, {
          profile: input,
          fields: runtime.fields,
          provider: runtime.provider,
          relationLabels: runtime.relationLabels,
        })
      );
      const preferences = await stateStore(strapi).preferences(
        payloads.flatMap((p) => (p.email ? [p.email] : []))
      );
      return payloads.map((payload) => {
        const suppressed = payload.email ? preferences.get(payload.email.toLowerCase()) : undefined;
        const skipReason = !payload.consent
          ? 'no marketing consent'
          : suppressed && SUPPRESSED.has(suppressed.status)
            ? `suppressed (${suppressed.status})`
            : undefined;
        return {
          documentId: payload.documentId,
          email: payload.email,
          status: skipReason ? 'skipped' : input.doubleOptIn ? 'pending' : 'subscribed',
          ...(skipReason ? { skipReason } : {}),
          mergeFields: payload.fields,
          tags: payload.tags,
          errors: payload.errors,
        };
      });
    },

    async contactState(uid: string, documentId: string): Promise<ContactSyncState[]> {
      const profiles = (await getService(strapi, 'syncProfiles').listStored()).filter(
        (p) => p.sourceUid === uid
      );
      const out: ContactSyncState[] = [];
      for (const profile of profiles) {
        const state = (await stateStore(strapi).states(profile.id, [documentId])).get(documentId);
        const queued = await strapi.db.query('plugin::email-marketing.job').count({
          where: {
            dedupeKey: pushDedupeKey(profile.id, documentId),
            status: { $in: ['queued', 'running'] },
          },
        });
        out.push({
          profileId: profile.id,
          profileName: profile.name,
          email: state?.email ?? null,
          remoteStatus: state?.remoteStatus ?? null,
          lastSyncedAt: state?.lastSyncedAt ?? null,
          lastError: state?.lastError ?? null,
          pending: queued > 0,
        });
      }
      return out;
    },

    async syncContact(uid: string, documentId: string) {
      const profiles = (await getService(strapi, 'syncProfiles').listStored()).filter(
        (p) => p.sourceUid === uid && p.enabled
      );
      if (profiles.length === 0)
        throw new errors.NotFoundError(`${uid} is not mapped to an audience.`);
      const jobs = [];
      for (const profile of profiles) jobs.push((await enqueuePush(profile.id, documentId)).id);
      return { jobIds: jobs };
    },
  };
};

export default contactSync;
