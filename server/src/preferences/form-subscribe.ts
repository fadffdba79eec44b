import type { Core } from '@strapi/strapi';
import { isPlatformError } from '../providers/errors';
import { cachedRuntime } from '../sync/profile-runtime';
import { stateStore } from '../sync/state-store';
import type { AuditActor } from '../types/audit';
import { getService } from '../utils/get-service';

const STATE = 'plugin::email-marketing.contact-state';

export const FORM_ACTOR: AuditActor = { type: 'system', name: 'public preference form' };

export interface FormSubscribePayload {
  profileId: number;
  email: string;
}

/** Statuses a form submission leaves alone: erased and bounced stay out, members stay as they are. */
const UNTOUCHED = new Set(['forgotten', 'cleaned', 'subscribed', 'pending']);

/**
 * A sign-up from the site's own form, run as a job so the public answer is the same for every
 * address. A new or unsubscribed address becomes pending: the platform sends one confirmation
 * email (double opt-in, always, whatever the profile's setting), and the change is audited.
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
  if (status !== 'pending' && status !== 'subscribed') return { outcome: 'unchanged', status }; // cleaned on the platform: stays out
  const now = new Date().toISOString();
  await strapi.db.transaction(async () => {
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
    await strapi.db.query(STATE).updateMany({
      where: { profileId, email: { $eqi: email } },
      data: { remoteStatus: status },
    });
  });
  return { outcome: status };
};
