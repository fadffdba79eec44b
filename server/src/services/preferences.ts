import type { Core } from '@strapi/strapi';
import { parseEmail } from '../preferences/address';
import { lookupPreference } from '../preferences/lookup';
import { recordConsent } from '../preferences/record-consent';
import { searchPreferences } from '../preferences/search';
import { withdrawConsent } from '../preferences/withdraw';
import type { AuditActor } from '../types/audit';

/** The Preferences page: search, one address's record and history, record and withdraw consent. */
const preferences = ({ strapi }: { strapi: Core.Strapi }) => ({
  search(query: { q: string; page: number; pageSize: number }) {
    return searchPreferences(strapi, query);
  },

  lookup(email: unknown) {
    return lookupPreference(strapi, parseEmail(email));
  },

  /** Records consent, then answers with the address's lookup (record, platforms, history). */
  async recordConsent(
    input: { email: unknown; source: unknown; note?: unknown },
    actor: AuditActor
  ) {
    const result = await recordConsent(strapi, input, actor);
    return { ...result, lookup: await lookupPreference(strapi, parseEmail(input.email)) };
  },

  async withdrawConsent(input: { email: unknown; reason?: unknown }, actor: AuditActor) {
    const result = await withdrawConsent(strapi, input, actor);
    return { ...result, lookup: await lookupPreference(strapi, parseEmail(input.email)) };
  },
});

export default preferences;
