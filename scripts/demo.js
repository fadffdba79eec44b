'use strict';
/**
 * `npm run demo`: builds what is stale, seeds the playground and starts Strapi on
 * http://localhost:1337/admin. Later work starts the Mailchimp simulator here too
 * (see `startSideServices`), so the demo never needs a real platform account.
 */
const fs = require('fs');
const path = require('path');
const { ensureAdminBuilt, log } = require('./lib/build');
const { playground } = require('./lib/paths');
const { bootPlayground, seedPlayground } = require('./lib/playground');

/**
 * The Mailchimp simulator, seeded with a demo account and audience, unless MAILCHIMP_API_KEY
 * is set (then the plugin talks to the real Mailchimp API and nothing is simulated).
 */
const startSideServices = async () => {
  if (process.env.MAILCHIMP_API_KEY) {
    log('MAILCHIMP_API_KEY is set: using the real Mailchimp API, no simulator');
    return { apiKey: process.env.MAILCHIMP_API_KEY, stop: async () => {}, describe: () => [] };
  }
  require('./lib/register-ts');
  const { startSimulator } = require('../tests/simulator/index.ts');
  const { seedDemoAccount } = require('../tests/simulator/seed.ts');
  const sim = await startSimulator({
    port: Number(process.env.SIMULATOR_PORT ?? 4010),
    logBodies: false,
    // Sent campaigns gain opens and clicks live: one simulated hour per second by default.
    engagementHoursPerSecond: Number(process.env.SIMULATOR_HOURS_PER_SECOND ?? 1),
  });
  const demo = seedDemoAccount(sim);
  // Read by the plugin's Mailchimp client (see README, Configuration) instead of *.api.mailchimp.com.
  process.env.MAILCHIMP_API_ROOT = `${sim.url}/{dc}/3.0`;
  return {
    apiKey: demo.apiKey,
    stop: () => sim.stop(),
    describe: () => [
      `Mailchimp simulator on ${sim.url} (audience "${demo.listName}", ${demo.memberCount} members)`,
      `Mailchimp API key for the demo: ${demo.apiKey}`,
    ],
  };
};

/**
 * The simulator keeps its state in memory, so each demo starts from a fresh database that
 * matches it (an old one would point at members and campaigns the new simulator never had).
 * With a real Mailchimp key the database persists between runs, as a real project's would.
 */
const demoDatabase = () => {
  if (process.env.MAILCHIMP_API_KEY || process.env.DATABASE_FILENAME) return undefined;
  const file = path.join(playground, '.tmp', 'demo.db');
  for (const suffix of ['', '-wal', '-shm', '-journal']) fs.rmSync(file + suffix, { force: true });
  return file;
};

/**
 * First run: connect the Mailchimp account and map the playground's contacts to its default
 * audience, then start a full sync, so the Mapping and Activity pages show real work at once.
 */
const connectAndSync = async (app, apiKey) => {
  const plugin = app.plugin('email-marketing');
  const actor = { type: 'system', name: 'demo' };
  if ((await plugin.service('connections').list()).length === 0) {
    const connection = await plugin
      .service('connections')
      .connectWithApiKey({ provider: 'mailchimp', apiKey, senderName: 'Demo Coffee' }, actor);
    log(`connected to ${connection.accountName} (${connection.dataCenter})`);
  }
  if ((await plugin.service('syncProfiles').listStored()).length > 0) return;
  const profile = await plugin.service('syncProfiles').create(
    {
      name: 'Playground contacts',
      sourceUid: 'api::contact.contact',
      emailField: 'email',
      consentField: 'marketingConsent',
      consentRule: { kind: 'boolean' },
      mergeFields: [
        { attribute: 'firstName', tag: 'FNAME' },
        { attribute: 'lastName', tag: 'LNAME' },
        { attribute: 'birthday', tag: 'BIRTHDAY' },
        { attribute: 'company', tag: 'COMPANY' },
      ],
      staticTags: ['strapi-demo'],
      tagAttribute: 'interests',
      welcomeTag: 'welcome',
    },
    actor
  );
  await plugin.service('syncProfiles').enqueueFullSync(profile.id, 'manual');
  log(
    'mapped api::contact.contact to the audience and started a full sync (see Email marketing › Field mapping)'
  );
};

/**
 * First run: once the contact sync has drained, a campaign built from three playground articles
 * is sent; the demo's refresh task (every 10 s, see below) then draws its opens and clicks as the
 * simulator's engagement unfolds (one simulated hour per second).
 */
const sendDemoCampaign = async (app) => {
  const plugin = app.plugin('email-marketing');
  const campaigns = plugin.service('campaigns');
  if ((await campaigns.list()).length > 0) return;
  const deadline = Date.now() + 60_000;
  const busy = () =>
    app.db.query('plugin::email-marketing.job').count({
      where: { status: { $in: ['queued', 'running'] }, type: { $startsWith: 'contacts.' } },
    });
  while ((await busy()) > 0 && Date.now() < deadline)
    await new Promise((resolve) => setTimeout(resolve, 500));
  const articles = await app
    .documents('api::article.article')
    .findMany({ status: 'published', sort: 'id:asc', limit: 3 });
  const actor = { type: 'system', name: 'demo' };
  const draft = await campaigns.create(
    {
      name: 'Demo digest',
      subject: 'This month at Demo Coffee',
      previewText: 'Cold brew, single origin and latte art',
      contentMode: 'entries',
      intro: 'Three stories from the roastery.',
      entries: articles.map((a) => ({ uid: 'api::article.article', documentId: a.documentId })),
    },
    actor
  );
  const sent = await campaigns.send(draft.id, actor);
  log(
    `sent the campaign "${sent.name}" to ${sent.recipientCount} contacts (see Email marketing › Campaigns)`
  );
};

(async () => {
  const started = Date.now();
  // Campaign metrics every 10 s instead of 07:30 daily, so the demo's charts fill within a minute.
  process.env.EMAIL_MARKETING_CONFIG ??= JSON.stringify({
    schedule: {
      'demo-campaign-refresh': {
        cron: '*/10 * * * * *',
        enabled: true,
        jobType: 'campaigns.refresh-all',
        payload: { scope: 'all' },
        feature: 'campaigns',
      },
    },
  });
  ensureAdminBuilt();
  const side = await startSideServices();
  process.env.LOG_LEVEL ??= 'info';
  const app = await bootPlayground({
    port: Number(process.env.PORT ?? 1337),
    databaseFilename: demoDatabase(),
  });
  await seedPlayground(app);
  await app.listen();
  await connectAndSync(app, side.apiKey);
  const { SEED_USERS } = require('../playground/dist/src/seed.js');
  const url = `http://localhost:${app.config.get('server.port')}/admin`;
  log(`ready in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  log(`open ${url}`);
  log(`log in as ${SEED_USERS.admin.email} / ${SEED_USERS.admin.password}`);
  log(
    `(an editor without plugin permissions: ${SEED_USERS.editor.email} / ${SEED_USERS.editor.password})`
  );
  for (const line of side.describe()) log(line);
  sendDemoCampaign(app).catch((error) => log(`the demo campaign was not sent: ${error.message}`));
  const shutdown = async () => {
    await side.stop();
    await app.destroy();
    process.exit(0);
  };
  process.once('SIGINT', shutdown);
  process.once('SIGTERM', shutdown);
})().catch((error) => {
  console.error(error);
  process.exit(1);
});
