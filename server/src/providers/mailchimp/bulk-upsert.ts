import type { PlatformErrorKind } from '../errors';
import { isPlatformError } from '../errors';
import { parseBatchResults } from './batch-results';
import type { MailchimpClient } from './client';
import { kindOfMemberError } from './errors';
import { chunk } from './paging';
import { sleep } from './retry';
import { subscriberHash } from './subscriber-hash';
import type { BatchSubscribeMember, Member, MemberStatus, MemberUpsert, MergeValue } from './types';

export interface UpsertContact {
  email: string;
  /** The status a new member gets: subscribed, pending (double opt-in), unsubscribed… */
  statusIfNew: MemberStatus;
  mergeFields?: Record<string, MergeValue>;
  interests?: Record<string, boolean>;
  language?: string;
  vip?: boolean;
}

export type UpsertOutcome =
  | { email: string; outcome: 'created' | 'updated'; status: string }
  | { email: string; outcome: 'failed'; kind: PlatformErrorKind; message: string; field?: string };

export interface BulkUpsertOptions {
  /** Existing members at or below this count are updated with single PUTs instead of a /batches job. */
  directUpdateThreshold?: number;
  /** Operations per /batches job. */
  operationsPerBatch?: number;
  /** First poll delay of a /batches job; doubles up to pollMaxMs. */
  pollStartMs?: number;
  pollMaxMs?: number;
  /** Give up waiting for a /batches job after this long; its contacts are reported as failed. */
  batchTimeoutMs?: number;
  onProgress?: (progress: { done: number; total: number }) => void;
}

const BATCH_SUBSCRIBE_LIMIT = 500;

const toBatchMember = (c: UpsertContact): BatchSubscribeMember => ({
  email_address: c.email,
  status: c.statusIfNew,
  ...(c.mergeFields ? { merge_fields: c.mergeFields } : {}),
  ...(c.interests ? { interests: c.interests } : {}),
  ...(c.language ? { language: c.language } : {}),
  ...(c.vip !== undefined ? { vip: c.vip } : {}),
});

/** The PUT body for an existing member: `status_if_new` only, never `status` (invariant 1). */
export const toUpsertBody = (c: UpsertContact): MemberUpsert => ({
  email_address: c.email,
  status_if_new: c.statusIfNew,
  ...(c.mergeFields ? { merge_fields: c.mergeFields } : {}),
  ...(c.interests ? { interests: c.interests } : {}),
  ...(c.language ? { language: c.language } : {}),
  ...(c.vip !== undefined ? { vip: c.vip } : {}),
});

interface Problem {
  title?: string;
  detail?: string;
  errors?: Array<{ field?: string; message?: string }>;
}

const failure = (email: string, problem: Problem, status: number): UpsertOutcome => {
  const title = problem.title ?? '';
  const kind: PlatformErrorKind =
    title === 'Member In Compliance State'
      ? 'compliance'
      : title === 'Forgotten Email Not Subscribed'
        ? 'forgotten'
        : status === 404
          ? 'not_found'
          : status >= 500
            ? 'transient'
            : 'validation';
  const field = problem.errors?.[0];
  return {
    email,
    outcome: 'failed',
    kind,
    message: [problem.detail ?? title, field ? `${field.field}: ${field.message}` : '']
      .filter(Boolean)
      .join(' — '),
    ...(field?.field ? { field: field.field } : {}),
  };
};

/**
 * Upserts many contacts into an audience without ever changing an existing member's status.
 *
 * 1. Batch subscribe (POST /lists/{id}, 500 per call) with update_existing:false creates the
 *    new members in bulk; existing addresses come back as ERROR_CONTACT_EXISTS, untouched.
 *    (With update_existing:true Mailchimp would apply `status` to existing members and could
 *    re-subscribe or un-confirm people: never used.)
 * 2. The existing ones are updated with PUT …/members/{hash} carrying status_if_new and no
 *    status: through one /batches job when there are many, single PUTs when few.
 *
 * Every contact gets exactly one outcome; one bad contact never fails the others.
 */
export const bulkUpsert = async (
  client: MailchimpClient,
  listId: string,
  contacts: UpsertContact[],
  options: BulkUpsertOptions = {}
): Promise<UpsertOutcome[]> => {
  const byEmail = new Map<string, UpsertContact>();
  // The last occurrence of an address wins, as a later save would.
  for (const contact of contacts) byEmail.set(contact.email.trim().toLowerCase(), contact);
  const unique = [...byEmail.values()];
  const total = unique.length;
  const outcomes = new Map<string, UpsertOutcome>();
  const record = (key: string, outcome: UpsertOutcome) => {
    outcomes.set(key, outcome);
    options.onProgress?.({ done: outcomes.size, total });
  };
  const existing: UpsertContact[] = [];

  await Promise.all(
    chunk(unique, BATCH_SUBSCRIBE_LIMIT).map(async (slice) => {
      try {
        const result = await client.batchSubscribe(listId, slice.map(toBatchMember), {
          updateExisting: false,
        });
        for (const member of result.new_members)
          record(member.email_address.toLowerCase(), {
            email: member.email_address,
            outcome: 'created',
            status: member.status,
          });
        for (const error of result.errors) {
          const key = error.email_address.trim().toLowerCase();
          const contact = byEmail.get(key);
          if (!contact) continue;
          if (error.error_code === 'ERROR_CONTACT_EXISTS') existing.push(contact);
          else
            record(key, {
              email: contact.email,
              outcome: 'failed',
              kind: kindOfMemberError(error.error),
              message: error.error,
              ...(error.field ? { field: error.field } : {}),
            });
        }
      } catch (error) {
        // The whole call failed after its retries: every contact in it gets that error.
        if (!isPlatformError(error)) throw error;
        for (const contact of slice)
          record(contact.email.toLowerCase(), {
            email: contact.email,
            outcome: 'failed',
            kind: error.kind,
            message: error.message,
          });
      }
    })
  );

  if (existing.length <= (options.directUpdateThreshold ?? 20)) {
    await Promise.all(existing.map((contact) => updateOne(client, listId, contact, record)));
  } else {
    for (const slice of chunk(existing, options.operationsPerBatch ?? 10_000)) {
      await updateThroughBatch(client, listId, slice, record, options);
    }
  }

  // Anything without an outcome was dropped by the platform's answer: say so, never lose it.
  for (const [key, contact] of byEmail) {
    if (!outcomes.has(key))
      record(key, {
        email: contact.email,
        outcome: 'failed',
        kind: 'transient',
        message: 'Mailchimp returned no result for this contact.',
      });
  }
  return unique.map((contact) => outcomes.get(contact.email.trim().toLowerCase())!);
};

const updateOne = async (
  client: MailchimpClient,
  listId: string,
  contact: UpsertContact,
  record: (key: string, outcome: UpsertOutcome) => void
) => {
  const key = contact.email.trim().toLowerCase();
  try {
    const member: Member = await client.upsertMember(listId, toUpsertBody(contact));
    record(key, { email: contact.email, outcome: 'updated', status: member.status });
  } catch (error) {
    if (!isPlatformError(error)) throw error;
    record(key, {
      email: contact.email,
      outcome: 'failed',
      kind: error.kind,
      message: error.message,
      ...(error.fieldErrors[0] ? { field: error.fieldErrors[0].field } : {}),
    });
  }
};

const updateThroughBatch = async (
  client: MailchimpClient,
  listId: string,
  contacts: UpsertContact[],
  record: (key: string, outcome: UpsertOutcome) => void,
  options: BulkUpsertOptions
) => {
  const byHash = new Map(contacts.map((c) => [subscriberHash(c.email), c]));
  const batch = await client.createBatch(
    contacts.map((contact) => ({
      method: 'PUT' as const,
      path: `/lists/${listId}/members/${subscriberHash(contact.email)}`,
      operation_id: subscriberHash(contact.email),
      body: JSON.stringify(toUpsertBody(contact)),
    }))
  );
  let status = batch;
  const deadline = Date.now() + (options.batchTimeoutMs ?? 30 * 60_000);
  for (
    let delay = options.pollStartMs ?? 250;
    status.status !== 'finished';
    delay = Math.min(delay * 2, options.pollMaxMs ?? 5000)
  ) {
    if (Date.now() > deadline) {
      for (const contact of contacts) {
        record(contact.email.trim().toLowerCase(), {
          email: contact.email,
          outcome: 'failed',
          kind: 'transient',
          message: `Mailchimp batch ${batch.id} did not finish in time; the contact will be retried.`,
        });
      }
      return;
    }
    await sleep(delay);
    status = await client.getBatch(batch.id);
  }
  const results = parseBatchResults(await client.downloadBatchResults(status.response_body_url));
  for (const result of results) {
    const contact = result.operation_id ? byHash.get(result.operation_id) : undefined;
    if (!contact) continue;
    const key = contact.email.trim().toLowerCase();
    const body = result.response
      ? (JSON.parse(result.response) as Member & Problem)
      : ({} as Member & Problem);
    if (result.status_code === 200)
      record(key, { email: contact.email, outcome: 'updated', status: body.status });
    else record(key, failure(contact.email, body, result.status_code));
  }
};
