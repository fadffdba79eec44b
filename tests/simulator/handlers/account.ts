import { ok, type Handler } from '../context';

export const ping: Handler = () => ok({ health_status: "Everything's Chimpy!" });

export const root: Handler = ({ account }) => {
  const totalSubscribers = [...account.lists.values()].reduce(
    (sum, list) => sum + [...list.members.values()].filter((m) => m.status === 'subscribed').length,
    0
  );
  return ok({
    account_id: account.account_id,
    login_id: account.login_id,
    account_name: account.account_name,
    email: account.email,
    first_name: account.first_name,
    last_name: account.last_name,
    username: account.username,
    avatar_url: '',
    role: 'owner',
    member_since: '2020-01-01T00:00:00+00:00',
    pricing_plan_type: 'monthly',
    first_payment: '2020-01-01T00:00:00+00:00',
    account_timezone: 'Etc/UTC',
    account_industry: 'Software',
    contact: {
      company: account.account_name,
      addr1: '1 Main St',
      addr2: '',
      city: 'Atlanta',
      state: 'GA',
      zip: '30308',
      country: 'US',
    },
    pro_enabled: false,
    last_login: '2026-11-01T00:00:00+00:00',
    total_subscribers: totalSubscribers,
    industry_stats: { open_rate: 0.21, bounce_rate: 0.01, click_rate: 0.025 },
    _links: [],
  });
};
