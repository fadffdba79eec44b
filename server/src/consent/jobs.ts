import type { Core } from '@strapi/strapi';
import { isPlatformError } from '../providers/errors';
import { getProviderFactory } from '../providers/registry';
import type { AuditActor } from '../types/audit';
import { getService } from '../utils/get-service';
import { applyInboundEvent, type PropagatePayload } from './effects';
import { applyFormSubscribe, type FormSubscribePayload } from '../preferences/form-subscribe';
import { FORM_SUBSCRIBE_JOB } from '../preferences/job-types';
import { importOptOuts } from './import';
import {
  CONSENT_IMPORT_JOB,
  CONSENT_PROPAGATE_JOB,
  WEBHOOKS_PROCESS_JOB,
  WEBHOOKS_REGISTER_JOB,
} from './job-types';
import { resolvedProfiles, takeSnapshot, usedAudiences, type Snapshot } from './used-audiences';

const EVENT = 'plugin::email-marketing.webhook-event';
const STATE = 'plugin::email-marketing.contact-state';
const PAGE = 100;
const MAX_YIELD_MS = 1_000;
/** Events applied per transaction (one commit each). */
const COMMIT_EVERY = 25;
/** …or as many as fit in this time, whichever comes first. */
const GROUP_MS = 15;

interface StoredEvent {
  id: number;
  provider: string;
  connectionId: number;
  payload: unknown;
}

const WEBHOOK: AuditActor = { type: 'webhook', name: 'platform webhook' };
const SYSTEM: AuditActor = { type: 'system', name: 'consent loop' };

type Outcome = 'processed' | 'ignored' | 'skipped';

/** Handlers of the consent loop, registered in bootstrap before the engine starts. */
export const registerConsentJobs = (strapi: Core.Strapi) => {
  const jobs = getService(strapi, 'jobs');

  const mark = (row: StoredEvent, status: 'processed' | 'ignored' | 'failed', result: unknown) =>
    strapi.db
      .query(EVENT)
      .update({ where: { id: row.id }, data: { status, result, processedAt: new Date() } });

  /** Applies one stored event; called inside a transaction that also holds its mark. */
  const applyOne = async (row: StoredEvent, snapshot: Snapshot): Promise<Outcome> => {
    // A delivery during a run queues a second job, which may run alongside this one:
    // whoever flips the row out of `received` first applies it, the other skips it.
    const claim = await strapi.db.query(EVENT).updateMany({
      where: { id: row.id, status: 'received' },
      data: { status: 'processed' },
    });
    if (claim.count === 0) return 'skipped';
    const parsed = getProviderFactory(row.provider).parseWebhook(row.payload);
    if (!parsed.ok) throw new Error(parsed.reason);
    const result = await applyInboundEvent(
      strapi,
      {
        connectionId: row.connectionId,
        source: `webhook:${row.provider}`,
        actor: WEBHOOK,
        snapshot,
      },
      parsed.webhook.event
    );
    const outcome = 'ignored' in result ? 'ignored' : 'processed';
    await mark(row, outcome, result);
    return outcome;
  };

  // Drains every received event in arrival order; one event's failure is recorded on it alone.
  jobs.registerHandler(WEBHOOKS_PROCESS_JOB, async (_payload, context) => {
    const totals = { processed: 0, ignored: 0, failed: 0 };
    const webhooks = getService(strapi, 'webhooks');
    /** During a burst of deliveries, wait (at most MAX_YIELD_MS per event) so intake stays fast. */
    const yieldToIntake = async () => {
      const until = Date.now() + MAX_YIELD_MS;
      while (webhooks.intakeBusy() && Date.now() < until) {
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      if (Date.now() >= until) await context.progress(totals.processed + totals.ignored);
    };
    for (;;) {
      const batch = (await strapi.db.query(EVENT).findMany({
        where: { status: 'received' },
        orderBy: { id: 'asc' },
        limit: PAGE,
      })) as StoredEvent[];
      if (batch.length === 0) return totals;
      const snapshot = await takeSnapshot(strapi);
      for (let next = 0; next < batch.length; ) {
        await yieldToIntake();
        const group: StoredEvent[] = [];
        try {
          // Fast path: a group of events in one transaction, one commit (on SQLite the commit is
          // what an event costs). Each event's effects and its mark still commit together.
          const statuses = await strapi.db.transaction(async () => {
            // Time-boxed: the transaction holds SQLite's only connection, so deliveries wait.
            const until = Date.now() + GROUP_MS;
            const out: Outcome[] = [];
            while (next < batch.length && group.length < COMMIT_EVERY && Date.now() < until) {
              group.push(batch[next++]);
              out.push(await applyOne(group[group.length - 1], snapshot));
            }
            return out;
          });
          for (const status of statuses) if (status !== 'skipped') totals[status]++;
        } catch (error) {
          if (isPlatformError(error) && error.retryable) throw error;
          // One event (the group's last) failed and the group rolled back: apply them one by one, so the failure is
          // recorded on that event alone and the others still apply.
          for (const row of group) {
            try {
              const status = await strapi.db.transaction(() => applyOne(row, snapshot));
              if (status !== 'skipped') totals[status]++;
            } catch (failure) {
              if (isPlatformError(failure) && failure.retryable) throw failure;
              totals.failed++;
              await mark(row, 'failed', { error: (failure as Error).message });
            }
          }
        }
      }
    }
  });

  jobs.registerHandler<{ connectionId: number }>(WEBHOOKS_REGISTER_JOB, async ({ connectionId }) =>
    getService(strapi, 'webhooks').register(connectionId, SYSTEM)
  );

  // Best effort per audience: an address that is not a member there is simply not there.
  jobs.registerHandler<PropagatePayload>(
    CONSENT_PROPAGATE_JOB,
    async ({ connectionId, email, skipAudienceId }) => {
      const { connection, provider } = await getService(strapi, 'connections').provider(
        connectionId
      );
      const outcome: Record<string, string> = {};
      for (const audienceId of await usedAudiences(strapi, connection)) {
        if (audienceId === skipAudienceId) continue;
        try {
          const status = await provider.setContactStatus(audienceId, email, 'unsubscribed');
          outcome[audienceId] = status;
          await getService(strapi, 'audit').record(SYSTEM, {
            action: 'contact.unsubscribed',
            subjectType: 'connection',
            subjectId: connectionId,
            email: email.toLowerCase(),
            after: { status, audienceId, reason: 'opted out on another platform or audience' },
          });
          const profiles = (await resolvedProfiles(strapi))
            .filter((r) => r.connectionId === connectionId && r.audienceId === audienceId)
            .map((r) => r.profile.id);
          await strapi.db.query(STATE).updateMany({
            where: { profileId: { $in: profiles }, email: { $eqi: email } },
            data: { remoteStatus: status },
          });
        } catch (error) {
          if (!isPlatformError(error) || error.retryable) throw error;
          outcome[audienceId] = error.kind === 'not_found' ? 'not a member' : error.message;
        }
      }
      return outcome;
    }
  );

  jobs.registerHandler(CONSENT_IMPORT_JOB, async () => importOptOuts(strapi, SYSTEM));

  jobs.registerHandler<FormSubscribePayload>(FORM_SUBSCRIBE_JOB, async (payload) =>
    applyFormSubscribe(strapi, payload)
  );
};
