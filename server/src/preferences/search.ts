import type { Core } from '@strapi/strapi';
import { emailHash, type PreferenceRow } from '../sync/state-store';
import type { PreferenceSearch } from '../types/preferences';
import { toPreferenceView } from './views';

const PREFERENCE = 'plugin::email-marketing.preference';

/**
 * Preferences whose address contains `q`, newest change first. A tombstone has no address to
 * match: it is found by the full address (its hash), and listed when there is no query.
 */
export const searchPreferences = async (
  strapi: Core.Strapi,
  { q, page, pageSize }: { q: string; page: number; pageSize: number }
): Promise<PreferenceSearch> => {
  const term = q.trim().toLowerCase();
  const where = term
    ? { $or: [{ email: { $containsi: term } }, { emailHash: emailHash(term) }] }
    : {};
  const [rows, total] = await Promise.all([
    strapi.db.query(PREFERENCE).findMany({
      where,
      orderBy: [{ updatedAt: 'desc' }, { id: 'desc' }],
      limit: pageSize,
      offset: (page - 1) * pageSize,
    }) as Promise<PreferenceRow[]>,
    strapi.db.query(PREFERENCE).count({ where }),
  ]);
  return { results: rows.map(toPreferenceView), total: Number(total), page, pageSize };
};
