import type { Core } from '@strapi/strapi';
import { isPlatformError } from '../providers/errors';
import { cachedRuntime } from '../sync/profile-runtime';
import { stateStore, SUPPRESSED } from '../sync/state-store';
import type { AuditActor } from '../types/audit';
import { getService } from '../utils/get-service';

const STATE = 'plugin::email-marketing.contact-state';
const PREFERENCE = 'plugin::email-marketing.preference';

export const FORM_ACTOR: AuditActor = { type: 'system', name: 'public preference form' };

export interface FormSubscribePayload {
  profileId: number;
  email: string;
}

/** Statuses a form submission leaves alone: erased and bounced stay out, members stay as they are. */
const UNTOUCHED = new Set(['forgotten', 'cleaned', 'subscribed', 'pending']);

/**
 * A sign-up from the site's own form, run as a job so the public answer is the same for every
 * address. The platform sends one confirmation email (double opt-in, always, whatever the
 * profile's setting), and the change is audited. An unsubscribed address stays suppressed
 * everywhere until the platform reports the confirmation (the `subscribed` webhook): anyone can
 * submit anyone's address, so an unconfirmed request is no consent (invariants 2 and 3).
 * An erased or cleaned address is never re-added; a member already on the list is left as is.
 */
export const applyFormSubscribe = async (
  strapi: Core.Strapi,
  { profileId, email }: FormSubscribePayload
) => {
  const store = stateStore(strapi);
  const preference = await store.preference(email);
  if (preference && UNTOUCHED.has(preference.status))
    return { outcome: 'unchanged', status: preference.status };
  const profile = await getService(strapi, 'syncProfiles').findStored(profileId);
  if (!profile || !profile.enabled) return { outcome: 'unchanged', reason: 'profile not enabled' };
  const { provider, audienceId } = await cachedRuntime(strapi, profile);
  const [result] = await provider.upsertContacts(audienceId, [
    { email, statusIfNew: 'pending', fields: {} },
  ]);
  if (!result || result.outcome === 'failed')
    return { outcome: 'failed', reason: result?.message ?? 'no result from the platform' };
  let status = result.status;
  // An existing member who had unsubscribed (here or elsewhere) asked again: a consent event,
  // the only path that changes a remote status, and it asks them to confirm.
  if (result.outcome === 'updated' && status === 'unsubscribed') {
    try {
      status = await provider.setContactStatus(audienceId, email, 'pending');
    } catch (error) {
      if (!isPlatformError(error) || error.retryable) throw error;
      return { outcome: 'failed', reason: error.message };
    }
  }
  // Erased while the platform call ran (erasure cancels queued jobs only): delete again.
  if ((await store.preference(email))?.status === 'forgotten') {
    try {
      await provider.deleteContactPermanently(audienceId, email);
    } catch (error) {
      if (!isPlatformError(error) || error.retryable) throw error; // e.g. already gone: done
    }
    return { outcome: 'unchanged', status: 'forgotten' };
  }
  if (status !== 'pending' && status !== 'subscribed') return { outcome: 'unchanged', status }; // cleaned on the platform: stays out
  const now = new Date().toISOString();
  const remoteBefore = result.outcome === 'created' ? null : result.status;
  await strapi.db.transaction(async () => {
    // Read again: an opt-out or erasure that arrived during the platform call wins.
    const current = await store.preference(email);
    if (current?.status === 'forgotten') return;
    if (current && SUPPRESSED.has(current.status)) {
      // Only this audience changed; the address stays suppressed until the platform confirms.
      if (status === 'pending') {
        await strapi.db
          .query(PREFERENCE)
          .update({ where: { id: current.id }, data: { confirmationSentAt: now } });
        await getService(strapi, 'audit').record(FORM_ACTOR, {
          action: 'contact.pending',
          subjectType: 'audience',
          subjectId: audienceId,
          email,
          before: { status: remoteBefore },
          after: {
            status: 'pending',
            source: 'form',
            audienceId,
            profileId,
            doubleOptIn: true,
            preference: current.status,
          },
        });
      }
    } else {
      const changed = await store.setPreference(email, status as 'pending' | 'subscribed', {
        source: 'form',
        consentGivenAt: now,
        ...(status === 'pending' ? { confirmationSentAt: now } : {}),
      });
      if (changed)
        await getService(strapi, 'audit').record(FORM_ACTOR, {
          action: `contact.${status}`,
          subjectType: 'preference',
          email,
          before: { status: changed.from },
          after: { status, source: 'form', audienceId, profileId, doubleOptIn: true },
        });
    }
    await strapi.db.query(STATE).updateMany({
      where: { profileId, email: { $eqi: email } },
      data: { remoteStatus: status },
    });
  });
  return { outcome: status };
};
