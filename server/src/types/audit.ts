export interface AuditActor {
  type: 'admin' | 'webhook' | 'system';
  id?: string | number;
  name?: string;
}

export interface AuditEventInput {
  action: string;
  subjectType?: string;
  subjectId?: string | number;
  email?: string;
  before?: Record<string, unknown> | null;
  after?: Record<string, unknown> | null;
}
