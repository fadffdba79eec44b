import type { AuditActor } from '../types/audit';

export interface AdminUser {
  id: number;
  firstname?: string | null;
  lastname?: string | null;
  email?: string;
}

/** The audit actor for the admin making a request. */
export const adminActor = (ctx: { state: { user?: AdminUser } }): AuditActor => {
  const user = ctx.state.user;
  if (!user) return { type: 'system' };
  const name = `${user.firstname ?? ''} ${user.lastname ?? ''}`.trim() || user.email;
  return { type: 'admin', id: user.id, name };
};
