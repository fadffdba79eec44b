import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { emailHash } from '../sync/state-store';
import type { AuditActor, AuditEventInput } from '../types/audit';
import type { AuditEventView, AuditFilters } from '../types/preferences';

const UID = 'plugin::email-marketing.audit-event';
const ACTOR_TYPES = new Set(['admin', 'webhook', 'system']);
const BARE_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** A filter date: a bare `to` date means the end of that day (UTC), so the day is included. */
const boundary = (value: string, side: 'from' | 'to'): Date => {
  const bare = BARE_DATE.test(value);
  const date = new Date(bare ? `${value}T00:00:00.000Z` : value);
  if (Number.isNaN(date.getTime()))
    throw new errors.ValidationError(
      `"${side}" must be a date (YYYY-MM-DD) or an ISO date-time; got "${value}".`
    );
  if (bare && side === 'to') date.setUTCDate(date.getUTCDate() + 1);
  return date;
};

/** The where clause of a filtered audit query; `email` also matches its hash once erased. */
const whereOf = (filters: AuditFilters) => {
  if (filters.actorType && !ACTOR_TYPES.has(filters.actorType))
    throw new errors.ValidationError('"actorType" is one of admin, webhook, system.');
  const address = filters.email?.trim().toLowerCase();
  const and: Array<Record<string, unknown>> = [];
  if (filters.action) and.push({ action: filters.action });
  if (filters.actorType) and.push({ actorType: filters.actorType });
  if (filters.subjectType) and.push({ subjectType: filters.subjectType });
  if (address) {
    const hashed = `sha256:${emailHash(address)}`;
    // The erasure event itself names the person by hash in subjectId only.
    and.push({ $or: [{ email: { $in: [address, hashed] } }, { subjectId: hashed }] });
  }
  if (filters.from) and.push({ at: { $gte: boundary(filters.from, 'from') } });
  if (filters.to) {
    const end = boundary(filters.to, 'to');
    and.push({ at: BARE_DATE.test(filters.to) ? { $lt: end } : { $lte: end } });
  }
  return and.length ? { $and: and } : {};
};

/** The audit log: append-only records of who changed what. */
const audit = ({ strapi }: { strapi: Core.Strapi }) => ({
  async record(actor: AuditActor, event: AuditEventInput) {
    return strapi.db.query(UID).create({
      data: {
        at: new Date(),
        actorType: actor.type,
        actorId: actor.id === undefined ? null : String(actor.id),
        actorName: actor.name ?? null,
        action: event.action,
        subjectType: event.subjectType ?? null,
        subjectId: event.subjectId === undefined ? null : String(event.subjectId),
        email: event.email ?? null,
        before: event.before ?? null,
        after: event.after ?? null,
      },
    });
  },

  /** Newest first; `email` matches the address or, once erased, its hash. */
  async list(
    filters: AuditFilters & { limit?: number; offset?: number } = {}
  ): Promise<AuditEventView[]> {
    return strapi.db.query(UID).findMany({
      where: whereOf(filters),
      orderBy: [{ at: 'desc' }, { id: 'desc' }],
      limit: filters.limit ?? 50,
      offset: filters.offset ?? 0,
    }) as Promise<AuditEventView[]>;
  },

  async count(filters: AuditFilters = {}): Promise<number> {
    return Number(await strapi.db.query(UID).count({ where: whereOf(filters) }));
  },
});

export default audit;
