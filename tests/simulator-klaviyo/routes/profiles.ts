import { attrsOf, dataOf, EMAIL, ok, pageOf, type Route } from '../context';
import { errors } from '../errors';
import { matches, parseFilter } from '../filter';
import {
  applyAttributes,
  findByEmail,
  profileField,
  profileResource,
  PROFILE_ARRAYS,
  PROFILE_FILTERS,
} from '../profiles';
import { TIERS } from '../rate-limits';
import type { Profile } from '../state';

const SORTS: Record<string, (p: Profile) => string> = {
  id: (p) => p.id,
  created: (p) => p.created,
  updated: (p) => p.updated,
  email: (p) => p.email,
  'subscriptions.email.marketing.suppression.timestamp': (p) =>
    p.marketing.suppression[0]?.timestamp ?? '',
  'subscriptions.email.marketing.list_suppressions.timestamp': (p) =>
    p.marketing.list_suppressions[0]?.timestamp ?? '',
};

const additional = (query: URLSearchParams) =>
  (query.get('additional-fields[profile]') ?? '').split(',').filter(Boolean);

export const profileRoutes: Route[] = [
  {
    method: 'GET',
    path: '/api/profiles',
    name: 'getProfiles',
    tier: (query) => (additional(query).includes('predictive_analytics') ? TIERS.M : TIERS.L),
    handler: (ctx) => {
      const conditions = parseFilter(ctx.query.get('filter'), PROFILE_FILTERS);
      let profiles = [...ctx.account.profiles.values()].filter((p) =>
        matches(conditions, profileField(p), PROFILE_ARRAYS)
      );
      const sort = ctx.query.get('sort');
      if (sort) {
        const key = sort.replace(/^-/, '');
        const read = SORTS[key];
        if (!read) throw errors.invalidParam(`"${key}" is not a valid sort field.`, 'sort');
        profiles = [...profiles].sort(
          (a, b) => read(a).localeCompare(read(b)) * (sort.startsWith('-') ? -1 : 1)
        );
      }
      const page = pageOf(ctx, profiles, { max: 100, fallback: 20 });
      const subs = additional(ctx.query).includes('subscriptions');
      return ok({ data: page.items.map((p) => profileResource(ctx, p, subs)), links: page.links });
    },
  },
  {
    method: 'GET',
    path: '/api/profiles/:id',
    name: 'getProfile',
    tier: TIERS.L,
    handler: (ctx) => {
      const profile = ctx.account.profiles.get(ctx.params.id);
      if (!profile) throw errors.notFound(`A profile with id ${ctx.params.id} does not exist.`);
      return ok({
        data: profileResource(ctx, profile, additional(ctx.query).includes('subscriptions')),
      });
    },
  },

  {
    method: 'PATCH',
    path: '/api/profiles/:id',
    name: 'updateProfile',
    tier: TIERS.L,
    handler: (ctx) => {
      const profile = ctx.account.profiles.get(ctx.params.id);
      if (!profile) throw errors.notFound(`A profile with id ${ctx.params.id} does not exist.`);
      const data = dataOf(ctx, 'profile');
      if (data.id !== profile.id)
        throw errors.conflict('data.id must match the profile id in the path.');
      const attrs = attrsOf(data);
      if (attrs.email !== undefined) {
        const email = String(attrs.email).trim();
        if (!EMAIL.test(email))
          throw errors.invalid('Invalid email address.', '/data/attributes/email');
        const other = findByEmail(ctx.account, email);
        if (other && other.id !== profile.id)
          throw errors.conflict(
            `A profile already exists with the email ${email} (id ${other.id}).`
          );
        ctx.account.byEmail.delete(profile.email.toLowerCase());
        profile.email = email;
        ctx.account.byEmail.set(email.toLowerCase(), profile.id);
      }
      applyAttributes(profile, attrs);
      return ok({ data: profileResource(ctx, profile, false) });
    },
  },
];
