import type { Core } from '@strapi/strapi';
import { eraseAddress } from '../consent/erase';
import { CONSENT_IMPORT_JOB } from '../consent/job-types';
import type { AuditActor } from '../types/audit';
import { toCsv } from '../utils/csv';
import { getService } from '../utils/get-service';

const AUDIT_COLUMNS = [
  'at',
  'actorType',
  'actorId',
  'actorName',
  'action',
  'subjectType',
  'subjectId',
  'email',
  'before',
  'after',
];
const MAX_AUDIT_ROWS = 5000;

/** Admin actions of the consent loop: import now, erase, the audit log. */
const consent = ({ strapi }: { strapi: Core.Strapi }) => ({
  /** Queues the same job the 04:00 UTC schedule runs (coalesced while one is queued). */
  async enqueueImport(actor: AuditActor) {
    const job = await getService(strapi, 'jobs').enqueue(
      CONSENT_IMPORT_JOB,
      { requestedBy: actor.id ?? null },
      { dedupeKey: 'consent:import', transaction: 'none' }
    );
    return { jobId: job.id };
  },

  erase(input: { email: unknown; confirm: unknown }, actor: AuditActor) {
    return eraseAddress(strapi, input, actor);
  },

  async audit(
    filters: { action?: string; email?: string; limit?: number },
    format: 'json' | 'csv'
  ) {
    const rows = (await getService(strapi, 'audit').list({
      action: filters.action || undefined,
      email: filters.email || undefined,
      limit: Math.min(Math.max(filters.limit ?? 500, 1), MAX_AUDIT_ROWS),
    })) as Array<Record<string, unknown>>;
    return format === 'csv' ? toCsv(AUDIT_COLUMNS, rows) : rows;
  },
});

export default consent;
