import type { AuditFilters } from '../types/preferences';

/** The audit filters of a query string; empty values mean "any" (checked by the audit service). */
export const auditFilters = (query: Record<string, unknown>): AuditFilters => {
  const text = (key: string) => {
    const value = query[key];
    return typeof value === 'string' && value.trim() ? value.trim() : undefined;
  };
  return {
    action: text('action'),
    actorType: text('actorType') as AuditFilters['actorType'],
    subjectType: text('subjectType'),
    email: text('email'),
    from: text('from'),
    to: text('to'),
  };
};
