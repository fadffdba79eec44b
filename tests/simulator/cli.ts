/**
 * `npm run simulator`: a Mailchimp simulator on http://127.0.0.1:4010 (PORT to change it),
 * seeded with one account and audience, printing the API key and the base URL to use.
 */
import { startSimulator } from './index';
import { seedDemoAccount } from './seed';

const main = async () => {
  const sim = await startSimulator({
    port: Number(process.env.SIMULATOR_PORT ?? 4010),
    logBodies: false,
    // Sent campaigns gain opens and clicks live: one simulated hour per second by default.
    engagementHoursPerSecond: Number(process.env.SIMULATOR_HOURS_PER_SECOND ?? 1),
  });
  const seeded = seedDemoAccount(sim);
  process.stdout.write(
    [
      `Mailchimp simulator on ${sim.url}`,
      `  API root (us1):  ${sim.apiRoot(seeded.dc)}`,
      `  API key:         ${seeded.apiKey}`,
      `  audience:        ${seeded.listName} (${seeded.listId}), ${seeded.memberCount} members`,
      `  control API:     ${sim.url}/_sim/stats, /_sim/requests, PUT /_sim/faults`,
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
