import { validate as isValidCron } from 'node-cron';

/** Plugin configuration: defaults, merged with `config/plugins.ts` of the app, then validated. */
export interface MailchimpConfig {
  /** `{dc}` is replaced by the data center; default https://{dc}.api.mailchimp.com/3.0 (env MAILCHIMP_API_ROOT). */
  apiRoot?: string;
  /** An OAuth2 app (env MAILCHIMP_CLIENT_ID / MAILCHIMP_CLIENT_SECRET); without it, API keys only. */
  oauth?: { clientId?: string; clientSecret?: string; baseUrl?: string };
}

export interface JobsConfig {
  /** Run workers in this process (a web-only node can set false; its enqueues still land). */
  runWorkers: boolean;
  /** Jobs one process runs at once. API calls are further limited by `concurrency`. */
  concurrency: number;
  /** How often an idle worker looks for due jobs written by other processes. */
  pollIntervalMs: number;
  /** How long a claim holds a job; renewed every third of it while the handler runs. */
  leaseMs: number;
  /** Attempts (including the first) before a retryable failure makes a job `dead`. */
  maxAttempts: number;
  /** First retry delay ceiling; doubles each attempt (full jitter picks 0..ceiling). */
  backoffBaseMs: number;
  /** Largest retry delay ceiling. */
  backoffMaxMs: number;
  /** On shutdown, how long running jobs may finish before their leases are released. */
  shutdownGraceMs: number;
  /** Days a finished job is kept: done ones briefly, failed/dead/cancelled longer for the audit. */
  retention: { doneDays: number; failedDays: number };
}

/** One scheduled task: on each cron match it enqueues `jobType` once per slot, nothing more. */
export interface ScheduledTaskConfig {
  /** node-cron expression (5 or 6 fields), always evaluated in UTC. */
  cron: string;
  enabled: boolean;
  jobType: string;
  payload?: Record<string, unknown>;
  /** The feature that brings this job type's handler (shown while it is not registered). */
  feature?: string;
}

export interface PluginConfig {
  /** Concurrent requests per platform API key (Mailchimp allows 10 simultaneous connections). */
  concurrency: number;
  mailchimp: MailchimpConfig;
  jobs: JobsConfig;
  /** Run the scheduled tasks of `schedule` in this process (every process may; slots dedupe). */
  scheduler: boolean;
  schedule: Record<string, ScheduledTaskConfig>;
}

export const defaultConfig: PluginConfig = {
  concurrency: 8,
  mailchimp: {},
  jobs: {
    runWorkers: true,
    concurrency: 4,
    pollIntervalMs: 1000,
    leaseMs: 30_000,
    maxAttempts: 8,
    backoffBaseMs: 1000,
    backoffMaxMs: 15 * 60_000,
    shutdownGraceMs: 10_000,
    retention: { doneDays: 7, failedDays: 30 },
  },
  scheduler: true,
  schedule: {
    'contacts-reconcile': {
      cron: '0 5 * * *',
      enabled: true,
      jobType: 'contacts.reconcile',
      feature: 'contact sync',
    },
    'consent-import': {
      cron: '0 4 * * *',
      enabled: true,
      jobType: 'consent.import',
      feature: 'the consent loop',
    },
    'campaign-metrics': {
      cron: '30 7 * * *',
      enabled: true,
      jobType: 'campaigns.refresh-all',
      payload: { scope: 'all' },
      feature: 'campaigns',
    },
    'campaign-metrics-active': {
      cron: '0 */6 * * *',
      enabled: true,
      jobType: 'campaigns.refresh-all',
      payload: { scope: 'not-final' },
      feature: 'campaigns',
    },
    'segments-sync': {
      cron: '0 5 * * *',
      enabled: true,
      jobType: 'segments.syncAll',
      feature: 'segments',
    },
    cleanup: { cron: '0 3 * * *', enabled: true, jobType: 'jobs.cleanup' },
  },
};

const fail = (setting: string, rule: string, value: unknown): never => {
  throw new Error(`email-marketing: "${setting}" ${rule}; got ${JSON.stringify(value)}`);
};

const isWhole = (value: unknown, min: number, max: number): boolean =>
  Number.isInteger(value) && (value as number) >= min && (value as number) <= max;

const checkWhole = (setting: string, value: unknown, min: number, max: number) => {
  if (value !== undefined && !isWhole(value, min, max))
    fail(setting, `must be a whole number from ${min} to ${max}`, value);
};

const validateJobs = (jobs: Partial<JobsConfig>) => {
  if (jobs.runWorkers !== undefined && typeof jobs.runWorkers !== 'boolean')
    fail('jobs.runWorkers', 'must be true or false', jobs.runWorkers);
  checkWhole('jobs.concurrency', jobs.concurrency, 1, 64);
  checkWhole('jobs.pollIntervalMs', jobs.pollIntervalMs, 10, 3_600_000);
  checkWhole('jobs.leaseMs', jobs.leaseMs, 500, 3_600_000);
  checkWhole('jobs.maxAttempts', jobs.maxAttempts, 1, 100);
  checkWhole('jobs.backoffBaseMs', jobs.backoffBaseMs, 0, 86_400_000);
  checkWhole('jobs.backoffMaxMs', jobs.backoffMaxMs, 0, 7 * 86_400_000);
  checkWhole('jobs.shutdownGraceMs', jobs.shutdownGraceMs, 0, 600_000);
  checkWhole('jobs.retention.doneDays', jobs.retention?.doneDays, 0, 3650);
  checkWhole('jobs.retention.failedDays', jobs.retention?.failedDays, 0, 3650);
};

const validateSchedule = (schedule: Record<string, Partial<ScheduledTaskConfig>>) => {
  for (const [name, task] of Object.entries(schedule)) {
    const at = `schedule.${name}`;
    if (!/^[a-z0-9][a-z0-9-]*$/.test(name))
      fail(at, 'must be named with lower-case letters, digits and dashes', name);
    if (typeof task !== 'object' || task === null) fail(at, 'must be an object', task);
    if (typeof task.cron !== 'string' || !isValidCron(task.cron))
      fail(`${at}.cron`, 'is not a valid cron expression', task.cron);
    if (task.enabled !== undefined && typeof task.enabled !== 'boolean')
      fail(`${at}.enabled`, 'must be true or false', task.enabled);
    if (typeof task.jobType !== 'string' || task.jobType === '')
      fail(`${at}.jobType`, 'must name a job type', task.jobType);
  }
};

export const validateConfig = (config: Partial<PluginConfig>): void => {
  const { concurrency, mailchimp } = config;
  if (mailchimp?.apiRoot !== undefined && !/^https?:\/\//.test(mailchimp.apiRoot)) {
    throw new Error(
      `email-marketing: "mailchimp.apiRoot" must be an http(s) URL; got ${JSON.stringify(mailchimp.apiRoot)}`
    );
  }
  if (
    concurrency !== undefined &&
    (!Number.isInteger(concurrency) || concurrency < 1 || concurrency > 10)
  ) {
    throw new Error(
      `email-marketing: "concurrency" must be a whole number from 1 to 10 (Mailchimp allows 10 simultaneous connections); got ${String(concurrency)}`
    );
  }
  if (config.jobs !== undefined) validateJobs(config.jobs);
  if (config.scheduler !== undefined && typeof config.scheduler !== 'boolean')
    fail('scheduler', 'must be true or false', config.scheduler);
  if (config.schedule !== undefined) validateSchedule(config.schedule);
};

export default {
  default: defaultConfig,
  validator: validateConfig,
};
