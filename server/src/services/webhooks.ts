import { createHash, randomBytes, timingSafeEqual } from 'crypto';
import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { PLUGIN_ID } from '../constants';
import { liveConnections, usedAudiences } from '../consent/used-audiences';
import { createIntakeQueue, type IntakeResult } from '../consent/intake-queue';
import { WEBHOOKS_REGISTER_JOB } from '../consent/job-types';
import { isPlatformError } from '../providers/errors';
import { getProviderFactory } from '../providers/registry';
import type { AuditActor } from '../types/audit';
import { getService } from '../utils/get-service';
import { serverUrl } from './platform-settings';
import { urlOrigin } from '../utils/url-origin';

const CONNECTION = 'plugin::email-marketing.connection';
export const WEBHOOK_EVENTS_TABLE = 'email_marketing_webhook_events';
/** Secrets are re-read at most this often, so forged requests cannot make every call a query. */
const SECRET_CACHE_MS = 30_000;
/**
 * Deliveries within this window count as a burst in progress (see `intakeBusy`): long enough
 * that the gaps between a platform's batches of deliveries on a busy machine do not count as
 * the end of the burst; processing then catches up 200 ms after the last delivery.
 */
const BUSY_WINDOW_MS = 200;

const REGISTRATION_CHECK: AuditActor = { type: 'system', name: 'webhook registration check' };

interface SecretRow {
  id: number;
  provider: string;
  status: string;
  webhookSecret: string | null;
}

export type ReceiveOutcome = IntakeResult;

export interface RegistrationReport {
  connectionId: number;
  url: string;
  audiences: Array<{
    audienceId: string;
    action: 'kept' | 'created' | 'repaired' | 'failed';
    error?: string;
  }>;
}

const digest = (value: string) => createHash('sha256').update(value).digest();

/**
 * Inbound webhooks: the per-connection secret in the URL, intake (store raw, deduplicated,
 * then a job processes it), and registration on the platform.
 */
const webhooks = ({ strapi }: { strapi: Core.Strapi }) => {
  const crypto = () => getService(strapi, 'crypto');
  let lastIntakeAt = 0;
  const intake = createIntakeQueue(strapi);
  let secrets: {
    at: number;
    list: Array<{ digest: Buffer; connectionId: number; provider: string }>;
  } | null = null;

  const loadSecrets = async () => {
    const rows = (await strapi.db.query(CONNECTION).findMany({
      where: { webhookSecret: { $notNull: true }, status: { $ne: 'disconnected' } },
      select: ['id', 'provider', 'status', 'webhookSecret'],
    })) as SecretRow[];
    const list = rows.map((row) => ({
      digest: digest(crypto().decrypt(row.webhookSecret!)),
      connectionId: row.id,
      provider: row.provider,
    }));
    secrets = { at: Date.now(), list };
    return list;
  };

  /** Constant time: every known secret is compared (as equal-length digests), none short-circuits. */
  const findBySecret = async (provider: string, secret: string) => {
    const list =
      secrets && Date.now() - secrets.at < SECRET_CACHE_MS ? secrets.list : await loadSecrets();
    const given = digest(secret);
    let found: number | null = null;
    for (const entry of list) {
      if (timingSafeEqual(entry.digest, given) && entry.provider === provider)
        found = entry.connectionId;
    }
    return found;
  };

  const ensureSecret = async (connectionId: number): Promise<string> => {
    const row = (await strapi.db.query(CONNECTION).findOne({
      where: { id: connectionId },
      select: ['id', 'webhookSecret'],
    })) as SecretRow | null;
    if (!row) throw new errors.NotFoundError('No such connection.');
    if (row.webhookSecret) return crypto().decrypt(row.webhookSecret);
    const secret = randomBytes(24).toString('base64url');
    await strapi.db
      .query(CONNECTION)
      .update({ where: { id: connectionId }, data: { webhookSecret: crypto().encrypt(secret) } });
    secrets = null;
    return secret;
  };

  const urlFor = (provider: string, secret: string) =>
    `${serverUrl(strapi)}/api/${PLUGIN_ID}/webhooks/${provider}/${secret}`;

  return {
    /** The prefix of every webhook URL this plugin registers (disconnect removes those). */
    urlPrefix: () => `${serverUrl(strapi)}/api/${PLUGIN_ID}/webhooks/`,

    /** Whether server.url is set: without it the platform has no address to call. */
    hasPublicUrl: () => /^https?:\/\//.test(String(strapi.config.get('server.url') ?? '')),

    /**
     * Whether deliveries are arriving right now in this process. On SQLite every write shares
     * one connection; the processing job steps aside during a burst so deliveries are answered
     * fast, and catches up after (each event is stored, so nothing waits in memory).
     */
    intakeBusy: () => Date.now() - lastIntakeAt < BUSY_WINDOW_MS,

    forgetCachedSecrets() {
      secrets = null;
    },

    /** Whether a GET (the platform's URL validation) names a known secret. */
    async isKnown(provider: string, secret: string) {
      return (await findBySecret(provider, secret)) !== null;
    },

    /**
     * Intake: wrong secret → 401 with nothing stored; unreadable body → 400; otherwise the raw
     * event is stored once (a unique dedupe key) and a job is queued. No platform call here.
     */
    async receive(provider: string, secret: string, body: unknown): Promise<ReceiveOutcome> {
      lastIntakeAt = Date.now();
      const connectionId = await findBySecret(provider, secret);
      if (connectionId === null)
        throw new errors.UnauthorizedError('Unknown webhook secret: this delivery was not stored.');
      const parsed = getProviderFactory(provider).parseWebhook(body);
      if (!parsed.ok) {
        strapi.log.warn(
          `[email-marketing] rejected a ${provider} webhook delivery: ${parsed.reason}`
        );
        throw new errors.ValidationError(`Malformed webhook delivery: ${parsed.reason}`);
      }
      const { webhook } = parsed;
      const dedupeKey = createHash('sha256')
        // The body too: a retry repeats it exactly, while two edits of one member within the
        // same second (fired_at has seconds) differ in their data and are both kept.
        .update(
          [
            provider,
            connectionId,
            webhook.type,
            webhook.identity,
            webhook.firedAt,
            JSON.stringify(webhook.raw),
          ].join('|')
        )
        .digest('hex');
      const event = webhook.event;
      const email =
        event.kind === 'email-changed' ? event.oldEmail : 'email' in event ? event.email : null;
      // Stored before the answer: the promise settles only after the commit (group commit).
      return intake.submit({
        provider,
        connectionId,
        type: webhook.type,
        firedAt: webhook.firedAt,
        audienceId: event.audienceId,
        email: email ? email.toLowerCase() : null,
        payload: webhook.raw,
        dedupeKey,
      });
    },

    /**
     * One webhook per used audience at this server's URL; a registration of ours at another URL
     * (the server moved, the secret changed) is deleted and created again.
     */
    async register(connectionId: number, actor: AuditActor): Promise<RegistrationReport> {
      const { connection, provider } = await getService(strapi, 'connections').provider(
        connectionId
      );
      const url = urlFor(connection.provider, await ensureSecret(connection.id));
      const prefix = this.urlPrefix();
      const secretPath = url.slice(serverUrl(strapi).length);
      const report: RegistrationReport = { connectionId, url, audiences: [] };
      for (const audienceId of await usedAudiences(strapi, connection)) {
        try {
          // Ours: at this server's URL, or at another host with our secret path (the public
          // URL changed since it was registered).
          const ours = (await provider.listWebhooks(audienceId)).filter(
            (h) => h.url.startsWith(prefix) || h.url.endsWith(secretPath)
          );
          if (ours.some((h) => h.url === url) && ours.length === 1) {
            report.audiences.push({ audienceId, action: 'kept' });
            continue;
          }
          for (const hook of ours)
            if (hook.url !== url) await provider.deleteWebhook(audienceId, hook.id);
          if (!ours.some((h) => h.url === url)) await provider.registerWebhook(audienceId, url);
          report.audiences.push({ audienceId, action: ours.length ? 'repaired' : 'created' });
        } catch (error) {
          if (isPlatformError(error) && error.retryable) throw error;
          report.audiences.push({ audienceId, action: 'failed', error: (error as Error).message });
        }
      }
      const failed = report.audiences.filter((a) => a.action === 'failed');
      await strapi.db.query(CONNECTION).update({
        where: { id: connectionId },
        data: {
          // The URL registered, so a boot with another public URL knows to repair it.
          webhooksUrl: url,
          webhooksRegisteredAt: failed.length ? null : new Date().toISOString(),
          webhooksError: failed.length
            ? failed.map((f) => `${f.audienceId}: ${f.error}`).join('; ')
            : null,
        },
      });
      await getService(strapi, 'audit').record(actor, {
        action: 'connection.webhooks-registered',
        subjectType: 'connection',
        subjectId: connectionId,
        after: { audiences: report.audiences },
      });
      return report;
    },

    /**
     * Queues a (re-)registration of a connection's webhooks: a job, so no save waits on the
     * platform (which validates the URL with a GET to this server). Nothing without a public URL.
     */
    async registerLater(connectionId: number, reason: string, delayMs = 0) {
      if (!this.hasPublicUrl()) return null;
      strapi.log.info(`[email-marketing] webhooks of connection ${connectionId}: ${reason}`);
      return getService(strapi, 'jobs').enqueue(
        WEBHOOKS_REGISTER_JOB,
        { connectionId },
        { dedupeKey: `webhooks:register:${connectionId}`, transaction: 'none', delayMs }
      );
    },

    /**
     * At boot: a connection whose webhooks were registered at another URL (the public URL
     * changed since) is registered again, through the job.
     */
    async repairAfterBoot({ delayMs = 0 }: { delayMs?: number } = {}) {
      if (!this.hasPublicUrl()) return [];
      const prefix = this.urlPrefix();
      const rows = (await strapi.db.query(CONNECTION).findMany({
        where: { webhookSecret: { $notNull: true }, status: { $ne: 'disconnected' } },
        select: ['id', 'webhooksUrl'],
      })) as Array<{ id: number; webhooksUrl: string | null }>;
      const repaired: number[] = [];
      for (const row of rows) {
        if (row.webhooksUrl?.startsWith(prefix)) continue;
        await this.registerLater(
          row.id,
          // The origin only: the stored URL's path is the connection's webhook secret.
          `registered at ${urlOrigin(row.webhooksUrl)}, the server is now ${urlOrigin(prefix)}`,
          delayMs
        );
        repaired.push(row.id);
      }
      if (repaired.length)
        await getService(strapi, 'audit').record(REGISTRATION_CHECK, {
          action: 'connection.webhooks-url-changed',
          subjectType: 'connection',
          after: { connectionIds: repaired, url: prefix },
        });
      return repaired;
    },

    /** Every live connection's registration (after a server URL change, say). */
    async registerAll(actor: AuditActor) {
      const reports: RegistrationReport[] = [];
      for (const connection of await liveConnections(strapi))
        reports.push(await this.register(connection.id, actor));
      return reports;
    },
  };
};

export default webhooks;
