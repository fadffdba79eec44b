import type { Core } from '@strapi/strapi';
import { isPlatformError } from '../providers/errors';
import type { ContactUpsert } from '../providers/types';
import { getService } from '../utils/get-service';
import { propagateOptOut } from '../consent/effects';
import { consentRecordedAfterOptOut } from './consent';
import { buildPayload, type ContactPayload, type Entry } from './contact-payload';
import type { ProfileRuntime } from './profile-runtime';
import { stateStore, SUPPRESSED, writeBatch, type ContactStateRow } from './state-store';

export interface SyncSummary {
  considered: number;
  unchanged: number;
  skipped: number;
  sent: number;
  created: number;
  updated: number;
  failed: number;
  unsubscribed: number;
}

const SYSTEM = { type: 'system' as const, name: 'contact sync' };
const ON_LIST = new Set(['subscribed', 'pending', 'unsubscribed', 'transactional']);

const errorText = (errors: ContactPayload['errors']) =>
  errors.map((e) => `${e.field}: ${e.message}`).join('; ');

/**
 * Pushes entries of one profile to its audience. Consent gates subscription; the suppression
 * list is never overridden (invariant 2); existing members keep their status (invariant 1);
 * each contact's failure is recorded on that contact alone (invariant 7).
 */
export const syncContacts = async (
  strapi: Core.Strapi,
  runtime: ProfileRuntime,
  entries: Entry[],
  options: { force?: boolean } = {}
): Promise<SyncSummary> => {
  const { profile, provider, audienceId } = runtime;
  const store = stateStore(strapi);
  const audit = getService(strapi, 'audit');
  const summary: SyncSummary = {
    considered: entries.length,
    unchanged: 0,
    skipped: 0,
    sent: 0,
    created: 0,
    updated: 0,
    failed: 0,
    unsubscribed: 0,
  };
  const payloads = entries.map((entry) =>
    buildPayload(entry, {
      profile,
      fields: runtime.fields,
      provider,
      relationLabels: runtime.relationLabels,
    })
  );
  const states = await store.states(
    profile.id,
    payloads.map((p) => p.documentId)
  );
  const isUnchanged = (payload: ContactPayload, state: ContactStateRow | undefined) =>
    !options.force &&
    payload.errors.length === 0 &&
    payload.email !== null &&
    state?.payloadHash === payload.hash &&
    state.email?.toLowerCase() === payload.email.toLowerCase();
  // Unchanged contacts need nothing more: their preferences are not even read.
  const preferences = await store.preferences(
    payloads
      .filter((p) => p.email && !isUnchanged(p, states.get(p.documentId)))
      .map((p) => p.email!)
  );
  const now = () => new Date().toISOString();
  // Local writes are buffered and committed in one transaction after the network calls, so no
  // database lock is held while waiting on the platform, and new rows are inserted in bulk.
  const batch = writeBatch(strapi, preferences);
  const flush = () => strapi.db.transaction(() => batch.commit());

  const toSend: Array<{ payload: ContactPayload; state?: ContactStateRow }> = [];
  for (const payload of payloads) {
    const state = states.get(payload.documentId);
    if (payload.errors.length > 0 || !payload.email) {
      summary.failed++;
      batch.saveState(profile.id, payload.documentId, state, {
        email: payload.email,
        lastError: errorText(payload.errors),
        lastErrorKind: 'validation',
        lastSyncedAt: now(),
      });
      continue;
    }
    if (isUnchanged(payload, state)) {
      summary.unchanged++;
      continue;
    }
    const email = payload.email;
    const preference = preferences.get(email.toLowerCase());
    // The address changed in Strapi: move the same member rather than create a second one.
    if (
      state?.email &&
      state.email.toLowerCase() !== email.toLowerCase() &&
      state.remoteStatus &&
      ON_LIST.has(state.remoteStatus)
    ) {
      await provider.changeEmail(audienceId, state.email, email);
      await audit.record(SYSTEM, {
        action: 'contact.email-changed',
        subjectType: profile.sourceUid,
        subjectId: payload.documentId,
        email,
        before: { email: state.email },
        after: { email },
      });
    }
    if (preference && (preference.status === 'cleaned' || preference.status === 'forgotten')) {
      // Cleaned or erased: nothing is written for this address again.
      summary.skipped++;
      batch.saveState(profile.id, payload.documentId, state, {
        email,
        remoteStatus: preference.status,
        payloadHash: payload.hash,
        consent: payload.consent,
        ...(preference.status === 'forgotten'
          ? {
              lastError:
                "Refused: this address was erased at the person's request; it is never added to any platform again.",
              lastErrorKind: 'compliance',
            }
          : { lastError: null }),
      });
      continue;
    }
    if (!payload.consent) {
      const wasOnList =
        state?.consent && (state.remoteStatus === 'subscribed' || state.remoteStatus === 'pending');
      if (wasOnList) {
        // Consent removed in Strapi: a recorded consent event, so the remote status follows.
        const status = await provider.setContactStatus(audienceId, email, 'unsubscribed');
        const changed = await store.setPreference(email, 'unsubscribed', {
          source: `strapi:${profile.sourceUid}`,
          consentWithdrawnAt: now(),
        });
        // Invariant 4: an opt-out in Strapi reaches every other connected platform and audience.
        if (changed)
          await propagateOptOut(strapi, email, { connectionId: runtime.connectionId, audienceId });
        await audit.record(SYSTEM, {
          action: 'contact.unsubscribed',
          subjectType: profile.sourceUid,
          subjectId: payload.documentId,
          email,
          before: { status: state?.remoteStatus ?? null },
          after: { status, reason: 'consent removed in Strapi' },
        });
        summary.unsubscribed++;
        batch.saveState(profile.id, payload.documentId, state, {
          email,
          remoteStatus: status,
          payloadHash: payload.hash,
          consent: false,
          lastSyncedAt: now(),
          lastError: null,
        });
      } else {
        // No consent and never subscribed by us: not pushed at all.
        summary.skipped++;
        batch.saveState(profile.id, payload.documentId, state, {
          email,
          payloadHash: payload.hash,
          consent: false,
          lastError: null,
        });
      }
      continue;
    }
    if (
      preference &&
      SUPPRESSED.has(preference.status) &&
      !(state?.remoteStatus && ON_LIST.has(state.remoteStatus))
    ) {
      // Opted out somewhere and not on this audience: never added by a background job.
      summary.skipped++;
      batch.saveState(profile.id, payload.documentId, state, {
        email,
        remoteStatus: null,
        payloadHash: payload.hash,
        consent: true,
        lastError: 'Suppressed: this address unsubscribed; only the person can opt in again.',
        lastErrorKind: 'compliance',
      });
      continue;
    }
    if (state?.remoteStatus === 'unsubscribed' && consentRecordedAfterOptOut(preference)) {
      // Consent recorded after the opt-out: the platform lets an unsubscribed member back only
      // through its own confirmation email, so the member becomes pending, once per event.
      try {
        const status = await provider.setContactStatus(audienceId, email, 'pending');
        await audit.record(SYSTEM, {
          action: `contact.${status}`,
          subjectType: profile.sourceUid,
          subjectId: payload.documentId,
          email,
          before: { status: state.remoteStatus },
          after: { status, reason: 'consent recorded after the opt-out' },
        });
      } catch (error) {
        if (!isPlatformError(error) || error.retryable) throw error;
        summary.failed++;
        batch.saveState(profile.id, payload.documentId, state, {
          email,
          consent: true,
          lastError: error.message,
          lastErrorKind: error.kind,
          lastSyncedAt: now(),
        });
        continue;
      }
    }
    toSend.push({ payload, state });
  }

  if (toSend.length === 0) {
    await flush();
    return summary;
  }
  const upserts: ContactUpsert[] = toSend.map(({ payload }) => ({
    email: payload.email!,
    statusIfNew: profile.doubleOptIn ? 'pending' : 'subscribed',
    fields: payload.fields,
  }));
  summary.sent = upserts.length;
  const outcomes = await provider.upsertContacts(audienceId, upserts);
  const byEmail = new Map(outcomes.map((o) => [o.email.toLowerCase(), o]));

  const tagChanges = new Map<string, { add: string[]; remove: string[] }>();
  const tag = (name: string, side: 'add' | 'remove', email: string) => {
    const change = tagChanges.get(name) ?? { add: [], remove: [] };
    change[side].push(email);
    tagChanges.set(name, change);
  };

  for (const { payload, state } of toSend) {
    const email = payload.email!;
    const outcome = byEmail.get(email.toLowerCase());
    if (!outcome || outcome.outcome === 'failed') {
      summary.failed++;
      batch.saveState(profile.id, payload.documentId, state, {
        email,
        consent: true,
        lastError:
          outcome && outcome.outcome === 'failed' ? outcome.message : 'No result from the platform',
        lastErrorKind: outcome && outcome.outcome === 'failed' ? outcome.kind : 'transient',
        lastSyncedAt: now(),
      });
      continue;
    }
    summary[outcome.outcome]++;
    const status = outcome.status;
    const data: Partial<ContactStateRow> = {
      email,
      remoteStatus: status,
      payloadHash: payload.hash,
      consent: true,
      lastSyncedAt: now(),
      lastError: null,
      lastErrorKind: null,
    };
    if (SUPPRESSED.has(status)) {
      // The platform knows better: record the opt-out so no platform re-subscribes this address.
      const changed = batch.setPreference(email, status as 'unsubscribed' | 'cleaned', {
        source: 'platform',
      });
      if (changed)
        batch.record({
          action: `contact.${status}`,
          subjectType: profile.sourceUid,
          subjectId: payload.documentId,
          email,
          before: { status: changed.from },
          after: { status, source: 'platform' },
        });
    } else if (outcome.outcome === 'created') {
      const changed = batch.setPreference(email, status as 'subscribed' | 'pending', {
        source: `strapi:${profile.sourceUid}`,
        consentGivenAt: now(),
        ...(status === 'pending' ? { confirmationSentAt: now() } : {}),
      });
      if (changed)
        batch.record({
          action: `contact.${status}`,
          subjectType: profile.sourceUid,
          subjectId: payload.documentId,
          email,
          before: { status: changed.from },
          after: { status },
        });
    }
    const applied = new Set(state?.appliedTags ?? []);
    const wanted = new Set(payload.tags);
    // Welcome path: one tag on the first time we see the contact subscribed, never again.
    if (profile.welcomeTag && status === 'subscribed' && !state?.welcomedAt) {
      tag(profile.welcomeTag, 'add', email);
      data.welcomedAt = now();
    }
    if (status !== 'cleaned') {
      for (const name of wanted) if (!applied.has(name)) tag(name, 'add', email);
      for (const name of applied) if (!wanted.has(name)) tag(name, 'remove', email);
      data.appliedTags = [...wanted];
    }
    batch.saveState(profile.id, payload.documentId, state, data);
  }

  await flush();
  for (const [name, change] of tagChanges) {
    try {
      await provider.tagContacts(audienceId, name, change);
    } catch (error) {
      if (!isPlatformError(error) || error.retryable) throw error;
      strapi.log.warn(`[email-marketing] tag "${name}" could not be applied: ${error.message}`);
    }
  }
  return summary;
};
