/**
 * `npm run simulator:klaviyo`: a Klaviyo simulator on http://127.0.0.1:4020 (KLAVIYO_SIMULATOR_PORT
 * to change it), seeded with one account and list, printing the key and the root to use.
 */
import { startKlaviyoSimulator } from './index';

const main = async () => {
  const sim = await startKlaviyoSimulator({
    port: Number(process.env.KLAVIYO_SIMULATOR_PORT ?? 4020),
    logBodies: false,
  });
  const { account, apiKey } = sim.createAccount({
    organizationName: 'Demo Store',
    senderEmail: 'news@demo-store.example',
  });
  const list = sim.createList(account.id, { name: 'Newsletter' });
  process.stdout.write(
    [
      `Klaviyo simulator on ${sim.url}`,
      `  KLAVIYO_API_ROOT=${sim.url}`,
      `  private API key: ${apiKey}`,
      `  list:            ${list.name} (${list.id})`,
      '',
    ].join('\n')
  );
  const stop = async () => {
    await sim.stop();
    process.exit(0);
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
};

void main();
