import type { Core } from '@strapi/strapi';
import { eraseAddress } from '../consent/erase';
import { CONSENT_IMPORT_JOB } from '../consent/job-types';
import type { AuditActor } from '../types/audit';
import type { AuditFilters, AuditPage } from '../types/preferences';
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
// A CSV export holds at most this many rows (newest first); narrow the filters for older ones.
const MAX_AUDIT_ROWS = 50_000;

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

  /** One page of the filtered log, or every matching row (up to MAX_AUDIT_ROWS) as CSV. */
  async audit(filters: AuditFilters, paging: { page: number; pageSize: number }) {
    const service = getService(strapi, 'audit');
    const [events, total] = await Promise.all([
      service.list({
        ...filters,
        limit: paging.pageSize,
        offset: (paging.page - 1) * paging.pageSize,
      }),
      service.count(filters),
    ]);
    return { events, total, ...paging } satisfies AuditPage;
  },

  async auditCsv(filters: AuditFilters) {
    const rows = await getService(strapi, 'audit').list({ ...filters, limit: MAX_AUDIT_ROWS });
    return toCsv(AUDIT_COLUMNS, rows as unknown as Array<Record<string, unknown>>);
  },
});

export default consent;
