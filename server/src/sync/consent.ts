import type { ConsentRule } from '../types/sync';
import type { PreferenceRow } from './state-store';

/** Whether an entry grants marketing consent under the profile's rule. */
export const hasConsent = (rule: ConsentRule, value: unknown): boolean => {
  switch (rule.kind) {
    case 'boolean':
      return value === true;
    case 'enumeration':
      return typeof value === 'string' && rule.values.includes(value);
    case 'none':
      return rule.acknowledged;
  }
};

/**
 * A consent event recorded after the address's last opt-out (an admin's "Record consent"):
 * the one case where a push may ask an unsubscribed member to opt in again (invariant 1).
 * Both times must be known: a later re-confirmation elsewhere keeps its older consent time.
 */
export const consentRecordedAfterOptOut = (
  preference: Pick<PreferenceRow, 'status' | 'consentGivenAt' | 'consentWithdrawnAt'> | undefined
): boolean =>
  Boolean(
    preference &&
      // Not `pending`: an unconfirmed sign-up is not consent yet (anyone can submit an address).
      preference.status === 'subscribed' &&
      preference.consentGivenAt &&
      preference.consentWithdrawnAt &&
      new Date(preference.consentGivenAt).getTime() >
        new Date(preference.consentWithdrawnAt).getTime()
  );
