import {
  attrsOf,
  created,
  dataOf,
  noContent,
  ok,
  pageOf,
  requireString,
  resource,
  type Ctx,
  type Route,
} from '../context';
import { errors } from '../errors';
import { matches, parseFilter } from '../filter';
import { profileField, profileResource, PROFILE_ARRAYS } from '../profiles';
import { TIERS } from '../rate-limits';
import { newId, nowIso, type List } from '../state';

const listOf = (ctx: Ctx) => {
  const list = ctx.account.lists.get(ctx.params.id);
  if (!list) throw errors.notFound(`A list with id ${ctx.params.id} does not exist.`);
  return list;
};

const withCount = (query: URLSearchParams) =>
  (query.get('additional-fields[list]') ?? '').split(',').includes('profile_count');

const listResource = (ctx: Ctx, list: List, count: boolean) =>
  resource(ctx, 'list', list.id, {
    name: list.name,
    created: list.created,
    updated: list.updated,
    opt_in_process: list.opt_in_process,
    ...(count ? { profile_count: list.profiles.size } : {}),
  });

/** `data: [{type: 'profile', id}]`, at most 1000 (the SDK's JSDoc). */
const profileIds = (ctx: Ctx): string[] => {
  const body = ctx.body as { data?: unknown } | undefined;
  if (!body || !Array.isArray(body.data))
    throw errors.invalid('"data" must be an array of {type: "profile", id}.', '/data');
  if (body.data.length > 1000)
    throw errors.invalid(`At most 1000 profiles per call; got ${body.data.length}.`, '/data');
  return body.data.map((item, i) => {
    const r = item as { type?: string; id?: string };
    if (r.type !== 'profile' || typeof r.id !== 'string')
      throw errors.invalid('Each item must be {type: "profile", id}.', `/data/${i}`);
    if (!ctx.account.profiles.has(r.id))
      throw errors.invalid(`Profile ${r.id} does not exist.`, `/data/${i}/id`);
    return r.id;
  });
};

export const listRoutes: Route[] = [
  {
    method: 'GET',
    path: '/api/lists',
    name: 'getLists',
    tier: TIERS.L,
    handler: (ctx) => {
      if (withCount(ctx.query))
        throw errors.invalidParam(
          "'profile_count' is not a valid additional field for this endpoint; use Get List.",
          'additional-fields[list]'
        );
      const conditions = parseFilter(ctx.query.get('filter'), {
        name: ['any', 'equals'],
        id: ['any', 'equals'],
        created: ['greater-than'],
        updated: ['greater-than'],
      });
      const lists = [...ctx.account.lists.values()].filter((l) =>
        matches(conditions, (f) => (l as unknown as Record<string, unknown>)[f])
      );
      const page = pageOf(ctx, lists, { max: 10, fallback: 10 });
      return ok({ data: page.items.map((l) => listResource(ctx, l, false)), links: page.links });
    },
  },
  {
    method: 'POST',
    path: '/api/lists',
    name: 'createList',
    tier: TIERS.LIST_CREATE,
    handler: (ctx) => {
      const attrs = attrsOf(dataOf(ctx, 'list'));
      const name = requireString(attrs.name, '/data/attributes/name', 'name');
      const at = nowIso();
      const list: List = {
        id: newId(6),
        name,
        opt_in_process:
          attrs.opt_in_process === 'double_opt_in' ? 'double_opt_in' : 'single_opt_in',
        created: at,
        updated: at,
        profiles: new Set(),
      };
      ctx.account.lists.set(list.id, list);
      return created({ data: listResource(ctx, list, false) });
    },
  },
  {
    method: 'GET',
    path: '/api/lists/:id',
    name: 'getList',
    // Asking for profile_count moves the call to a much smaller tier (SDK JSDoc).
    tier: (query) => (withCount(query) ? TIERS.XS : TIERS.L),
    handler: (ctx) => ok({ data: listResource(ctx, listOf(ctx), withCount(ctx.query)) }),
  },
  {
    method: 'PATCH',
    path: '/api/lists/:id',
    name: 'updateList',
    tier: TIERS.M,
    handler: (ctx) => {
      const list = listOf(ctx);
      const data = dataOf(ctx, 'list');
      if (data.id !== list.id) throw errors.conflict('data.id must match the list id in the path.');
      const attrs = attrsOf(data);
      if (attrs.name !== undefined)
        list.name = requireString(attrs.name, '/data/attributes/name', 'name');
      if (attrs.opt_in_process === 'double_opt_in' || attrs.opt_in_process === 'single_opt_in')
        list.opt_in_process = attrs.opt_in_process;
      list.updated = nowIso();
      return ok({ data: listResource(ctx, list, false) });
    },
  },
  {
    method: 'DELETE',
    path: '/api/lists/:id',
    name: 'deleteList',
    tier: TIERS.M,
    handler: (ctx) => {
      ctx.account.lists.delete(listOf(ctx).id);
      return noContent();
    },
  },
  {
    method: 'GET',
    path: '/api/lists/:id/profiles',
    name: 'getProfilesForList',
    tier: TIERS.L,
    handler: (ctx) => {
      const list = listOf(ctx);
      const conditions = parseFilter(ctx.query.get('filter'), {
        email: ['any', 'equals'],
        phone_number: ['any', 'equals'],
        push_token: ['any', 'equals'],
        _kx: ['equals'],
        joined_group_at: ['greater-or-equal', 'greater-than', 'less-or-equal', 'less-than'],
      });
      const withSubs = (ctx.query.get('additional-fields[profile]') ?? '').includes(
        'subscriptions'
      );
      const profiles = [...list.profiles]
        .map((id) => ctx.account.profiles.get(id)!)
        .filter((p) => p && matches(conditions, profileField(p), PROFILE_ARRAYS));
      const page = pageOf(ctx, profiles, { max: 100, fallback: 20 });
      return ok({
        data: page.items.map((p) => profileResource(ctx, p, withSubs)),
        links: page.links,
      });
    },
  },
  {
    method: 'GET',
    path: '/api/lists/:id/relationships/profiles',
    name: 'getProfileIdsForList',
    tier: TIERS.L,
    handler: (ctx) => {
      const page = pageOf(ctx, [...listOf(ctx).profiles], { max: 1000, fallback: 20 });
      return ok({ data: page.items.map((id) => ({ type: 'profile', id })), links: page.links });
    },
  },
  {
    method: 'POST',
    path: '/api/lists/:id/relationships/profiles',
    name: 'addProfilesToList',
    tier: TIERS.M,
    handler: (ctx) => {
      const list = listOf(ctx);
      // Adds membership only: consent is not changed (use Subscribe Profiles for that).
      for (const id of profileIds(ctx)) list.profiles.add(id);
      list.updated = nowIso();
      return noContent();
    },
  },
  {
    method: 'DELETE',
    path: '/api/lists/:id/relationships/profiles',
    name: 'removeProfilesFromList',
    tier: TIERS.M,
    handler: (ctx) => {
      const list = listOf(ctx);
      for (const id of profileIds(ctx)) list.profiles.delete(id);
      list.updated = nowIso();
      return noContent();
    },
  },
];
