import type { Core } from '@strapi/strapi';
import { PermanentJobError } from '../jobs/outcome';
import { PUSH_JOB, pushDedupeKey } from '../sync/jobs';
import { hasConsent } from '../sync/consent';
import { cachedRuntime, findEntries, type ProfileRuntime } from '../sync/profile-runtime';
import { stateStore, SUPPRESSED, type ContactStateRow } from '../sync/state-store';
import { segmentRows } from '../segments/rows';
import type { ThresholdAction } from '../types/triggers';
import { getService } from '../utils/get-service';
import { actionLabel } from './input';
import { FIRING_UID, STATE_UID, triggerRows, type FiringRow, type ThresholdRow } from './rows';

const SYSTEM = { type: 'system' as const, name: 'point triggers' };
export const VIP_TAG = 'VIP';

interface Target {
  firing: FiringRow;
  threshold: ThresholdRow;
  /** The platform, resolved on first use: a VIP flag or a push needs no connection. */
  platform(): Promise<ProfileRuntime>;
  state: ContactStateRow | undefined;
  email: string | null;
}

/** What one action did, for the audit log (each action is idempotent: a retry repeats it safely). */
type Done = { done: string } | { skipped: string };

const runAction = async (
  strapi: Core.Strapi,
  t: Target,
  action: ThresholdAction
): Promise<Done> => {
  const { firing, email } = t;
  const profileId = firing.profileId;
  const documentId = firing.contactDocumentId;
  const needPlatform = () => t.platform();
  switch (action.type) {
    case 'push':
      await getService(strapi, 'jobs').enqueue(
        PUSH_JOB,
        { profileId, documentId },
        { dedupeKey: pushDedupeKey(profileId, documentId) }
      );
      return { done: 'push enqueued' };
    case 'addTags':
    case 'removeTags': {
      if (!email) return { skipped: 'the contact is not on the audience yet' };
      const { provider, audienceId } = await needPlatform();
      for (const tag of action.tags)
        await provider.tagContacts(audienceId, tag, {
          [action.type === 'addTags' ? 'add' : 'remove']: [email],
        });
      return { done: actionLabel(action) };
    }
    case 'markVip': {
      await strapi.db
        .query(STATE_UID)
        .updateMany({ where: { profileId, sourceDocumentId: documentId }, data: { vip: true } });
      if (email) {
        const { provider, audienceId } = await needPlatform();
        await provider.tagContacts(audienceId, VIP_TAG, { add: [email] });
      }
      return { done: email ? `VIP, tagged ${VIP_TAG}` : 'VIP (not on the audience yet: no tag)' };
    }
    case 'addToSegment': {
      const segment = await segmentRows(strapi).find(action.segmentId);
      if (!segment) return { skipped: `segment #${action.segmentId} no longer exists` };
      if (!email) return { skipped: 'the contact is not on the audience yet' };
      if (await suppressed(strapi, email)) return { skipped: 'the address is suppressed' };
      // Recorded on the segment so its diff sync keeps the contact; the sync adds it remotely.
      await segmentRows(strapi).update(segment.id, {
        manualMembers: { ...(segment.manualMembers ?? {}), [documentId]: email.toLowerCase() },
      });
      await getService(strapi, 'segments').enqueueSync(segment.id, 'member-change');
      return { done: `added to segment "${segment.name}"` };
    }
    case 'startDoubleOptIn':
      return startDoubleOptIn(strapi, t, await needPlatform());
  }
};

const suppressed = async (strapi: Core.Strapi, email: string) => {
  const preference = await stateStore(strapi).preference(email);
  return preference ? SUPPRESSED.has(preference.status) : false;
};

/**
 * Asks the contact to confirm by email: only with consent in Strapi, never for an address
 * that unsubscribed, was cleaned or erased, and not again for one already subscribed or pending.
 */
const startDoubleOptIn = async (
  strapi: Core.Strapi,
  t: Target,
  runtime: ProfileRuntime
): Promise<Done> => {
  const { profile, provider, audienceId } = runtime;
  const [entry] = await findEntries(strapi, runtime, { documentId: t.firing.contactDocumentId }, 1);
  const email = entry?.[profile.emailField];
  if (!entry || typeof email !== 'string' || !email)
    return { skipped: 'the contact has no address' };
  if (!hasConsent(profile.consentRule, profile.consentField ? entry[profile.consentField] : null))
    return { skipped: 'no marketing consent' };
  const store = stateStore(strapi);
  const preference = await store.preference(email);
  if (preference && SUPPRESSED.has(preference.status))
    return { skipped: `suppressed (${preference.status})` };
  const remote = t.state?.remoteStatus ?? preference?.status;
  if (remote === 'subscribed' || remote === 'pending') return { skipped: `already ${remote}` };
  if (remote && SUPPRESSED.has(remote)) return { skipped: `${remote} on the platform` };
  let status: string;
  if (!t.state?.remoteStatus) {
    // The platform answers per member: it may already hold this address, unsubscribed.
    const [r] = await provider.upsertContacts(audienceId, [
      { email, statusIfNew: 'pending', fields: {} },
    ]);
    if (!r || r.outcome === 'failed')
      throw new PermanentJobError(`The platform refused ${email}: ${r?.message ?? 'no result'}`);
    status = r.status;
  } else status = await provider.setContactStatus(audienceId, email, 'pending');
  const audit = getService(strapi, 'audit');
  const docId = t.firing.contactDocumentId;
  await strapi.db.transaction(async () => {
    // Read again inside the transaction: an opt-out that landed meanwhile is never lifted.
    const current = await store.preference(email);
    // The platform's opt-out is recorded; a pending start never demotes a subscribed address.
    const mayMarkPending =
      !current || !(SUPPRESSED.has(current.status) || current.status === 'subscribed');
    let changed: { from: string | null } | null = null;
    if (SUPPRESSED.has(status))
      changed = await store.setPreference(email, status as 'unsubscribed' | 'cleaned', {
        source: 'platform',
      });
    else if (status === 'pending' && mayMarkPending)
      changed = await store.setPreference(email, 'pending', {
        source: 'points threshold',
        confirmationSentAt: new Date().toISOString(),
      });
    if (changed || t.state?.remoteStatus !== status)
      await audit.record(SYSTEM, {
        action: `contact.${status}`,
        subjectType: profile.sourceUid,
        subjectId: docId,
        email,
        before: {
          status: changed ? changed.from : (current?.status ?? null),
          remoteStatus: t.state?.remoteStatus ?? null,
        },
        after: { status, remoteStatus: status, audienceId, source: 'points threshold' },
      });
    if (t.state) await store.saveState(profile.id, docId, t.state, { remoteStatus: status });
  });
  return status === 'pending'
    ? { done: 'double opt-in started' }
    : { skipped: `the platform reports ${status}` };
};

/** Runs a firing's actions (points.fire): each audited; a platform error retries the job. */
export const runFiring = async (strapi: Core.Strapi, firingId: number) => {
  const firing = (await strapi.db
    .query(FIRING_UID)
    .findOne({ where: { id: firingId } })) as FiringRow | null;
  if (!firing) return { skipped: 'firing deleted' };
  const threshold = await triggerRows(strapi).threshold(firing.thresholdId);
  if (!threshold) return { skipped: 'threshold deleted' };
  const profile = await getService(strapi, 'syncProfiles').findStored(firing.profileId);
  const platform = async () => {
    if (!profile) throw new PermanentJobError('The sync profile of this threshold was deleted.');
    return cachedRuntime(strapi, profile);
  };
  const state = (await stateStore(strapi).states(firing.profileId, [firing.contactDocumentId])).get(
    firing.contactDocumentId
  );
  const target: Target = { firing, threshold, platform, state, email: state?.email ?? null };
  const results: Record<string, Done> = {};
  for (const action of threshold.actions) {
    const result = await runAction(strapi, target, action);
    results[actionLabel(action)] = result;
    await getService(strapi, 'audit').record(SYSTEM, {
      action: 'points.threshold-action',
      subjectType: 'trigger-threshold',
      subjectId: threshold.id,
      email: target.email ?? undefined,
      after: {
        threshold: threshold.name,
        contact: firing.contactDocumentId,
        profileId: firing.profileId,
        action: actionLabel(action),
        ...result,
      },
    });
  }
  return results;
};
