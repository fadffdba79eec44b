import type { Core, UID } from '@strapi/strapi';
import type { StoredProfile } from '../sync/profile-runtime';
import type { SchemaLike } from '../sync/sources';
import { stateStore, SUPPRESSED } from '../sync/state-store';
import type { SegmentCondition, SegmentMatch } from '../types/segments';
import { listSegmentAttributes } from './attributes';
import { compileSegment, type SegmentProblem, type StrapiFilters } from './compile';

const PAGE = 1000;

/** Remote statuses of a contact that is on the audience (a static segment only takes members). */
const ON_AUDIENCE = new Set(['subscribed', 'pending', 'transactional']);

export interface EligibleContact {
  documentId: string;
  /** The address in Strapi now. */
  email: string;
  /** The entry's own values of the requested extra fields (for preview labels). */
  entry: Record<string, unknown>;
}

export const schemasOf = (strapi: Core.Strapi) =>
  strapi.contentTypes as unknown as Record<string, SchemaLike>;

/** The segment's filters compiled against the source type as it is now. */
export const compileFor = (
  strapi: Core.Strapi,
  profile: Pick<StoredProfile, 'sourceUid'>,
  match: SegmentMatch,
  conditions: SegmentCondition[]
): { ok: true; filters: StrapiFilters } | { ok: false; problems: SegmentProblem[] } => {
  const schemas = schemasOf(strapi);
  const schema = schemas[profile.sourceUid];
  if (!schema)
    return {
      ok: false,
      problems: [
        {
          path: 'profileId',
          message: `The profile's content type ${profile.sourceUid} no longer exists.`,
        },
      ],
    };
  return compileSegment(
    match,
    conditions,
    listSegmentAttributes(schemas, profile.sourceUid),
    schema.info.displayName
  );
};

/** The profile's consent rule as a filter: who may be on any list of this profile at all. */
const consentFilter = (profile: StoredProfile): StrapiFilters | null => {
  const rule = profile.consentRule;
  if (rule.kind === 'none') return rule.acknowledged ? {} : null;
  if (!profile.consentField) return null;
  if (rule.kind === 'boolean') return { [profile.consentField]: { $eq: true } };
  return { [profile.consentField]: { $in: rule.values } };
};

/** Published versions unless the profile syncs drafts, as contact sync reads them. */
const statusOf = (strapi: Core.Strapi, profile: StoredProfile) =>
  schemasOf(strapi)[profile.sourceUid]?.options?.draftAndPublish
    ? profile.syncDrafts
      ? ('draft' as const)
      : ('published' as const)
    : undefined;

/**
 * The contacts a segment holds, in id order, page by page: entries matching its filters
 * (through the document service, so what the preview counts is what syncs), with an address,
 * consenting under the profile's rule, and not on the suppression list (unsubscribed, cleaned
 * or erased addresses are never members).
 */
export async function* eligibleContacts(
  strapi: Core.Strapi,
  profile: StoredProfile,
  filters: StrapiFilters,
  options: { documentIds?: string[]; fields?: string[] } = {}
): AsyncGenerator<EligibleContact[]> {
  const consent = consentFilter(profile);
  if (!consent) return;
  const documents = strapi.documents(profile.sourceUid as UID.ContentType);
  const base: StrapiFilters[] = [
    filters,
    consent,
    { [profile.emailField]: { $notNull: true } },
    ...(options.documentIds ? [{ documentId: { $in: options.documentIds } }] : []),
  ];
  const fields = [...new Set([profile.emailField, ...(options.fields ?? [])])];
  const status = statusOf(strapi, profile);
  let lastId = 0;
  for (;;) {
    const rows = (await documents.findMany({
      filters: { $and: [...base, { id: { $gt: lastId } }] },
      fields,
      sort: { id: 'asc' },
      limit: PAGE,
      ...(status ? { status } : {}),
    } as never)) as unknown as Array<Record<string, unknown> & { id: number; documentId: string }>;
    if (rows.length === 0) return;
    lastId = rows[rows.length - 1].id;
    const withEmail = rows.flatMap((row) => {
      const email = row[profile.emailField];
      return typeof email === 'string' && email.trim() !== ''
        ? [{ documentId: row.documentId, email: email.trim(), entry: row }]
        : [];
    });
    const preferences = await stateStore(strapi).preferences(withEmail.map((c) => c.email));
    yield withEmail.filter((c) => {
      const preference = preferences.get(c.email.toLowerCase());
      return !(preference && SUPPRESSED.has(preference.status));
    });
    if (rows.length < PAGE) return;
  }
}

/**
 * Of the eligible contacts, those the plugin knows are on the audience, with the address the
 * platform has for them. A segment never creates a contact: the rest are skipped and counted.
 */
export const onAudience = async (
  strapi: Core.Strapi,
  profileId: number,
  contacts: EligibleContact[]
): Promise<{ members: Map<string, string>; skipped: number }> => {
  const states = await stateStore(strapi).states(
    profileId,
    contacts.map((c) => c.documentId)
  );
  const members = new Map<string, string>();
  let skipped = 0;
  for (const contact of contacts) {
    const state = states.get(contact.documentId);
    if (state?.email && state.remoteStatus && ON_AUDIENCE.has(state.remoteStatus))
      members.set(contact.documentId, state.email.toLowerCase());
    else skipped++;
  }
  return { members, skipped };
};
