import type { MailchimpSimulator } from './index';

/** A fixed demo key so the demo and docs can name it; it only ever works on the simulator. */
export const DEMO_API_KEY = '0123456789abcdef0123456789abcdef-us1';

/** One account with one audience (with a few existing members), for the CLI and the demo. */
export const seedDemoAccount = (sim: MailchimpSimulator) => {
  const { account, apiKey } = sim.createAccount({
    apiKey: DEMO_API_KEY,
    accountName: 'Demo Coffee Co.',
    email: 'owner@demo-coffee.example',
  });
  const list = sim.createList(account.account_id, {
    name: 'Demo Coffee newsletter',
    fromName: 'Demo Coffee',
    fromEmail: 'news@demo-coffee.example',
    mergeFields: [
      { tag: 'BIRTHDAY', name: 'Birthday', type: 'birthday', options: { date_format: 'MM/DD' } },
      { tag: 'COMPANY', name: 'Company', type: 'text' },
    ],
  });
  sim.seedMembers(list.id, [
    {
      email_address: 'existing.subscriber@example.com',
      status_if_new: 'subscribed',
      merge_fields: { FNAME: 'Existing' },
    },
    {
      email_address: 'already.unsubscribed@example.com',
      status_if_new: 'unsubscribed',
      merge_fields: { FNAME: 'Gone' },
    },
  ]);
  return {
    accountId: account.account_id,
    apiKey,
    dc: account.dc,
    listId: list.id,
    listName: list.name,
    memberCount: list.members.size,
  };
};
