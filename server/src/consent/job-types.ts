/** Job types of the consent loop. */
export const WEBHOOKS_PROCESS_JOB = 'webhooks.process';
export const WEBHOOKS_REGISTER_JOB = 'webhooks.register';
export const CONSENT_PROPAGATE_JOB = 'consent.propagate';
/** The name the default schedule (config/index.ts, 04:00 UTC) already uses. */
export const CONSENT_IMPORT_JOB = 'consent.import';
