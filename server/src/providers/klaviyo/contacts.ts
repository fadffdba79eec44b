import type { ChangedMember, ContactOutcome, ContactUpsert, FieldValue } from '../types';
import { isPlatformError } from '../errors';
import { notFound, quote, type KlaviyoClient } from './client';
import { fieldOf } from './errors';
import { toProfileAttributes } from './fields';
import { REASONS, statusOf } from './status';
import type {
  Collection,
  Document,
  ImportErrorAttributes,
  ImportJobAttributes,
  ListAttributes,
  ProfileAttributes,
  Single,
} from './types';

/** Documented batch limits (klaviyo-api 23.0.0 JSDoc). */
export const LIMITS = {
  importProfiles: 10_000,
  /** 5 MB per import request; kept under it for the JSON:API envelope. */
  importBytes: 4_800_000,
  profileBytes: 100 * 1024,
  subscribe: 1000,
  unsubscribe: 100,
  suppress: 100,
  lookup: 100,
  listRelationships: 1000,
};

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]{2,}$/;

export const chunk = <T>(items: T[], size: number): T[][] => {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
};

/** Splits import profiles so that no request passes the count or the byte limit. */
export const importBatches = <T>(
  items: T[],
  sizeOf: (item: T) => number,
  maxCount = LIMITS.importProfiles,
  maxBytes = LIMITS.importBytes
): T[][] => {
  const out: T[][] = [];
  let current: T[] = [];
  let bytes = 0;
  for (const item of items) {
    const size = sizeOf(item) + 1;
    if (current.length > 0 && (current.length >= maxCount || bytes + size > maxBytes)) {
      out.push(current);
      current = [];
      bytes = 0;
    }
    current.push(item);
    bytes += size;
  }
  if (current.length) out.push(current);
  return out;
};

export interface ListInfo {
  id: string;
  doubleOptIn: boolean;
}

export type Profile = Document<ProfileAttributes>;

const key = (email: string) => email.trim().toLowerCase();

export interface ContactsOptions {
  /** First poll of an import job; doubles up to pollMaxMs. */
  pollStartMs?: number;
  pollMaxMs?: number;
  jobTimeoutMs?: number;
}

/** Profiles, subscriptions and suppressions: everything about contacts on one Klaviyo account. */
export const klaviyoContacts = (client: KlaviyoClient, options: ContactsOptions = {}) => {
  const lists = new Map<string, ListInfo>();

  const listInfo = async (listId: string): Promise<ListInfo> => {
    const cached = lists.get(listId);
    if (cached) return cached;
    const { data } = await client.get<Single<ListAttributes>>(`/api/lists/${listId}`);
    const info = { id: data.id, doubleOptIn: data.attributes.opt_in_process === 'double_opt_in' };
    lists.set(listId, info);
    return info;
  };

  /** Existing profiles by lowercased email, with their subscriptions, 100 per call. */
  const lookup = async (emails: string[]): Promise<Map<string, Profile>> => {
    const found = new Map<string, Profile>();
    for (const slice of chunk([...new Set(emails.map(key))], LIMITS.lookup)) {
      const page = await client.get<Collection<ProfileAttributes>>('/api/profiles', {
        filter: `any(email,[${slice.map(quote).join(',')}])`,
        'additional-fields[profile]': 'subscriptions',
        'page[size]': LIMITS.lookup,
      });
      for (const p of page.data) found.set(key(p.attributes.email), p);
    }
    return found;
  };

  const subscribeJob = (emails: string[], listId: string, historical: boolean) =>
    client.post<void>(
      '/api/profile-subscription-bulk-create-jobs',
      {
        data: {
          type: 'profile-subscription-bulk-create-job',
          attributes: {
            custom_source: 'Strapi email marketing',
            ...(historical ? { historical_import: true } : {}),
            profiles: {
              data: emails.map((email) => ({
                type: 'profile',
                attributes: {
                  email,
                  subscriptions: {
                    email: {
                      marketing: {
                        consent: 'SUBSCRIBED',
                        // Consent was collected in Strapi before this call: a moment ago at the latest.
                        ...(historical
                          ? { consented_at: new Date(Date.now() - 1000).toISOString() }
                          : {}),
                      },
                    },
                  },
                },
              })),
            },
          },
          relationships: { list: { data: { type: 'list', id: listId } } },
        },
      },
      // Subscribing the same addresses twice leaves the same state.
      true
    );

  const unsubscribeJob = (emails: string[]) =>
    client.post<void>(
      '/api/profile-subscription-bulk-delete-jobs',
      {
        data: {
          type: 'profile-subscription-bulk-delete-job',
          attributes: {
            profiles: {
              data: emails.map((email) => ({
                type: 'profile',
                attributes: {
                  email,
                  subscriptions: { email: { marketing: { consent: 'UNSUBSCRIBED' } } },
                },
              })),
            },
          },
          // No list: the consent change is global, as the plugin's preference is.
        },
      },
      true
    );

  /** Runs one import job to its end; returns the errors by lowercased email. */
  const importJob = async (profiles: Array<Record<string, unknown>>, listId: string) => {
    const { data: job } = await client.post<Single<ImportJobAttributes>>(
      '/api/profile-bulk-import-jobs',
      {
        data: {
          type: 'profile-bulk-import-job',
          attributes: {
            profiles: { data: profiles.map((attributes) => ({ type: 'profile', attributes })) },
          },
          relationships: { lists: { data: [{ type: 'list', id: listId }] } },
        },
      },
      // Re-importing the same profiles is harmless (an upsert by email).
      true
    );
    let status = job.attributes;
    const deadline = Date.now() + (options.jobTimeoutMs ?? 30 * 60_000);
    for (
      let delay = options.pollStartMs ?? 250;
      status.status === 'queued' || status.status === 'processing';
      delay = Math.min(delay * 2, options.pollMaxMs ?? 5000)
    ) {
      if (Date.now() > deadline)
        return { timedOut: true as const, jobId: job.id, errors: new Map<string, string[]>() };
      await new Promise((resolve) => setTimeout(resolve, delay));
      status = (
        await client.get<Single<ImportJobAttributes>>(`/api/profile-bulk-import-jobs/${job.id}`)
      ).data.attributes;
    }
    const errors = new Map<string, string[]>();
    if (status.failed_count > 0) {
      for await (const e of client.paginate<ImportErrorAttributes>(
        `/api/profile-bulk-import-jobs/${job.id}/import-errors`,
        { 'page[size]': 100 }
      )) {
        const index = Number(
          /\/profiles\/data\/(\d+)\//.exec(e.attributes.source?.pointer ?? '')?.[1]
        );
        const email =
          typeof e.attributes.original_payload?.email === 'string'
            ? e.attributes.original_payload.email
            : (profiles[index]?.email as string | undefined);
        if (email)
          errors.set(key(email), [
            e.attributes.detail || e.attributes.title,
            fieldOf({ source: e.attributes.source }),
          ]);
      }
    }
    return {
      timedOut: false as const,
      jobId: job.id,
      errors,
      cancelled: status.status === 'cancelled',
    };
  };

  return {
    listInfo,
    lookup,

    /**
     * Upsert without ever changing an existing profile's consent (invariant 1):
     * 1. look the addresses up (100 per call);
     * 2. subscribe only the profiles that do not exist yet (≤1000 per job; `subscribed` as a
     *    historical import, since Strapi collected the consent; `pending` through the list's
     *    own opt-in process) — Subscribe Profiles creates them;
     * 3. import every profile's attributes and list membership (≤10,000 and ≤5 MB per job),
     *    which never touches consent; per-profile errors come from the job's import errors.
     */
    async upsert(
      listId: string,
      contacts: ContactUpsert[],
      onProgress?: (done: number, total: number) => void
    ): Promise<ContactOutcome[]> {
      const byEmail = new Map<string, ContactUpsert>();
      for (const c of contacts) byEmail.set(key(c.email), c);
      const unique = [...byEmail.values()];
      const outcomes = new Map<string, ContactOutcome>();
      const record = (o: ContactOutcome) => {
        outcomes.set(key(o.email), o);
        onProgress?.(outcomes.size, unique.length);
      };
      const failAll = (items: ContactUpsert[], error: unknown) => {
        if (!isPlatformError(error)) throw error;
        for (const c of items)
          record({ email: c.email, outcome: 'failed', kind: error.kind, message: error.message });
      };

      const attrs = new Map<string, Record<string, unknown>>();
      for (const c of unique) {
        if (!EMAIL.test(c.email.trim())) {
          record({
            email: c.email,
            outcome: 'failed',
            kind: 'validation',
            message: `"${c.email}" is not a valid email address.`,
            field: 'email',
          });
          continue;
        }
        const a = toProfileAttributes(c.email.trim(), c.fields as Record<string, FieldValue>);
        if (Buffer.byteLength(JSON.stringify(a)) > LIMITS.profileBytes) {
          record({
            email: c.email,
            outcome: 'failed',
            kind: 'validation',
            message: "The profile is larger than Klaviyo's 100 KB per profile.",
          });
          continue;
        }
        attrs.set(key(c.email), a);
      }
      const valid = unique.filter((c) => attrs.has(key(c.email)));
      let list: ListInfo;
      let existing: Map<string, Profile>;
      try {
        list = await listInfo(listId);
        existing = await lookup(valid.map((c) => c.email));
      } catch (error) {
        failAll(valid, error);
        return unique.map((c) => outcomes.get(key(c.email))!);
      }

      const fresh = valid.filter((c) => !existing.has(key(c.email)));
      const subscribedFresh = new Set<string>();
      for (const historical of [true, false]) {
        const group = fresh.filter((c) => (c.statusIfNew === 'subscribed') === historical);
        for (const slice of chunk(group, LIMITS.subscribe)) {
          try {
            await subscribeJob(
              slice.map((c) => c.email.trim()),
              listId,
              historical
            );
            for (const c of slice) subscribedFresh.add(key(c.email));
          } catch (error) {
            // Not subscribed, so not created either: the next run sees them as new again.
            failAll(slice, error);
          }
        }
      }

      const toImport = valid.filter(
        (c) => existing.has(key(c.email)) || subscribedFresh.has(key(c.email))
      );
      const batches = importBatches(toImport, (c) =>
        Buffer.byteLength(JSON.stringify(attrs.get(key(c.email))))
      );
      for (const batch of batches) {
        let result: Awaited<ReturnType<typeof importJob>>;
        try {
          result = await importJob(
            batch.map((c) => attrs.get(key(c.email))!),
            listId
          );
        } catch (error) {
          failAll(batch, error);
          continue;
        }
        for (const c of batch) {
          const k = key(c.email);
          const error = result.errors.get(k);
          if (result.timedOut || result.cancelled)
            record({
              email: c.email,
              outcome: 'failed',
              kind: 'transient',
              message: `Klaviyo import job ${result.jobId} did not finish; the contact will be retried.`,
            });
          else if (error)
            record({
              email: c.email,
              outcome: 'failed',
              kind: 'validation',
              message: error[0],
              ...(error[1] ? { field: error[1] } : {}),
            });
          else if (existing.has(k))
            record({
              email: c.email,
              outcome: 'updated',
              status: statusOf(existing.get(k)!.attributes.subscriptions?.email?.marketing, list),
            });
          else
            record({
              email: c.email,
              outcome: 'created',
              status:
                c.statusIfNew === 'subscribed' || !list.doubleOptIn ? 'subscribed' : 'pending',
            });
        }
      }
      for (const c of unique)
        if (!outcomes.has(key(c.email)))
          record({
            email: c.email,
            outcome: 'failed',
            kind: 'transient',
            message: 'Klaviyo returned no result for this contact.',
          });
      return unique.map((c) => outcomes.get(key(c.email))!);
    },

    /** A recorded consent change for one address: unsubscribe (global) or ask again (pending). */
    async setStatus(
      listId: string,
      email: string,
      status: 'unsubscribed' | 'pending'
    ): Promise<string> {
      const profile = (await lookup([email])).get(key(email));
      if (status === 'unsubscribed') {
        if (!profile) throw notFound(`No Klaviyo profile has the address ${email}.`);
        await unsubscribeJob([email.trim()]);
        return 'unsubscribed';
      }
      const list = await listInfo(listId);
      // Subscribe Profiles sends the list's confirmation email when the list is double opt-in.
      await subscribeJob([email.trim()], listId, false);
      return list.doubleOptIn ? 'pending' : 'subscribed';
    },

    /**
     * Profiles that reached `status` since `since`: Klaviyo's suppressions (global, with a
     * reason and a time) and this list's unsubscribes. Read by the daily opt-out import.
     */
    async *changed(
      listId: string,
      status: ChangedMember['status'],
      since: string | null
    ): AsyncGenerator<ChangedMember> {
      const seen = new Set<string>();
      const after = since ? new Date(since).toISOString() : null;
      const queries: Array<[string, string]> = REASONS[status].map((reason) => [
        'subscriptions.email.marketing.suppression',
        reason,
      ]);
      if (status === 'unsubscribed')
        queries.push(['subscriptions.email.marketing.list_suppressions', 'UNSUBSCRIBE']);
      for (const [field, reason] of queries) {
        const conditions = [`equals(${field}.reason,${quote(reason)})`];
        if (field.endsWith('list_suppressions'))
          conditions.push(`equals(${field}.list_id,${quote(listId)})`);
        if (after) conditions.push(`greater-than(${field}.timestamp,${after})`);
        for await (const p of client.paginate<ProfileAttributes>('/api/profiles', {
          filter: `and(${conditions.join(',')})`,
          'additional-fields[profile]': 'subscriptions',
          'page[size]': 100,
        })) {
          const email = p.attributes.email;
          if (!email || seen.has(key(email))) continue;
          seen.add(key(email));
          const marketing = p.attributes.subscriptions?.email?.marketing;
          const stamps = [
            ...(marketing?.suppression ?? [])
              .filter((s) => s.reason === reason)
              .map((s) => s.timestamp),
            ...(marketing?.list_suppressions ?? [])
              .filter((s) => s.list_id === listId)
              .map((s) => s.timestamp),
          ];
          yield { email, status, lastChanged: stamps.sort().pop() ?? new Date().toISOString() };
        }
      }
    },
  };
};

export type KlaviyoContacts = ReturnType<typeof klaviyoContacts>;
