import type { Core } from '@strapi/strapi';
import { emailHash } from '../sync/state-store';
import type { AuditActor, AuditEventInput } from '../types/audit';

const UID = 'plugin::email-marketing.audit-event';

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
  async list({
    action,
    subjectType,
    email,
    limit = 50,
  }: { action?: string; subjectType?: string; email?: string; limit?: number } = {}) {
    const address = email?.trim().toLowerCase();
    return strapi.db.query(UID).findMany({
      where: {
        ...(action ? { action } : {}),
        ...(subjectType ? { subjectType } : {}),
        ...(address ? { email: { $in: [address, `sha256:${emailHash(address)}`] } } : {}),
      },
      orderBy: [{ at: 'desc' }, { id: 'desc' }],
      limit,
    });
  },
});

export default audit;
