import type { Core, UID } from '@strapi/strapi';
import { resolvedProfiles } from '../consent/used-audiences';
import type { ConsentRule } from '../types/sync';

export interface EntryRef {
  profileId: number;
  documentId: string;
}

/** The value that grants consent under a rule, or undefined when there is no field to write. */
const consentingValue = (rule: ConsentRule): boolean | string | undefined => {
  if (rule.kind === 'boolean') return true;
  if (rule.kind === 'enumeration') return rule.values[0];
  return undefined;
};

/**
 * Every entry with this address in an enabled profile, with its mapped consent field set to a
 * consenting value. Written with the query engine (no document middleware, so no push of its
 * own): the caller enqueues one push per entry, in the same transaction.
 */
export const grantConsentOnEntries = async (
  strapi: Core.Strapi,
  email: string
): Promise<EntryRef[]> => {
  const refs: EntryRef[] = [];
  for (const { profile } of await resolvedProfiles(strapi)) {
    if (!profile.enabled) continue;
    const query = strapi.db.query(profile.sourceUid as UID.Schema);
    const rows = (await query.findMany({
      where: { [profile.emailField]: { $eqi: email } },
      select: ['documentId'],
    })) as Array<{ documentId: string }>;
    const documentIds = [...new Set(rows.map((row) => row.documentId))];
    if (documentIds.length === 0) continue;
    const value = consentingValue(profile.consentRule);
    if (profile.consentField && value !== undefined)
      await query.updateMany({
        where: { documentId: { $in: documentIds } },
        data: { [profile.consentField]: value },
      });
    for (const documentId of documentIds) refs.push({ profileId: profile.id, documentId });
  }
  return refs;
};
