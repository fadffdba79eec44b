import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { PUSH_JOB, pushDedupeKey } from '../sync/jobs';
import { emailHash, stateStore } from '../sync/state-store';
import type { AuditActor } from '../types/audit';
import { getService } from '../utils/get-service';
import { optionalText, parseEmail } from './address';
import { grantConsentOnEntries } from './entries';

const PREFERENCE = 'plugin::email-marketing.preference';
const STATE = 'plugin::email-marketing.contact-state';

/** Why an address cannot be given consent by an admin, or null when it can. */
const refusal = (status: string | undefined): string | null => {
  if (status === 'forgotten')
    return 'This address was erased at the person’s request: consent cannot be recorded for it, and it is never added to any platform again.';
  if (status === 'cleaned')
    return 'This address bounced (cleaned): the platform no longer delivers to it, so an admin cannot subscribe it again. The person can sign up again with a working address.';
  return null;
};

/**
 * An explicit consent event given by the person and recorded by an admin (a paper form, a
 * phone call): the preference becomes subscribed, the entries' consent fields follow, and each
 * entry is pushed through the outbox. Invariant 1: because this consent is recorded after the
 * last opt-out, the push may bring an unsubscribed member back (as pending; see sync-contacts).
 */
export const recordConsent = async (
  strapi: Core.Strapi,
  input: { email: unknown; source: unknown; note?: unknown },
  actor: AuditActor
) => {
  const email = parseEmail(input.email);
  const source = optionalText(input.source, 'source', 200);
  if (!source)
    throw new errors.ValidationError(
      '"source" says where the person gave consent (for example "signed form at the fair").'
    );
  const note = optionalText(input.note, 'note', 1000);
  const existing = await stateStore(strapi).preference(email);
  const refused = refusal(existing?.status);
  if (refused) throw new errors.ValidationError(refused);

  const at = new Date().toISOString();
  return strapi.db.transaction(async () => {
    const data = {
      status: 'subscribed' as const,
      consentGivenAt: at,
      source,
      emailHash: emailHash(email),
      // An opt-out recorded without its time (the platform reported it): it was no later than
      // the row's last change, which is what "consent given after the opt-out" compares with.
      ...(existing?.status === 'unsubscribed' && !existing.consentWithdrawnAt
        ? { consentWithdrawnAt: (existing as { updatedAt?: string }).updatedAt ?? at }
        : {}),
    };
    if (existing) await strapi.db.query(PREFERENCE).update({ where: { id: existing.id }, data });
    else await strapi.db.query(PREFERENCE).create({ data: { email, ...data } });
    const entries = await grantConsentOnEntries(strapi, email);
    for (const { profileId, documentId } of entries) {
      // Forget the last pushed payload: the push must not skip the entry as unchanged.
      await strapi.db.query(STATE).updateMany({
        where: { profileId, sourceDocumentId: documentId },
        data: { payloadHash: null },
      });
      await getService(strapi, 'jobs').enqueue(
        PUSH_JOB,
        { profileId, documentId },
        { dedupeKey: pushDedupeKey(profileId, documentId) }
      );
    }
    await getService(strapi, 'audit').record(actor, {
      action: 'consent.recorded',
      subjectType: 'preference',
      email,
      before: {
        status: existing?.status ?? null,
        consentGivenAt: existing?.consentGivenAt ?? null,
      },
      after: {
        status: 'subscribed',
        consentGivenAt: at,
        source,
        ...(note ? { note } : {}),
        entriesPushed: entries.length,
      },
    });
    return { entriesPushed: entries.length };
  });
};
