import { MailchimpClient, type MailchimpClientOptions } from '../../server/src/providers/mailchimp';
import { startSimulator, type MailchimpSimulator, type SimulatorOptions } from '../simulator';

export interface SimFixture {
  sim: MailchimpSimulator;
  accountId: string;
  apiKey: string;
  listId: string;
  client(options?: Partial<MailchimpClientOptions>): MailchimpClient;
}

/** A simulator with one account (data center us7) and one audience, plus a client factory. */
export const startSimFixture = async (options: SimulatorOptions = {}): Promise<SimFixture> => {
  const sim = await startSimulator(options);
  const { account, apiKey } = sim.createAccount({
    dc: 'us7',
    accountName: 'Fixture Co',
    email: 'owner@fixture.example',
  });
  const list = sim.createList(account.account_id, {
    name: 'Fixture audience',
    fromName: 'Fixture Co',
    fromEmail: 'news@fixture.example',
    mergeFields: [
      { tag: 'BIRTHDAY', name: 'Birthday', type: 'birthday', options: { date_format: 'MM/DD' } },
      { tag: 'JOINED', name: 'Joined', type: 'date', options: { date_format: 'YYYY-MM-DD' } },
      { tag: 'SCORE', name: 'Score', type: 'number' },
      { tag: 'PLAN', name: 'Plan', type: 'dropdown', options: { choices: ['free', 'pro'] } },
    ],
  });
  return {
    sim,
    accountId: account.account_id,
    apiKey,
    listId: list.id,
    client: (overrides = {}) =>
      new MailchimpClient({
        credentials: { kind: 'apiKey', apiKey },
        apiRoot: `${sim.url}/{dc}/3.0`,
        retry: { baseDelayMs: 5, maxDelayMs: 50, maxAttempts: 6 },
        timeoutMs: 5000,
        ...overrides,
      }),
  };
};
