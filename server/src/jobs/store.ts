import type { Core } from '@strapi/strapi';
import type { Knex } from 'knex';
import { randomBytes } from 'crypto';
import type { JobStatus } from '../types/jobs';
import { createIndexes } from '../utils/create-indexes';
import { isUniqueViolation } from '../utils/unique-violation';
import type { StoredError } from './outcome';

/** The job table (see content-types/job/schema.json); the hot path speaks SQL to it directly. */
export const JOBS_TABLE = 'email_marketing_jobs';

export type Dialect = 'postgres' | 'sqlite' | 'mysql';

/** A job row, with dates and JSON decoded whatever the database. */
export interface JobRecord {
  id: number;
  documentId: string;
  type: string;
  payload: unknown;
  dedupeKey: string | null;
  uniqueKey: string | null;
  status: JobStatus;
  attempts: number;
  maxAttempts: number | null;
  runAt: Date | null;
  priority: number;
  leaseOwner: string | null;
  leaseExpiresAt: Date | null;
  progressDone: number | null;
  progressTotal: number | null;
  cursor: unknown;
  result: unknown;
  lastError: StoredError | null;
  startedAt: Date | null;
  finishedAt: Date | null;
  createdAt: Date | null;
  updatedAt: Date | null;
}

export interface NewJob {
  type: string;
  payload: unknown;
  dedupeKey?: string;
  uniqueKey?: string;
  runAt: Date;
  priority: number;
  maxAttempts?: number;
}

export interface InsertResult {
  id: number;
  documentId: string;
  /** merged into a queued job with the same dedupe key, or the unique key already existed */
  coalesced: boolean;
}

export interface ListFilters {
  status?: JobStatus[];
  type?: string;
  limit: number;
  offset: number;
}

export class JobConflictError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'JobConflictError';
  }
}

type Row = Record<string, unknown>;

/** A Strapi-style documentId (24 lower-case alphanumerics) for rows inserted without Strapi. */
const newDocumentId = (): string => {
  const alphabet = 'abcdefghijklmnopqrstuvwxyz0123456789';
  return Array.from(randomBytes(24), (byte) => alphabet[byte % alphabet.length]).join('');
};

const toDate = (value: unknown): Date | null => {
  if (value === null || value === undefined) return null;
  if (value instanceof Date) return value;
  if (typeof value === 'number') return new Date(value);
  if (typeof value === 'string') return new Date(/^\d+$/.test(value) ? Number(value) : value);
  return null;
};

const fromJson = (value: unknown): unknown => {
  if (typeof value !== 'string') return value ?? null;
  try {
    return JSON.parse(value);
  } catch {
    return value;
  }
};

const toNumber = (value: unknown): number | null =>
  value === null || value === undefined ? null : Number(value);

const toRecord = (row: Row): JobRecord => ({
  id: Number(row.id),
  documentId: String(row.document_id),
  type: String(row.type),
  payload: fromJson(row.payload),
  dedupeKey: (row.dedupe_key as string | null) ?? null,
  uniqueKey: (row.unique_key as string | null) ?? null,
  status: row.status as JobStatus,
  attempts: Number(row.attempts ?? 0),
  maxAttempts: toNumber(row.max_attempts),
  runAt: toDate(row.run_at),
  priority: Number(row.priority ?? 0),
  leaseOwner: (row.lease_owner as string | null) ?? null,
  leaseExpiresAt: toDate(row.lease_expires_at),
  progressDone: toNumber(row.progress_done),
  progressTotal: toNumber(row.progress_total),
  cursor: fromJson(row.cursor),
  result: fromJson(row.result),
  lastError: fromJson(row.last_error) as StoredError | null,
  startedAt: toDate(row.started_at),
  finishedAt: toDate(row.finished_at),
  createdAt: toDate(row.created_at),
  updatedAt: toDate(row.updated_at),
});

const json = (value: unknown): string | null =>
  value === undefined || value === null ? null : JSON.stringify(value);

const FINISHED: JobStatus[] = ['done', 'failed', 'dead', 'cancelled'];

/**
 * Every statement the engine runs. Kept in one place so that the portable subset of SQL it
 * relies on is visible: partial unique indexes, INSERT … ON CONFLICT, UPDATE … RETURNING
 * (SQLite ≥ 3.35 and Postgres; MySQL would need its own claim and is not supported yet), and
 * Postgres' FOR UPDATE SKIP LOCKED.
 */
export class JobStore {
  readonly dialect: Dialect;

  constructor(private readonly strapi: Core.Strapi) {
    this.dialect = strapi.db.dialect.client as Dialect;
  }

  private get knex(): Knex {
    return this.strapi.db.connection;
  }

  /** Dates are bound as epoch milliseconds in SQLite (how Strapi stores them) and as-is elsewhere. */
  private time(date: Date): Date | number {
    return this.dialect === 'sqlite' ? date.getTime() : date;
  }

  private rows(result: unknown): Row[] {
    if (Array.isArray(result)) return result as Row[];
    return ((result as { rows?: Row[] }).rows ?? []) as Row[];
  }

  /**
   * Indexes the claim, the coalescing and the Activity page need. Strapi 5 content types
   * cannot declare them, and Strapi's schema sync only drops indexes it created itself, so
   * they are created here, idempotently, on every boot.
   */
  async ensureIndexes(): Promise<void> {
    if (this.dialect !== 'postgres' && this.dialect !== 'sqlite')
      throw new Error(
        `email-marketing: the job engine runs on PostgreSQL and SQLite; ${this.dialect} is not supported yet (its claim needs UPDATE … RETURNING and partial unique indexes)`
      );
    const statements = [
      // Coalescing: at most one *queued* job per dedupe key; running/done ones do not block.
      `CREATE UNIQUE INDEX IF NOT EXISTS ${JOBS_TABLE}_dedupe_queued_uq ON ${JOBS_TABLE} (dedupe_key) WHERE status = 'queued'`,
      // Cron slots and other once-ever jobs: one row per key, whatever its status.
      `CREATE UNIQUE INDEX IF NOT EXISTS ${JOBS_TABLE}_unique_key_uq ON ${JOBS_TABLE} (unique_key)`,
      // The claim's queued subquery walks this in order: no sort, however long the queue.
      `CREATE INDEX IF NOT EXISTS ${JOBS_TABLE}_queue_idx ON ${JOBS_TABLE} (status, priority DESC, run_at, id)`,
      `CREATE INDEX IF NOT EXISTS ${JOBS_TABLE}_lease_idx ON ${JOBS_TABLE} (status, lease_expires_at)`,
      `CREATE INDEX IF NOT EXISTS ${JOBS_TABLE}_type_idx ON ${JOBS_TABLE} (type, status)`,
      `CREATE INDEX IF NOT EXISTS ${JOBS_TABLE}_finished_idx ON ${JOBS_TABLE} (status, finished_at)`,
    ];
    await createIndexes(this.knex, statements);
  }

  /** Inserts a job, coalescing on the dedupe key, through `conn` (the caller's transaction). */
  async insert(job: NewJob, conn: Knex = this.knex, now = new Date()): Promise<InsertResult> {
    const documentId = newDocumentId();
    const values = [
      documentId,
      job.type,
      json(job.payload),
      job.dedupeKey ?? null,
      job.uniqueKey ?? null,
      'queued',
      0,
      job.maxAttempts ?? null,
      this.time(job.runAt),
      job.priority,
      this.time(now),
      this.time(now),
      this.time(now),
    ];
    const insert = `INSERT INTO ${JOBS_TABLE} (document_id, type, payload, dedupe_key, unique_key, status, attempts, max_attempts, run_at, priority, created_at, updated_at, published_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`;
    const earliest = this.dialect === 'sqlite' ? 'min' : 'least';
    const greatest = this.dialect === 'sqlite' ? 'max' : 'greatest';
    let sql: string;
    if (job.uniqueKey) {
      sql = `${insert} ON CONFLICT (unique_key) DO NOTHING RETURNING id, document_id`;
    } else if (job.dedupeKey) {
      // The latest payload wins; a debounce keeps the earliest runAt, a retry keeps its backoff.
      sql = `${insert} ON CONFLICT (dedupe_key) WHERE status = 'queued' DO UPDATE SET
        payload = excluded.payload,
        priority = ${greatest}(${JOBS_TABLE}.priority, excluded.priority),
        max_attempts = excluded.max_attempts,
        run_at = CASE WHEN ${JOBS_TABLE}.attempts > 0 THEN ${JOBS_TABLE}.run_at
                      ELSE ${earliest}(${JOBS_TABLE}.run_at, excluded.run_at) END,
        updated_at = excluded.updated_at
        RETURNING id, document_id`;
    } else {
      sql = `${insert} RETURNING id, document_id`;
    }
    const [row] = this.rows(await conn.raw(sql, values));
    if (!row) {
      const existing = (await conn(JOBS_TABLE)
        .select('id', 'document_id')
        .where('unique_key', job.uniqueKey ?? '')
        .first()) as Row | undefined;
      if (!existing) throw new Error(`job with unique key ${job.uniqueKey} vanished`);
      return { id: Number(existing.id), documentId: String(existing.document_id), coalesced: true };
    }
    return {
      id: Number(row.id),
      documentId: String(row.document_id),
      coalesced: row.document_id !== documentId,
    };
  }

  /**
   * Claims the next due job in one statement: a running job whose lease expired (its process
   * died) first, else the queued job due soonest by priority. Each candidate comes from its own
   * index-ordered subquery (an OR across both would sort every queued row on every claim).
   * Postgres skips rows other workers are locking; SQLite has a single writer, so the UPDATE is
   * atomic by construction.
   */
  async claim(
    owner: string,
    leaseMs: number,
    types: string[],
    now = new Date()
  ): Promise<JobRecord | null> {
    if (types.length === 0) return null;
    const typeList = types.map(() => '?').join(', ');
    const lock = this.dialect === 'postgres' ? 'FOR UPDATE SKIP LOCKED' : '';
    const sql = `UPDATE ${JOBS_TABLE}
      SET status = 'running', lease_owner = ?, lease_expires_at = ?, attempts = attempts + 1,
          started_at = ?, updated_at = ?
      WHERE id = COALESCE(
        (SELECT id FROM ${JOBS_TABLE}
          WHERE status = 'running' AND lease_expires_at < ? AND type IN (${typeList})
          ORDER BY lease_expires_at ASC
          LIMIT 1 ${lock}),
        (SELECT id FROM ${JOBS_TABLE}
          WHERE status = 'queued' AND run_at <= ? AND type IN (${typeList})
          ORDER BY priority DESC, run_at ASC, id ASC
          LIMIT 1 ${lock}))
      RETURNING *`;
    const t = this.time(now);
    const lease = this.time(new Date(now.getTime() + leaseMs));
    const bindings = [owner, lease, t, t, t, ...types, t, ...types];
    const [row] = this.rows(await this.knex.raw(sql, bindings));
    return row ? toRecord(row) : null;
  }

  /**
   * Claims up to `limit` more queued, due jobs of one type for `owner` (a batch handler's
   * companions of a job just claimed), in queue order, in one statement.
   */
  async claimMore(
    owner: string,
    leaseMs: number,
    type: string,
    limit: number,
    now = new Date()
  ): Promise<JobRecord[]> {
    if (limit < 1) return [];
    const lock = this.dialect === 'postgres' ? 'FOR UPDATE SKIP LOCKED' : '';
    const sql = `UPDATE ${JOBS_TABLE}
      SET status = 'running', lease_owner = ?, lease_expires_at = ?, attempts = attempts + 1,
          started_at = ?, updated_at = ?
      WHERE id IN (SELECT id FROM ${JOBS_TABLE}
          WHERE status = 'queued' AND run_at <= ? AND type = ?
          ORDER BY priority DESC, run_at ASC, id ASC
          LIMIT ? ${lock})
      RETURNING *`;
    const t = this.time(now);
    const lease = this.time(new Date(now.getTime() + leaseMs));
    const rows = this.rows(await this.knex.raw(sql, [owner, lease, t, t, t, type, limit]));
    return rows.map(toRecord).sort((a, b) => a.id - b.id);
  }

  /** Extends the leases of a batch; how many are still ours. */
  async renewMany(ids: number[], owner: string, leaseMs: number, now = new Date()) {
    const count = await this.knex(JOBS_TABLE)
      .whereIn('id', ids)
      .where({ lease_owner: owner, status: 'running' })
      .update({ lease_expires_at: this.time(new Date(now.getTime() + leaseMs)) });
    return Number(count);
  }

  /** Completes a batch with one result; how many were still ours. */
  async completeMany(ids: number[], owner: string, result: unknown, now = new Date()) {
    const count = await this.knex(JOBS_TABLE)
      .whereIn('id', ids)
      .where({ lease_owner: owner, status: 'running' })
      .update({
        status: 'done',
        result: json(result),
        lease_owner: null,
        lease_expires_at: null,
        finished_at: this.time(now),
        updated_at: this.time(now),
      });
    return Number(count);
  }

  /** Extends the lease; false when the job is no longer ours (cancelled, or reclaimed). */
  async renew(id: number, owner: string, leaseMs: number, now = new Date()): Promise<boolean> {
    const count = await this.knex(JOBS_TABLE)
      .where({ id, lease_owner: owner, status: 'running' })
      .update({ lease_expires_at: this.time(new Date(now.getTime() + leaseMs)) });
    return Number(count) === 1;
  }

  /** Records progress (and optionally a cursor to resume from), renewing the lease too. */
  async progress(
    id: number,
    owner: string,
    update: { done?: number; total?: number | null; cursor?: unknown },
    leaseMs: number,
    now = new Date()
  ): Promise<boolean> {
    const patch: Row = {
      lease_expires_at: this.time(new Date(now.getTime() + leaseMs)),
      updated_at: this.time(now),
    };
    if (update.done !== undefined) patch.progress_done = update.done;
    if (update.total !== undefined) patch.progress_total = update.total;
    if (update.cursor !== undefined) patch.cursor = json(update.cursor);
    const count = await this.knex(JOBS_TABLE)
      .where({ id, lease_owner: owner, status: 'running' })
      .update(patch);
    return Number(count) === 1;
  }

  async complete(id: number, owner: string, result: unknown, now = new Date()): Promise<boolean> {
    const count = await this.knex(JOBS_TABLE)
      .where({ id, lease_owner: owner, status: 'running' })
      .update({
        status: 'done',
        result: json(result),
        lease_owner: null,
        lease_expires_at: null,
        finished_at: this.time(now),
        updated_at: this.time(now),
      });
    return Number(count) === 1;
  }

  /** A failed attempt: back to queued for a retry at `runAt`, or finished as failed/dead. */
  async fail(
    id: number,
    owner: string,
    outcome: { status: 'queued' | 'failed' | 'dead'; runAt?: Date; error: StoredError },
    now = new Date()
  ): Promise<boolean> {
    const guard = { id, lease_owner: owner, status: 'running' };
    const common = {
      last_error: json(outcome.error),
      lease_owner: null,
      lease_expires_at: null,
      updated_at: this.time(now),
    };
    if (outcome.status !== 'queued') {
      const count = await this.knex(JOBS_TABLE)
        .where(guard)
        .update({ ...common, status: outcome.status, finished_at: this.time(now) });
      return Number(count) === 1;
    }
    try {
      const count = await this.knex(JOBS_TABLE)
        .where(guard)
        .update({ ...common, status: 'queued', run_at: this.time(outcome.runAt ?? now) });
      return Number(count) === 1;
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
      // A newer job with the same dedupe key was queued while this one ran; it carries the
      // latest state, so this attempt gives way instead of retrying stale data.
      const count = await this.knex(JOBS_TABLE)
        .where(guard)
        .update({
          ...common,
          status: 'cancelled',
          result: json({ supersededBy: 'a newer queued job with the same dedupe key' }),
          finished_at: this.time(now),
        });
      return Number(count) === 1;
    }
  }

  /**
   * Gives a job back without counting the attempt (shutdown): queued again, so no job is left
   * "running" by a stopped process. If a newer job with the same dedupe key is queued, this
   * one stays running with an expired lease instead, which any worker reclaims at once.
   */
  async release(id: number, owner: string, now = new Date()): Promise<boolean> {
    const guard = { id, lease_owner: owner, status: 'running' };
    const common = { attempts: this.knex.raw('attempts - 1'), updated_at: this.time(now) };
    try {
      const count = await this.knex(JOBS_TABLE)
        .where(guard)
        .update({ ...common, status: 'queued', lease_owner: null, lease_expires_at: null });
      return Number(count) === 1;
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
      const count = await this.knex(JOBS_TABLE)
        .where(guard)
        .update({ ...common, lease_expires_at: this.time(now) });
      return Number(count) === 1;
    }
  }

  async findById(id: number): Promise<JobRecord | null> {
    const row = (await this.knex(JOBS_TABLE).where({ id }).first()) as Row | undefined;
    return row ? toRecord(row) : null;
  }

  async list(filters: ListFilters): Promise<{ jobs: JobRecord[]; total: number }> {
    const where = (query: Knex.QueryBuilder) => {
      if (filters.status?.length) query.whereIn('status', filters.status);
      if (filters.type) query.where('type', filters.type);
      return query;
    };
    const rows = (await where(this.knex(JOBS_TABLE).select('*'))
      .orderBy('id', 'desc')
      .limit(filters.limit)
      .offset(filters.offset)) as Row[];
    const [{ total }] = (await where(this.knex(JOBS_TABLE).count({ total: '*' }))) as {
      total: number | string;
    }[];
    return { jobs: rows.map(toRecord), total: Number(total) };
  }

  async countByStatus(): Promise<Record<JobStatus, number>> {
    const rows = (await this.knex(JOBS_TABLE)
      .select('status')
      .count({ n: '*' })
      .groupBy('status')) as { status: JobStatus; n: number | string }[];
    const counts: Record<JobStatus, number> = {
      queued: 0,
      running: 0,
      done: 0,
      failed: 0,
      dead: 0,
      cancelled: 0,
    };
    for (const row of rows) counts[row.status] = Number(row.n);
    return counts;
  }

  async types(): Promise<string[]> {
    const rows = (await this.knex(JOBS_TABLE).distinct('type').orderBy('type')) as Row[];
    return rows.map((row) => String(row.type));
  }

  /** Admin retry of a finished job: queued again now, with a fresh attempt budget. */
  async retry(id: number, now = new Date()): Promise<boolean> {
    try {
      const count = await this.knex(JOBS_TABLE)
        .where({ id })
        .whereIn('status', ['failed', 'dead', 'cancelled'])
        .update({
          status: 'queued',
          attempts: 0,
          run_at: this.time(now),
          finished_at: null,
          lease_owner: null,
          lease_expires_at: null,
          updated_at: this.time(now),
        });
      return Number(count) === 1;
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
      throw new JobConflictError('A queued job with the same dedupe key already exists.');
    }
  }

  /** Admin cancel of a queued or running job; a running one's worker sees its lease gone. */
  async cancel(id: number, now = new Date()): Promise<boolean> {
    const count = await this.knex(JOBS_TABLE)
      .where({ id })
      .whereIn('status', ['queued', 'running'])
      .update({
        status: 'cancelled',
        lease_owner: null,
        lease_expires_at: null,
        finished_at: this.time(now),
        updated_at: this.time(now),
      });
    return Number(count) === 1;
  }

  /** Retention: deletes finished jobs older than their status' keep period. */
  async cleanup(
    retention: { doneDays: number; failedDays: number },
    now = new Date()
  ): Promise<{ done: number; failed: number }> {
    const daysAgo = (days: number) => this.time(new Date(now.getTime() - days * 86_400_000));
    const done = await this.knex(JOBS_TABLE)
      .where('status', 'done')
      .where('finished_at', '<', daysAgo(retention.doneDays))
      .delete();
    const failed = await this.knex(JOBS_TABLE)
      .whereIn(
        'status',
        FINISHED.filter((status) => status !== 'done')
      )
      .where('finished_at', '<', daysAgo(retention.failedDays))
      .delete();
    return { done: Number(done), failed: Number(failed) };
  }
}
