import type { Core } from '@strapi/strapi';
import { clearConsentField, propagateOptOut } from '../consent/effects';
import { resolvedProfiles } from '../consent/used-audiences';
import { stateStore, type ContactStateRow } from '../sync/state-store';
import { getService } from '../utils/get-service';
import { FORM_ACTOR } from './form-subscribe';

const STATE = 'plugin::email-marketing.contact-state';
const PREFERENCE = 'plugin::email-marketing.preference';

/**
 * An unsubscribe through a signed link: the address is suppressed (even if it was never known
 * here, so no later sync adds it), every mapped consent field is cleared without a push, and
 * the opt-out reaches every connected platform (invariant 4). An erased address stays erased.
 */
export const applyFormUnsubscribe = async (strapi: Core.Strapi, email: string) => {
  const store = stateStore(strapi);
  const audit = getService(strapi, 'audit');
  const existing = await store.preference(email);
  if (existing?.status === 'forgotten') return;
  const profiles = await resolvedProfiles(strapi);
  const withdrawnAt = new Date().toISOString();
  await strapi.db.transaction(async () => {
    // A bounced (cleaned) address stays cleaned: it is suppressed already, and the bounce is
    // worth keeping. The withdrawal is still recorded, and still reaches every platform.
    let changed: { from: string | null } | null = null;
    if (existing?.status === 'cleaned')
      await strapi.db
        .query(PREFERENCE)
        .update({ where: { id: existing.id }, data: { consentWithdrawnAt: withdrawnAt } });
    else
      changed = await store.setPreference(email, 'unsubscribed', {
        source: 'form',
        consentWithdrawnAt: withdrawnAt,
      });
    if (changed)
      await audit.record(FORM_ACTOR, {
        action: 'contact.unsubscribed',
        subjectType: 'preference',
        email,
        before: { status: changed.from },
        after: { status: 'unsubscribed', source: 'form' },
      });
    for (const resolved of profiles) {
      const states = (await strapi.db.query(STATE).findMany({
        where: { profileId: resolved.profile.id, email: { $eqi: email } },
      })) as ContactStateRow[];
      for (const state of states) {
        const cleared = await clearConsentField(strapi, resolved, state.sourceDocumentId);
        if (!cleared) continue;
        await store.saveState(resolved.profile.id, state.sourceDocumentId, state, {
          consent: false,
        });
        await audit.record(FORM_ACTOR, {
          action: 'contact.consent-cleared',
          subjectType: resolved.profile.sourceUid,
          subjectId: state.sourceDocumentId,
          email,
          before: { consent: state.consent },
          after: { [cleared.field]: cleared.value, source: 'form' },
        });
      }
    }
    // Even when nothing changed here: the person may still be subscribed on a platform.
    await propagateOptOut(strapi, email, null);
  });
};
