import { createHash } from 'crypto';
import type { Core } from '@strapi/strapi';

const STATE = 'plugin::email-marketing.contact-state';
const PREFERENCE = 'plugin::email-marketing.preference';

export interface ContactStateRow {
  id: number;
  profileId: number;
  sourceDocumentId: string;
  email: string | null;
  subscriberHash: string | null;
  remoteStatus: string | null;
  payloadHash: string | null;
  consent: boolean | null;
  appliedTags: string[] | null;
  welcomedAt: string | null;
  lastSyncedAt: string | null;
  lastError: string | null;
  lastErrorKind: string | null;
}

export type PreferenceStatus =
  | 'subscribed'
  | 'pending'
  | 'unsubscribed'
  | 'cleaned'
  | 'forgotten'
  | 'transactional';

export interface PreferenceRow {
  id: number;
  /** null on an erased address's tombstone: only its hash is kept (invariant 5). */
  email: string | null;
  emailHash: string | null;
  status: PreferenceStatus;
  consentGivenAt: string | null;
  consentWithdrawnAt: string | null;
  source: string | null;
  confirmationSentAt: string | null;
  confirmedAt: string | null;
}

/** Statuses that no background job may ever turn back into subscribed (invariant 2). */
export const SUPPRESSED: ReadonlySet<string> = new Set(['unsubscribed', 'cleaned', 'forgotten']);

/** SHA-256 of the normalised address: how an erased address is still recognised. */
export const emailHash = (email: string) =>
  createHash('sha256').update(email.trim().toLowerCase()).digest('hex');

const IN_CHUNK = 500;

const chunks = <T>(items: T[]) =>
  Array.from({ length: Math.ceil(items.length / IN_CHUNK) }, (_, i) =>
    items.slice(i * IN_CHUNK, (i + 1) * IN_CHUNK)
  );

/** Contact states and the preference (suppression) list, read and written in bulk. */
export const stateStore = (strapi: Core.Strapi) => ({
  async states(profileId: number, documentIds: string[]): Promise<Map<string, ContactStateRow>> {
    const out = new Map<string, ContactStateRow>();
    for (const ids of chunks(documentIds)) {
      const rows = (await strapi.db
        .query(STATE)
        .findMany({ where: { profileId, sourceDocumentId: { $in: ids } } })) as ContactStateRow[];
      for (const row of rows) out.set(row.sourceDocumentId, row);
    }
    return out;
  },

  async saveState(
    profileId: number,
    documentId: string,
    existing: ContactStateRow | undefined,
    data: Partial<ContactStateRow>
  ) {
    if (existing) await strapi.db.query(STATE).update({ where: { id: existing.id }, data });
    else
      await strapi.db
        .query(STATE)
        .create({ data: { profileId, sourceDocumentId: documentId, ...data } });
  },

  async deleteState(id: number) {
    await strapi.db.query(STATE).delete({ where: { id } });
  },

  async allStateDocumentIds(
    profileId: number
  ): Promise<Array<{ id: number; sourceDocumentId: string }>> {
    return strapi.db
      .connection('email_marketing_contact_states')
      .select('id', 'source_document_id as sourceDocumentId')
      .where('profile_id', profileId);
  },

  /**
   * Preferences by lower-cased address. Matched by address or by hash, so an erased address
   * (a tombstone holding only its hash) is still found and still suppressed.
   */
  async preferences(emails: string[]): Promise<Map<string, PreferenceRow>> {
    const out = new Map<string, PreferenceRow>();
    const lower = [...new Set(emails.map((e) => e.trim().toLowerCase()))];
    for (const list of chunks(lower)) {
      const byHash = new Map(list.map((email) => [emailHash(email), email]));
      const rows = (await strapi.db.query(PREFERENCE).findMany({
        where: { $or: [{ email: { $in: list } }, { emailHash: { $in: [...byHash.keys()] } }] },
      })) as PreferenceRow[];
      for (const row of rows) {
        const email = row.email ?? (row.emailHash ? byHash.get(row.emailHash) : undefined);
        // A tombstone wins over any row that still names the address.
        if (email && (!out.has(email) || row.status === 'forgotten')) out.set(email, row);
      }
    }
    return out;
  },

  async preference(email: string): Promise<PreferenceRow | null> {
    return (await this.preferences([email])).get(email.trim().toLowerCase()) ?? null;
  },

  /**
   * Records a status for an address; returns the previous status when it changed. An erased
   * address stays erased: nothing but another erasure touches its tombstone.
   */
  async setPreference(
    email: string,
    status: PreferenceStatus,
    extra: Partial<PreferenceRow> & { source: string }
  ) {
    const key = email.trim().toLowerCase();
    const hash = emailHash(key);
    const existing = await this.preference(key);
    if (existing) {
      if (existing.status === status) return null;
      if (existing.status === 'forgotten') return null;
      await strapi.db.query(PREFERENCE).update({
        where: { id: existing.id },
        data: { status, emailHash: hash, ...extra },
      });
      return { from: existing.status as string | null };
    }
    await strapi.db
      .query(PREFERENCE)
      .create({ data: { email: key, emailHash: hash, status, ...extra } });
    return { from: null };
  },
});

interface AuditRow {
  at: Date;
  actorType: 'system';
  actorName: string;
  action: string;
  subjectType: string;
  subjectId: string;
  email: string | null;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
}

const CREATE_CHUNK = 250;

/**
 * The writes of one sync page, buffered and committed together: new rows with createMany, so
 * a page of 1,000 new contacts costs a handful of statements instead of four thousand.
 */
export const writeBatch = (strapi: Core.Strapi, preferences: Map<string, PreferenceRow>) => {
  const stateCreates: Array<Record<string, unknown>> = [];
  const stateUpdates: Array<{ id: number; data: Partial<ContactStateRow> }> = [];
  const prefCreates = new Map<string, Record<string, unknown>>();
  const prefUpdates: Array<{ id: number; data: Record<string, unknown> }> = [];
  const audits: AuditRow[] = [];
  const known = new Map(preferences);

  return {
    saveState(
      profileId: number,
      documentId: string,
      existing: ContactStateRow | undefined,
      data: Partial<ContactStateRow>
    ) {
      if (existing) stateUpdates.push({ id: existing.id, data });
      else stateCreates.push({ profileId, sourceDocumentId: documentId, ...data });
    },
    /** Returns the previous status when it changes (null when it was already that). */
    setPreference(
      email: string,
      status: PreferenceStatus,
      extra: Partial<PreferenceRow> & { source: string }
    ) {
      const key = email.toLowerCase();
      const existing = known.get(key);
      if (existing?.status === status) return null;
      if (existing && existing.id > 0)
        prefUpdates.push({ id: existing.id, data: { status, ...extra } });
      else prefCreates.set(key, { email: key, status, ...extra });
      known.set(key, {
        ...(existing ?? {
          id: 0,
          email: key,
          consentGivenAt: null,
          consentWithdrawnAt: null,
          confirmationSentAt: null,
        }),
        status,
        source: extra.source,
      } as PreferenceRow);
      return { from: (existing?.status ?? null) as string | null };
    },
    record(event: Omit<AuditRow, 'at' | 'actorType' | 'actorName'>) {
      audits.push({ at: new Date(), actorType: 'system', actorName: 'contact sync', ...event });
    },
    async commit() {
      const createMany = async (uid: string, rows: Array<Record<string, unknown>>) => {
        for (let i = 0; i < rows.length; i += CREATE_CHUNK)
          await strapi.db.query(uid as never).createMany({ data: rows.slice(i, i + CREATE_CHUNK) });
      };
      await createMany(STATE, stateCreates);
      for (const update of stateUpdates)
        await strapi.db.query(STATE).update({ where: { id: update.id }, data: update.data });
      await createMany(PREFERENCE, [...prefCreates.values()]);
      for (const update of prefUpdates)
        await strapi.db.query(PREFERENCE).update({ where: { id: update.id }, data: update.data });
      await createMany(
        'plugin::email-marketing.audit-event',
        audits as unknown as Array<Record<string, unknown>>
      );
    },
  };
};
