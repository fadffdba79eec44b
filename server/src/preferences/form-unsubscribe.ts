import type { Core } from '@strapi/strapi';
import { clearConsentField, propagateOptOut } from '../consent/effects';
import { resolvedProfiles } from '../consent/used-audiences';
import { stateStore, type ContactStateRow } from '../sync/state-store';
import { getService } from '../utils/get-service';
import { FORM_ACTOR } from './form-subscribe';

const STATE = 'plugin::email-marketing.contact-state';

/**
 * An unsubscribe through a signed link: the address is suppressed (even if it was never known
 * here, so no later sync adds it), every mapped consent field is cleared without a push, and
 * the opt-out reaches every connected platform (invariant 4). An erased address stays erased.
 */
export const applyFormUnsubscribe = async (strapi: Core.Strapi, email: string) => {
  const store = stateStore(strapi);
  const audit = getService(strapi, 'audit');
  if ((await store.preference(email))?.status === 'forgotten') return;
  const profiles = await resolvedProfiles(strapi);
  await strapi.db.transaction(async () => {
    const changed = await store.setPreference(email, 'unsubscribed', {
      source: 'form',
      consentWithdrawnAt: new Date().toISOString(),
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
