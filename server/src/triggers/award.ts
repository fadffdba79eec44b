import type { Core } from '@strapi/strapi';
import type { Knex } from 'knex';
import { randomBytes } from 'crypto';
import type { PointLimit } from '../types/triggers';
import { windowStart, withinLimit } from './limits';
import { POINT_EVENTS_TABLE, STATE_UID, STATES_TABLE } from './rows';

export interface Award {
  ruleId: number | null;
  limit: PointLimit | null;
  profileId: number;
  documentId: string;
  delta: number;
  cause: string;
  /** Names (rule, source event, contact): a retried job finds it taken and awards nothing. */
  key: string;
  /** When the event happened: the limit window is counted back from it. */
  at: Date;
}

export type AwardOutcome = 'awarded' | 'duplicate' | 'limited';

/** Awards written per transaction: short enough not to hold SQLite's one connection long. */
const CHUNK = 250;
/** Rows per INSERT / ids per IN list (well under SQLite's bound-variable limit). */
const ROWS = 80;

const slices = <T>(items: T[], size: number) =>
  Array.from({ length: Math.ceil(items.length / size) }, (_, i) =>
    items.slice(i * size, (i + 1) * size)
  );

/** Thrown when another worker wrote one of our keys between our check and our insert. */
class AwardRace extends Error {}

const documentIdOf = () => {
  const alphabet = 'abcdefghijklmnopqrstuvwxyz0123456789';
  return Array.from(randomBytes(24), (byte) => alphabet[byte % alphabet.length]).join('');
};

const contactKey = (profileId: number, documentId: string) => `${profileId}:${documentId}`;

/**
 * Many awards, in order, a chunk per transaction: each award's history row and the contact's
 * total change together or not at all. Within a chunk: the contacts' state rows are locked
 * first (Postgres; SQLite has one writer), then the taken keys and the limit counts are read
 * in a few set queries, the history rows go in with one INSERT … ON CONFLICT DO NOTHING per
 * slice, and the totals move by one UPDATE … SET points = points + CASE … per slice. A key is unique in the table, so a
 * retried job (or a second worker) never counts an event twice: a key taken under us rolls
 * the chunk back and it is tried again, where that key then reads as a duplicate.
 */
export const applyAwardBatch = async (
  strapi: Core.Strapi,
  awards: Award[]
): Promise<AwardOutcome[]> => {
  const outcomes: AwardOutcome[] = [];
  for (const chunk of slices(awards, CHUNK)) {
    for (let attempt = 1; ; attempt++) {
      try {
        outcomes.push(
          ...(await strapi.db.transaction(({ trx }) =>
            applyChunk(strapi, trx as Knex.Transaction, chunk)
          ))
        );
        break;
      } catch (error) {
        if (!(error instanceof AwardRace) || attempt >= 3) throw error;
      }
    }
  }
  return outcomes;
};

interface StateRow {
  id: number;
  profileId: number;
  documentId: string;
  points: number | null;
}

const applyChunk = async (
  strapi: Core.Strapi,
  trx: Knex.Transaction,
  awards: Award[]
): Promise<AwardOutcome[]> => {
  const postgres = strapi.db.dialect.client === 'postgres';
  const time = (date: Date) => (postgres ? date : date.getTime());
  const byProfile = new Map<number, Set<string>>();
  for (const a of awards)
    byProfile.set(a.profileId, (byProfile.get(a.profileId) ?? new Set()).add(a.documentId));

  const readStates = async (profileId: number, documentIds: string[]) => {
    const rows: StateRow[] = [];
    for (const ids of slices(documentIds, ROWS)) {
      const query = trx(STATES_TABLE)
        .select('id', 'profile_id as profileId', 'source_document_id as documentId', 'points')
        .where('profile_id', profileId)
        .whereIn('source_document_id', ids)
        .orderBy('id');
      // Row locks in id order: a concurrent chunk on the same contacts waits, never deadlocks.
      rows.push(...((await (postgres ? query.forUpdate() : query)) as StateRow[]));
    }
    return rows;
  };
  const states = new Map<string, StateRow>();
  for (const [profileId, ids] of byProfile) {
    const found = await readStates(profileId, [...ids]);
    const missing = new Set(ids);
    for (const row of found) missing.delete(row.documentId);
    if (missing.size > 0) {
      // Points may come before the first push (e.g. a contact without consent still earns).
      await strapi.db.query(STATE_UID).createMany({
        data: [...missing].map((documentId) => ({ profileId, sourceDocumentId: documentId })),
      });
      found.push(...(await readStates(profileId, [...missing])));
    }
    // The first row wins if a contact has two (it is the one the total is read from).
    for (const row of found)
      if (!states.has(contactKey(profileId, row.documentId)))
        states.set(contactKey(profileId, row.documentId), row);
  }

  const taken = new Set<string>();
  for (const keys of slices([...new Set(awards.map((a) => a.key))], ROWS))
    for (const row of (await trx(POINT_EVENTS_TABLE)
      .select('idempotency_key as key')
      .whereIn('idempotency_key', keys)) as Array<{ key: string }>)
      taken.add(row.key);

  // Awards already earned in each limit window: one grouped count per (rule, window).
  const earned = new Map<string, number>();
  const windows = new Map<string, { ruleId: number; start: Date | null; ids: Set<string> }>();
  for (const a of awards) {
    if (!a.limit || a.ruleId === null) continue;
    const start = windowStart(a.limit.per, a.at);
    const id = `${a.ruleId}|${a.profileId}|${start?.getTime() ?? 'ever'}`;
    let w = windows.get(id);
    if (!w) windows.set(id, (w = { ruleId: a.ruleId, start, ids: new Set<string>() }));
    w.ids.add(a.documentId);
  }
  for (const [id, w] of windows) {
    const profileId = Number(id.split('|')[1]);
    for (const ids of slices([...w.ids], ROWS)) {
      const rows = (await trx(POINT_EVENTS_TABLE)
        .select('contact_document_id as documentId')
        .count({ n: '*' })
        .where({ rule_id: w.ruleId, profile_id: profileId })
        .whereIn('contact_document_id', ids)
        .modify((q) => (w.start ? q.where('at', '>=', time(w.start)) : q))
        .groupBy('contact_document_id')) as Array<{ documentId: string; n: number | string }>;
      for (const row of rows) earned.set(`${id}|${row.documentId}`, Number(row.n));
    }
  }

  const outcomes: AwardOutcome[] = [];
  const rows: Array<Record<string, unknown>> = [];
  const added = new Map<StateRow, number>();
  const now = time(new Date());
  for (const a of awards) {
    if (taken.has(a.key)) {
      outcomes.push('duplicate');
      continue;
    }
    let windowId: string | null = null;
    if (a.limit && a.ruleId !== null) {
      const start = windowStart(a.limit.per, a.at);
      windowId = `${a.ruleId}|${a.profileId}|${start?.getTime() ?? 'ever'}|${a.documentId}`;
      if (!withinLimit(a.limit, earned.get(windowId) ?? 0)) {
        outcomes.push('limited');
        continue;
      }
    }
    // Awards later in the chunk see this one: in the limit count, the key and the total.
    if (windowId) earned.set(windowId, (earned.get(windowId) ?? 0) + 1);
    taken.add(a.key);
    const state = states.get(contactKey(a.profileId, a.documentId))!;
    const sum = (added.get(state) ?? 0) + a.delta;
    added.set(state, sum);
    rows.push({
      document_id: documentIdOf(),
      profile_id: a.profileId,
      contact_document_id: a.documentId,
      rule_id: a.ruleId,
      delta: a.delta,
      total: Number(state.points ?? 0) + sum,
      cause: a.cause.slice(0, 255),
      at: time(a.at),
      idempotency_key: a.key,
      created_at: now,
      updated_at: now,
      published_at: now,
    });
    outcomes.push('awarded');
  }

  for (const slice of slices(rows, ROWS)) {
    const inserted = (await trx(POINT_EVENTS_TABLE)
      .insert(slice)
      .onConflict('idempotency_key')
      .ignore()
      .returning('id')) as unknown[];
    // A key written by another worker since we read: redo the chunk (it is a duplicate then).
    if (inserted.length !== slice.length) throw new AwardRace('point event key taken meanwhile');
  }
  // Each contact's total moves by its sum: one UPDATE … points + CASE id … per slice.
  for (const slice of slices([...added], ROWS)) {
    const cases = slice.map(() => 'WHEN ? THEN CAST(? AS INTEGER)').join(' ');
    await trx(STATES_TABLE)
      .whereIn(
        'id',
        slice.map(([state]) => state.id)
      )
      .update({
        points: trx.raw(
          `COALESCE(points, 0) + (CASE id ${cases} ELSE 0 END)`,
          slice.flatMap(([state, sum]) => [state.id, sum])
        ),
      });
  }
  return outcomes;
};
