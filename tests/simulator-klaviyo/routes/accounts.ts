import { ok, resource, type Ctx, type Route } from '../context';
import { errors } from '../errors';
import { TIERS } from '../rate-limits';

const accountResource = (ctx: Ctx) =>
  resource(ctx, 'account', ctx.account.id, {
    test_account: false,
    contact_information: {
      default_sender_name: ctx.account.senderName,
      default_sender_email: ctx.account.senderEmail,
      website_url: 'https://example.com',
      organization_name: ctx.account.organizationName,
      street_address: {
        address1: '1 Main St',
        address2: '',
        city: 'Boston',
        region: 'MA',
        country: 'US',
        zip: '02110',
      },
    },
    industry: 'Software / SaaS',
    timezone: 'America/New_York',
    preferred_currency: 'USD',
    public_api_key: ctx.account.id.slice(0, 6),
    locale: 'en-US',
  });

export const accountRoutes: Route[] = [
  {
    method: 'GET',
    path: '/api/accounts',
    name: 'getAccounts',
    tier: TIERS.XS,
    handler: (ctx) =>
      ok({ data: [accountResource(ctx)], links: { self: `${ctx.base}/api/accounts/` } }),
  },
  {
    method: 'GET',
    path: '/api/accounts/:id',
    name: 'getAccount',
    tier: TIERS.XS,
    handler: (ctx) => {
      if (ctx.params.id !== ctx.account.id) throw errors.notFound();
      return ok({ data: accountResource(ctx) });
    },
  },
];
