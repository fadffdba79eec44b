import { randomUUID } from 'crypto';
import {
  accepted,
  attrsOf,
  dataOf,
  EMAIL,
  ok,
  pageOf,
  relIds,
  resource,
  type Ctx,
  type Route,
} from '../context';
import { errors } from '../errors';
import {
  applyAttributes,
  createProfile,
  deleteProfile,
  findByEmail,
  subscribe,
  suppress,
  unsubscribe,
} from '../profiles';
import { TIERS } from '../rate-limits';
import { newId, nowIso, type ImportError, type Job } from '../state';

const MAX_IMPORT = 10_000;
const MAX_PROFILE_BYTES = 100 * 1024;

const newJob = (type: Job['type'], total: number, listIds: string[]): Job => ({
  id: newId(),
  type,
  status: 'queued',
  created_at: nowIso(),
  started_at: null,
  completed_at: null,
  total_count: total,
  completed_count: 0,
  failed_count: 0,
  errors: [],
  listIds,
});

const jobResource = (ctx: Ctx, job: Job) =>
  resource(
    ctx,
    job.type,
    job.id,
    job.type === 'profile-bulk-import-job'
      ? {
          status: job.status,
          created_at: job.created_at,
          total_count: job.total_count,
          completed_count: job.completed_count,
          failed_count: job.failed_count,
          completed_at: job.completed_at,
          expires_at: new Date(Date.parse(job.created_at) + 7 * 86_400_000).toISOString(),
          started_at: job.started_at,
        }
      : {
          status: job.status,
          created_at: job.created_at,
          total_count: job.total_count,
          completed_count: job.completed_count,
          skipped_count: job.failed_count,
          completed_at: job.completed_at,
        },
    job.type === 'profile-bulk-import-job'
      ? { lists: { data: job.listIds.map((id) => ({ type: 'list', id })) } }
      : undefined
  );

/** The profiles array of a bulk job: `attributes.profiles.data`, each `{type: 'profile', attributes}`. */
const profilesOf = (attrs: Record<string, unknown>, max: number, required = true) => {
  const wrapper = attrs.profiles as { data?: unknown } | null | undefined;
  if (!wrapper) {
    if (required) throw errors.invalid('"profiles" is required.', '/data/attributes/profiles');
    return [];
  }
  if (!Array.isArray(wrapper.data))
    throw errors.invalid('"profiles.data" must be an array.', '/data/attributes/profiles/data');
  if (wrapper.data.length === 0)
    throw errors.invalid('"profiles.data" must not be empty.', '/data/attributes/profiles/data');
  if (wrapper.data.length > max)
    throw errors.invalid(
      `At most ${max} profiles per request; got ${wrapper.data.length}.`,
      '/data/attributes/profiles/data'
    );
  return wrapper.data.map((item, i) => {
    const r = item as { type?: string; attributes?: Record<string, unknown> };
    if (r.type !== 'profile' || !r.attributes || typeof r.attributes !== 'object')
      throw errors.invalid(
        'Each profile must be {type: "profile", attributes}.',
        `/data/attributes/profiles/data/${i}`
      );
    return r.attributes;
  });
};

const requireLists = (ctx: Ctx, ids: string[], pointer: string) => {
  for (const id of ids)
    if (!ctx.account.lists.has(id)) throw errors.invalid(`List ${id} does not exist.`, pointer);
};

const emailOf = (attrs: Record<string, unknown>, pointer: string): string => {
  const email = attrs.email;
  if (typeof email !== 'string' || !EMAIL.test(email.trim()))
    throw errors.invalid(`Invalid email address: ${JSON.stringify(email)}.`, pointer);
  return email.trim();
};

const marketingConsent = (attrs: Record<string, unknown>) =>
  (attrs.subscriptions as { email?: { marketing?: { consent?: unknown; consented_at?: unknown } } })
    ?.email?.marketing ?? null;

/** Runs a job later, as Klaviyo's asynchronous jobs do. */
const runLater = (ctx: Ctx, job: Job, work: () => void) => {
  ctx.account.jobs.set(job.id, job);
  ctx.sim.later(ctx.sim.options.jobDelayMs, () => {
    job.status = 'processing';
    job.started_at = nowIso();
    work();
    job.status = 'complete';
    job.completed_at = nowIso();
  });
};

export const jobRoutes: Route[] = [
  {
    method: 'POST',
    path: '/api/profile-bulk-import-jobs',
    name: 'bulkImportProfiles',
    tier: TIERS.M,
    handler: (ctx) => {
      const data = dataOf(ctx, 'profile-bulk-import-job');
      const profiles = profilesOf(attrsOf(data), MAX_IMPORT);
      const listIds = relIds(data, 'lists', 'list');
      requireLists(ctx, listIds, '/data/relationships/lists');
      const job = newJob('profile-bulk-import-job', profiles.length, listIds);
      runLater(ctx, job, () => {
        profiles.forEach((attrs, i) => {
          const fail = (detail: string, field: string) => {
            const error: ImportError = {
              id: randomUUID(),
              code: 'invalid',
              title: 'Invalid input.',
              detail,
              source: { pointer: `/data/attributes/profiles/data/${i}/attributes/${field}` },
              original_payload: attrs,
            };
            job.errors.push(error);
            job.failed_count++;
          };
          if (Buffer.byteLength(JSON.stringify(attrs)) > MAX_PROFILE_BYTES)
            return fail('The profile exceeds the maximum size of 100KB.', 'email');
          const email = attrs.email;
          if (typeof email !== 'string' || !EMAIL.test(email.trim()))
            return fail(`Invalid email address: ${JSON.stringify(email)}.`, 'email');
          const profile = findByEmail(ctx.account, email) ?? createProfile(ctx.account, email);
          // A profile import never changes consent: only Subscribe/Unsubscribe Profiles do.
          applyAttributes(profile, attrs);
          for (const id of listIds) ctx.account.lists.get(id)?.profiles.add(profile.id);
          job.completed_count++;
        });
      });
      return accepted({ data: jobResource(ctx, job) });
    },
  },
  {
    method: 'GET',
    path: '/api/profile-bulk-import-jobs/:id',
    name: 'getBulkImportProfilesJob',
    tier: TIERS.M,
    handler: (ctx) => {
      const job = ctx.account.jobs.get(ctx.params.id);
      if (!job || job.type !== 'profile-bulk-import-job') throw errors.notFound();
      return ok({ data: jobResource(ctx, job) });
    },
  },
  {
    method: 'GET',
    path: '/api/profile-bulk-import-jobs/:id/import-errors',
    name: 'getErrorsForBulkImportProfilesJob',
    tier: TIERS.M,
    handler: (ctx) => {
      const job = ctx.account.jobs.get(ctx.params.id);
      if (!job || job.type !== 'profile-bulk-import-job') throw errors.notFound();
      const page = pageOf(ctx, job.errors, { max: 100, fallback: 20 });
      return ok({
        data: page.items.map((e) => ({
          type: 'import-error',
          id: e.id,
          attributes: {
            code: e.code,
            title: e.title,
            detail: e.detail,
            source: e.source,
            original_payload: e.original_payload,
          },
        })),
        links: page.links,
      });
    },
  },
  {
    method: 'POST',
    path: '/api/profile-subscription-bulk-create-jobs',
    name: 'bulkSubscribeProfiles',
    tier: TIERS.L,
    handler: (ctx) => {
      const data = dataOf(ctx, 'profile-subscription-bulk-create-job');
      const attrs = attrsOf(data);
      const profiles = profilesOf(attrs, 1000);
      const historical = attrs.historical_import === true;
      const [listId = null] = relIds(data, 'list', 'list');
      if (listId) requireLists(ctx, [listId], '/data/relationships/list/data/id');
      const emails = profiles.map((p, i) => {
        const pointer = `/data/attributes/profiles/data/${i}/attributes`;
        const email = emailOf(p, `${pointer}/email`);
        const marketing = marketingConsent(p);
        if (marketing?.consent !== 'SUBSCRIBED')
          throw errors.invalid(
            'subscriptions.email.marketing.consent must be "SUBSCRIBED".',
            `${pointer}/subscriptions/email/marketing/consent`
          );
        const at = marketing.consented_at;
        if (historical && (typeof at !== 'string' || !(Date.parse(at) < Date.now())))
          throw errors.invalid(
            'consented_at is required with historical_import and must be in the past.',
            `${pointer}/subscriptions/email/marketing/consented_at`
          );
        if (!historical && at !== undefined && at !== null)
          throw errors.invalid(
            'consented_at may only be given with historical_import.',
            `${pointer}/subscriptions/email/marketing/consented_at`
          );
        return email;
      });
      const job = newJob(
        'profile-subscription-bulk-create-job',
        emails.length,
        listId ? [listId] : []
      );
      runLater(ctx, job, () => {
        for (const email of emails) {
          const profile = findByEmail(ctx.account, email) ?? createProfile(ctx.account, email);
          subscribe(ctx.account, profile, listId, { historical });
          job.completed_count++;
        }
      });
      return accepted();
    },
  },
  {
    method: 'POST',
    path: '/api/profile-subscription-bulk-delete-jobs',
    name: 'bulkUnsubscribeProfiles',
    tier: TIERS.L,
    handler: (ctx) => {
      const data = dataOf(ctx, 'profile-subscription-bulk-delete-job');
      const profiles = profilesOf(attrsOf(data), 100);
      const [listId = null] = relIds(data, 'list', 'list');
      if (listId) requireLists(ctx, [listId], '/data/relationships/list/data/id');
      const emails = profiles.map((p, i) => {
        const pointer = `/data/attributes/profiles/data/${i}/attributes`;
        const email = emailOf(p, `${pointer}/email`);
        if (marketingConsent(p)?.consent !== 'UNSUBSCRIBED')
          throw errors.invalid(
            'subscriptions.email.marketing.consent must be "UNSUBSCRIBED".',
            `${pointer}/subscriptions/email/marketing/consent`
          );
        return email;
      });
      const job = newJob(
        'profile-subscription-bulk-delete-job',
        emails.length,
        listId ? [listId] : []
      );
      runLater(ctx, job, () => {
        for (const email of emails) {
          const profile = findByEmail(ctx.account, email) ?? createProfile(ctx.account, email);
          unsubscribe(ctx.account, profile, listId);
          job.completed_count++;
        }
      });
      return accepted();
    },
  },
  ...(['create', 'delete'] as const).flatMap((kind): Route[] => {
    const type = `profile-suppression-bulk-${kind}-job` as const;
    return [
      {
        method: 'POST',
        path: `/api/${type}s`,
        name: kind === 'create' ? 'bulkSuppressProfiles' : 'bulkUnsuppressProfiles',
        tier: TIERS.L,
        handler: (ctx) => {
          const data = dataOf(ctx, type);
          const profiles = profilesOf(attrsOf(data), 100, false);
          const listIds = relIds(data, 'list', 'list');
          requireLists(ctx, listIds, '/data/relationships/list/data/id');
          if (profiles.length === 0 && listIds.length === 0)
            throw errors.invalid('Give profiles (emails) or a list or segment.', '/data');
          const emails = profiles.map((p, i) =>
            emailOf(p, `/data/attributes/profiles/data/${i}/attributes/email`)
          );
          const targets = () => [
            ...emails.map(
              (e) =>
                findByEmail(ctx.account, e) ??
                (kind === 'create' ? createProfile(ctx.account, e) : undefined)
            ),
            ...listIds.flatMap((id) =>
              [...(ctx.account.lists.get(id)?.profiles ?? [])].map((pid) =>
                ctx.account.profiles.get(pid)
              )
            ),
          ];
          const job = newJob(type, emails.length, listIds);
          runLater(ctx, job, () => {
            for (const profile of targets()) {
              if (!profile) {
                job.failed_count++;
                continue;
              }
              if (kind === 'create') suppress(profile, 'USER_SUPPRESSED');
              else
                // Only USER_SUPPRESSED is removed; unsubscribes and bounces stay (JSDoc).
                profile.marketing.suppression = profile.marketing.suppression.filter(
                  (s) => s.reason !== 'USER_SUPPRESSED'
                );
              job.completed_count++;
            }
            job.total_count = job.completed_count + job.failed_count;
          });
          return accepted({ data: jobResource(ctx, job) });
        },
      },
      {
        method: 'GET',
        path: `/api/${type}s/:id`,
        name: kind === 'create' ? 'getBulkSuppressProfilesJob' : 'getBulkUnsuppressProfilesJob',
        tier: TIERS.L,
        handler: (ctx) => {
          const job = ctx.account.jobs.get(ctx.params.id);
          if (!job || job.type !== type) throw errors.notFound();
          return ok({ data: jobResource(ctx, job) });
        },
      },
    ];
  }),
  {
    method: 'POST',
    path: '/api/data-privacy-deletion-jobs',
    name: 'requestProfileDeletion',
    tier: TIERS.S,
    handler: (ctx) => {
      const attrs = attrsOf(dataOf(ctx, 'data-privacy-deletion-job'));
      const target = (
        attrs.profile as {
          data?: { type?: string; id?: string; attributes?: Record<string, unknown> };
        }
      )?.data;
      if (!target || target.type !== 'profile')
        throw errors.invalid(
          '"profile.data" must be {type: "profile", id | attributes: {email}}.',
          '/data/attributes/profile'
        );
      const profile = target.id
        ? ctx.account.profiles.get(target.id)
        : target.attributes
          ? findByEmail(
              ctx.account,
              emailOf(target.attributes, '/data/attributes/profile/data/attributes/email')
            )
          : undefined;
      const job = newJob('data-privacy-deletion-job', 1, []);
      runLater(ctx, job, () => {
        if (profile) deleteProfile(ctx.account, profile);
        job.completed_count = profile ? 1 : 0;
      });
      return accepted();
    },
  },
];
