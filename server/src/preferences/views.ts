import type { PreferenceRow } from '../sync/state-store';
import type { PreferenceView } from '../types/preferences';

const iso = (value: unknown): string | null =>
  value === null || value === undefined ? null : new Date(value as string).toISOString();

/** A preference row as the admin sees it; a tombstone shows no address. */
export const toPreferenceView = (row: PreferenceRow & { updatedAt?: unknown }): PreferenceView => ({
  id: row.id,
  email: row.status === 'forgotten' ? null : row.email,
  erased: row.status === 'forgotten',
  status: row.status,
  consentGivenAt: iso(row.consentGivenAt),
  consentWithdrawnAt: iso(row.consentWithdrawnAt),
  source: row.source,
  confirmationSentAt: iso(row.confirmationSentAt),
  confirmedAt: iso(row.confirmedAt),
  updatedAt: iso(row.updatedAt),
});
