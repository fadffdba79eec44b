import { randomBytes } from 'crypto';
import type { Core } from '@strapi/strapi';
import { getService } from '../utils/get-service';
import { WEBHOOKS_PROCESS_JOB } from './job-types';

const TABLE = 'email_marketing_webhook_events';
/** Enough to turn a burst into a few commits; small enough that one batch stays short. */
const MAX_BATCH = 200;

/** One delivery, parsed and keyed, ready to be stored. */
export interface IntakeRow {
  provider: string;
  connectionId: number;
  type: string;
  firedAt: string;
  audienceId: string | null;
  email: string | null;
  payload: Record<string, unknown>;
  dedupeKey: string;
}

export type IntakeResult = { stored: true; eventId: number } | { stored: false; duplicate: true };

interface Waiting {
  row: IntakeRow;
  resolve(result: IntakeResult): void;
  reject(error: unknown): void;
}

const ALPHABET = 'abcdefghijklmnopqrstuvwxyz0123456789';
/** A Strapi-style documentId for rows inserted without the query engine. */
const newDocumentId = () =>
  Array.from(randomBytes(24), (b) => ALPHABET[b % ALPHABET.length]).join('');

const rowsOf = (result: unknown): Array<Record<string, unknown>> =>
  Array.isArray(result)
    ? (result as Array<Record<string, unknown>>)
    : ((result as { rows?: Array<Record<string, unknown>> }).rows ?? []);

/**
 * Group commit for webhook intake. Each delivery still gets its answer only after its row is
 * committed, but the deliveries that arrive while one commit is under way share the next one:
 * on SQLite a commit (its fsync) is what a delivery costs, so a burst of 50 pays for one.
 * Duplicates are settled by the unique dedupe key in the same statement (ON CONFLICT DO NOTHING),
 * so one already-stored delivery never fails the others of its batch.
 */
export const createIntakeQueue = (strapi: Core.Strapi) => {
  let waiting: Waiting[] = [];
  let flushing = false;
  const sqlite = () => strapi.db.dialect.client === 'sqlite';

  const write = async (rows: IntakeRow[]): Promise<IntakeResult[]> =>
    strapi.db.transaction(async ({ trx }) => {
      const now = new Date();
      const time = sqlite() ? now.getTime() : now;
      const seen = new Map<string, number>();
      const results: IntakeResult[] = [];
      for (const row of rows) {
        // A second copy in the same batch is a duplicate of the first.
        if (seen.has(row.dedupeKey)) {
          results.push({ stored: false, duplicate: true });
          continue;
        }
        const inserted = rowsOf(
          await trx.raw(
            `INSERT INTO ${TABLE} (document_id, provider, connection_id, type, fired_at, audience_id, email, payload, dedupe_key, status, created_at, updated_at, published_at)
             VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 'received', ?, ?, ?)
             ON CONFLICT (dedupe_key) DO NOTHING RETURNING id`,
            [
              newDocumentId(),
              row.provider,
              row.connectionId,
              row.type,
              row.firedAt,
              row.audienceId,
              row.email,
              JSON.stringify(row.payload),
              row.dedupeKey,
              time,
              time,
              time,
            ]
          )
        );
        const id = inserted[0] ? Number(inserted[0].id) : null;
        seen.set(row.dedupeKey, id ?? 0);
        results.push(
          id === null ? { stored: false, duplicate: true } : { stored: true, eventId: id }
        );
      }
      // One coalesced job drains every received event in arrival order; it commits with them,
      // so no stored event is ever left without a job to process it.
      if (results.some((r) => r.stored))
        await getService(strapi, 'jobs').enqueue(
          WEBHOOKS_PROCESS_JOB,
          {},
          { dedupeKey: 'webhooks:process' }
        );
      return results;
    });

  const flush = async () => {
    while (waiting.length > 0) {
      const batch = waiting.slice(0, MAX_BATCH);
      waiting = waiting.slice(batch.length);
      try {
        const results = await write(batch.map((w) => w.row));
        batch.forEach((w, i) => w.resolve(results[i]));
      } catch (error) {
        // The whole batch rolled back: every delivery in it fails and the platform retries it.
        batch.forEach((w) => w.reject(error));
      }
    }
    flushing = false;
  };

  return {
    /** Resolves once the row is committed (or known to be a duplicate). */
    submit(row: IntakeRow): Promise<IntakeResult> {
      return new Promise<IntakeResult>((resolve, reject) => {
        waiting.push({ row, resolve, reject });
        if (flushing) return;
        flushing = true;
        // Deliveries read in the same turn of the event loop join the first commit.
        setImmediate(() => void flush());
      });
    },
  };
};
