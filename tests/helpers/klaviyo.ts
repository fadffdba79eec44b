import type { ProviderSettings } from '../../server/src/providers/types';
import {
  createKlaviyoProvider,
  type KlaviyoProviderOptions,
} from '../../server/src/providers/klaviyo';
import {
  startKlaviyoSimulator,
  type KlaviyoSimulator,
  type KlaviyoSimulatorOptions,
} from '../simulator-klaviyo';

export interface KlaviyoFixture {
  sim: KlaviyoSimulator;
  accountId: string;
  apiKey: string;
  /** A single opt-in list and a double opt-in one. */
  listId: string;
  doubleOptInListId: string;
  /** The provider against the simulator, with short retry and poll delays. */
  provider(
    options?: KlaviyoProviderOptions,
    settings?: Partial<ProviderSettings>
  ): ReturnType<typeof createKlaviyoProvider>;
  /** The env a Strapi under test needs to reach this simulator. */
  env: { KLAVIYO_API_ROOT: string };
}

/** A Klaviyo simulator with one account and two lists, plus a provider factory. */
export const startKlaviyoFixture = async (
  options: KlaviyoSimulatorOptions = {}
): Promise<KlaviyoFixture> => {
  const sim = await startKlaviyoSimulator(options);
  const { account, apiKey } = sim.createAccount({
    organizationName: 'Fixture Store',
    senderName: 'Fixture Store',
    senderEmail: 'news@fixture-store.example',
  });
  const list = sim.createList(account.id, { name: 'Fixture newsletter' });
  const doi = sim.createList(account.id, { name: 'Fixture double opt-in', doubleOptIn: true });
  return {
    sim,
    accountId: account.id,
    apiKey,
    listId: list.id,
    doubleOptInListId: doi.id,
    env: { KLAVIYO_API_ROOT: sim.url },
    provider: (overrides = {}, settings = {}) =>
      createKlaviyoProvider(
        { kind: 'apiKey', apiKey },
        { concurrency: 8, apiRoot: sim.url, ...settings },
        {
          retry: { baseMs: 5, maxMs: 2000, maxAttempts: 8, maxElapsedMs: 60_000 },
          pollStartMs: 10,
          pollMaxMs: 100,
          timeoutMs: 10_000,
          ...overrides,
        }
      ),
  };
};
