import { startStrapi } from '../helpers/strapi';

describe('plugin config at boot', () => {
  // The refused boot leaves Strapi's other loaders finishing in the background; let them end
  // before jest tears the module registry down.
  afterAll(() => new Promise((resolve) => setTimeout(resolve, 1500)));

  it('refuses to boot with a bad cron expression, naming the setting', async () => {
    await expect(
      startStrapi({
        seed: false,
        pluginConfig: { schedule: { 'contacts-reconcile': { cron: '0 25 * * *' } } },
      })
    ).rejects.toThrow('"schedule.contacts-reconcile.cron" is not a valid cron expression');
  });
});
