import type { Core } from '@strapi/strapi';
import { serverUrl } from '../services/platform-settings';
import type { CampaignEntryRef, EntryOption, EntrySource } from '../types/campaigns';
import type { DigestEntry } from './digest';
import type { CampaignProblem } from './input';
import { listEntrySources, toDigestEntry, type EntrySchema } from './entry-sources';

export const ENTRIES_PAGE_SIZE = 20;

const schemasOf = (strapi: Core.Strapi) =>
  strapi.contentTypes as unknown as Record<string, EntrySchema>;

/** Images from the Strapi public URL; slugs link under the same URL (see README, Campaigns). */
const urlsOf = (strapi: Core.Strapi) => {
  const publicUrl = serverUrl(strapi);
  return { publicUrl, siteUrl: publicUrl };
};

type Documents = {
  findMany(params: Record<string, unknown>): Promise<Array<Record<string, unknown>>>;
  count(params: Record<string, unknown>): Promise<number>;
};

/** Entries of collection types, read through the document service, as digest items. */
export const campaignEntries = (strapi: Core.Strapi) => {
  const sources = () => listEntrySources(schemasOf(strapi));
  const documents = (uid: string) => strapi.documents(uid as never) as unknown as Documents;
  const sourceOf = (uid: string): { source: EntrySource; schema: EntrySchema } | null => {
    const source = sources().find((s) => s.uid === uid);
    return source ? { source, schema: schemasOf(strapi)[uid] } : null;
  };
  const baseParams = (source: EntrySource, schema: EntrySchema) => ({
    ...(source.imageField ? { populate: [source.imageField] } : {}),
    // Only what is published goes into an email.
    ...(schema.options?.draftAndPublish ? { status: 'published' } : {}),
  });

  return {
    sources,
    sourceOf,

    /** A page of entries of `uid` whose title contains `q`. */
    async list(
      uid: string,
      q: string,
      page: number
    ): Promise<{ data: EntryOption[]; total: number }> {
      const found = sourceOf(uid);
      if (!found) return { data: [], total: -1 };
      const { source, schema } = found;
      const filters = q ? { [source.titleField!]: { $containsi: q } } : {};
      const params = { ...baseParams(source, schema), filters };
      const [items, total] = await Promise.all([
        documents(uid).findMany({
          ...params,
          sort: [{ updatedAt: 'desc' }, { id: 'desc' }],
          limit: ENTRIES_PAGE_SIZE,
          start: (page - 1) * ENTRIES_PAGE_SIZE,
        }),
        documents(uid).count({
          filters,
          ...(schema.options?.draftAndPublish ? { status: 'published' } : {}),
        }),
      ]);
      return {
        data: items.map((item) => toDigestEntry(source, schema, item, urlsOf(strapi))),
        total,
      };
    },

    /** The picked entries in the picked order; each one that is gone is a problem. */
    async load(
      refs: CampaignEntryRef[]
    ): Promise<{ entries: DigestEntry[]; problems: CampaignProblem[] }> {
      const problems: CampaignProblem[] = [];
      const byKey = new Map<string, DigestEntry>();
      for (const uid of new Set(refs.map((r) => r.uid))) {
        const found = sourceOf(uid);
        if (!found) {
          problems.push({
            path: 'entries',
            message: `${uid} is not a collection type with a title field, so its entries cannot be used.`,
          });
          continue;
        }
        const ids = refs.filter((r) => r.uid === uid).map((r) => r.documentId);
        const items = await documents(uid).findMany({
          ...baseParams(found.source, found.schema),
          filters: { documentId: { $in: ids } },
        });
        for (const item of items)
          byKey.set(
            `${uid}:${String(item.documentId)}`,
            toDigestEntry(found.source, found.schema, item, urlsOf(strapi))
          );
        for (const id of ids)
          if (!byKey.has(`${uid}:${id}`))
            problems.push({
              path: 'entries',
              message: `The ${found.schema.info.displayName} entry ${id} was not found (deleted or unpublished?); remove it from the campaign.`,
            });
      }
      const entries = refs
        .map((r) => byKey.get(`${r.uid}:${r.documentId}`))
        .filter((e): e is DigestEntry => Boolean(e));
      return { entries, problems };
    },
  };
};
