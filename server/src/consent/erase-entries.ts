import type { Core, UID } from '@strapi/strapi';
import type { StoredProfile } from '../sync/profile-runtime';
import type { AttributeLike } from '../sync/flow-back';

type Row = { id: number; documentId: string };

export interface EntryErasure {
  profileId: number;
  sourceUid: string;
  action: 'anonymised' | 'deleted';
  documentIds: string[];
}

/** What an anonymised attribute becomes: empty, or for a required one a placeholder. */
const blank = (spec: AttributeLike, hash: string, isEmail: boolean): unknown => {
  // The email attribute keeps a unique, undeliverable address (`.invalid` is reserved, RFC 2606)
  // so a required or unique email field stays valid; it never matches the erased address.
  if (isEmail) return spec.required ? `erased-${hash.slice(0, 16)}@erased.invalid` : null;
  if (!spec.required) return null;
  if (['string', 'text', 'richtext'].includes(spec.type)) return '[erased]';
  return undefined; // a required non-text attribute keeps its value (documented)
};

/**
 * Erasure's effect on the Strapi entries that hold the address, per profile `onErase`: keep
 * (default), anonymise (the email attribute, the mapped merge-field attributes and the consent
 * field are blanked) or delete. Query engine only: no document-service middleware, no push.
 */
export const eraseEntries = async (
  strapi: Core.Strapi,
  profiles: StoredProfile[],
  email: string,
  hash: string
): Promise<EntryErasure[]> => {
  const out: EntryErasure[] = [];
  for (const profile of profiles) {
    if (profile.onErase === 'keep') continue;
    const uid = profile.sourceUid as UID.Schema;
    const attributes = (strapi.contentTypes[uid as UID.ContentType]?.attributes ?? {}) as Record<
      string,
      AttributeLike
    >;
    if (!attributes[profile.emailField]) continue;
    const rows = (await strapi.db.query(uid).findMany({
      where: { [profile.emailField]: { $eqi: email } },
      select: ['id', 'documentId'],
    })) as Row[];
    if (rows.length === 0) continue;
    const documentIds = [...new Set(rows.map((r) => r.documentId))];
    if (profile.onErase === 'delete') {
      // One by one: `delete` also removes the entry's relation rows, `deleteMany` would not.
      for (const row of rows) await strapi.db.query(uid).delete({ where: { id: row.id } });
    } else {
      const data: Record<string, unknown> = {};
      const names = [
        profile.emailField,
        ...profile.mergeFields.map((m) => m.attribute),
        ...(profile.consentField ? [profile.consentField] : []),
      ];
      for (const name of names) {
        const spec = attributes[name];
        if (!spec || spec.type === 'relation') continue;
        const value =
          name === profile.consentField && spec.type === 'boolean'
            ? false
            : blank(spec, hash, name === profile.emailField);
        if (value !== undefined) data[name] = value;
      }
      await strapi.db.query(uid).updateMany({ where: { documentId: { $in: documentIds } }, data });
    }
    out.push({
      profileId: profile.id,
      sourceUid: profile.sourceUid,
      action: profile.onErase === 'delete' ? 'deleted' : 'anonymised',
      documentIds,
    });
  }
  return out;
};
