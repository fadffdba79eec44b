import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { applyInboundEvent, propagateOptOut } from '../consent/effects';
import { takeSnapshot } from '../consent/used-audiences';
import { stateStore } from '../sync/state-store';
import type { AuditActor } from '../types/audit';
import { getService } from '../utils/get-service';
import { optionalText, parseEmail } from './address';

/**
 * An admin withdraws consent for a person: the same effect as a platform's unsubscribe webhook
 * (preference unsubscribed, mapped consent fields cleared, contact states updated), applied for
 * every audience a profile pushes to, then the opt-out is sent to every connected platform.
 */
export const withdrawConsent = async (
  strapi: Core.Strapi,
  input: { email: unknown; reason?: unknown },
  actor: AuditActor
) => {
  const email = parseEmail(input.email);
  const reason = optionalText(input.reason, 'reason', 500);
  const existing = await stateStore(strapi).preference(email);
  if (existing?.status === 'forgotten')
    throw new errors.ValidationError(
      'This address was erased at the person’s request: there is no consent left to withdraw.'
    );
  if (existing?.status === 'cleaned')
    throw new errors.ValidationError(
      'This address bounced (cleaned): nothing is sent to it already, and it stays suppressed.'
    );
  return strapi.db.transaction(async () => {
    const snapshot = await takeSnapshot(strapi);
    const targets = new Map(
      snapshot.profiles.map((r) => [`${r.connectionId}:${r.audienceId}`, r] as const)
    );
    const origin = (connectionId: number) => ({
      connectionId,
      source: 'admin',
      actor,
      snapshot,
    });
    const event = (audienceId: string) => ({
      kind: 'unsubscribed' as const,
      audienceId,
      email,
      ...(reason ? { reason } : {}),
    });
    const applied: string[] = [];
    // No profile pushes anywhere yet: the preference alone records the withdrawal.
    if (targets.size === 0) {
      const result = await applyInboundEvent(strapi, origin(0), event(''));
      if ('applied' in result) applied.push(...result.applied);
    }
    for (const { connectionId, audienceId } of targets.values()) {
      const result = await applyInboundEvent(strapi, origin(connectionId), event(audienceId));
      if ('applied' in result) applied.push(...result.applied);
    }
    // The effect assumes the reporting audience already unsubscribed the person; here none
    // did, so every used audience of every connection gets it (the latest payload wins).
    await propagateOptOut(strapi, email, null, snapshot);
    await getService(strapi, 'audit').record(actor, {
      action: 'consent.withdrawn',
      subjectType: 'preference',
      email,
      before: { status: existing?.status ?? null },
      after: { status: 'unsubscribed', ...(reason ? { reason } : {}) },
    });
    return { applied };
  });
};
