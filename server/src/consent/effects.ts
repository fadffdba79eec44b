import type { Core, UID } from '@strapi/strapi';
import type { InboundEvent } from '../providers/types';
import { stateStore, emailHash, type ContactStateRow } from '../sync/state-store';
import type { AuditActor } from '../types/audit';
import { getService } from '../utils/get-service';
import { flowBackProfile } from './flow-back';
import { CONSENT_PROPAGATE_JOB } from './job-types';
import {
  liveConnections,
  resolvedProfiles,
  usedAudiences,
  type ResolvedProfile,
  type Snapshot,
} from './used-audiences';

const STATE = 'plugin::email-marketing.contact-state';

/** Where an event came from: the connection (and its audience) that reported it. */
export interface EventOrigin {
  connectionId: number;
  /** e.g. `webhook:mailchimp` or `import:mailchimp`, recorded as the preference's source. */
  source: string;
  actor: AuditActor;
  /** Connections and profiles already read for this batch of events. */
  snapshot?: Snapshot;
}

export type EffectResult = { applied: string[] } | { ignored: string };

export interface PropagatePayload {
  connectionId: number;
  email: string;
  /** The audience the opt-out came from (already unsubscribed there). */
  skipAudienceId?: string;
}

const now = () => new Date().toISOString();

/** The contact-states of `email` in the profiles that push to this connection's audience. */
const statesOn = async (
  strapi: Core.Strapi,
  connectionId: number,
  audienceId: string,
  email: string,
  snapshot?: Snapshot
): Promise<Array<{ resolved: ResolvedProfile; state: ContactStateRow }>> => {
  const out: Array<{ resolved: ResolvedProfile; state: ContactStateRow }> = [];
  for (const resolved of await resolvedProfiles(strapi, snapshot)) {
    if (resolved.connectionId !== connectionId || resolved.audienceId !== audienceId) continue;
    const rows = (await strapi.db.query(STATE).findMany({
      where: { profileId: resolved.profile.id, email: { $eqi: email } },
    })) as ContactStateRow[];
    for (const state of rows) out.push({ resolved, state });
  }
  return out;
};

/**
 * Clears the mapped consent field of one entry. Written with the query engine, which runs no
 * document-service middleware: the plugin's own push never sees this write, so it cannot echo
 * the opt-out back or re-subscribe anyone.
 */
export const clearConsentField = async (
  strapi: Core.Strapi,
  resolved: ResolvedProfile,
  documentId: string
) => {
  const { profile } = resolved;
  if (!profile.consentField || profile.consentRule.kind === 'none') return null;
  const cleared = profile.consentRule.kind === 'boolean' ? false : null;
  await strapi.db
    .query(profile.sourceUid as UID.Schema)
    .updateMany({ where: { documentId }, data: { [profile.consentField]: cleared } });
  return { field: profile.consentField, value: cleared };
};

/** Invariant 4: one job per connection marks the address unsubscribed on its audiences. */
export const propagateOptOut = async (
  strapi: Core.Strapi,
  email: string,
  from: { connectionId: number; audienceId: string } | null,
  snapshot?: Snapshot
) => {
  for (const connection of await liveConnections(strapi, snapshot)) {
    const payload: PropagatePayload = {
      connectionId: connection.id,
      email,
      ...(from && from.connectionId === connection.id ? { skipAudienceId: from.audienceId } : {}),
    };
    // Nothing else to reach on this connection (its only used audience reported the opt-out).
    const targets = (await usedAudiences(strapi, connection, snapshot)).filter(
      (audienceId) => audienceId !== payload.skipAudienceId
    );
    if (targets.length === 0) continue;
    await getService(strapi, 'jobs').enqueue(CONSENT_PROPAGATE_JOB, payload, {
      // Joins the caller's transaction when there is one (the webhook job applies an event in one).
      dedupeKey: `propagate:${connection.id}:${emailHash(email)}`,
    });
  }
};

const optOut = async (
  strapi: Core.Strapi,
  origin: EventOrigin,
  event: { audienceId: string; email: string; reason?: string },
  status: 'unsubscribed' | 'cleaned'
): Promise<EffectResult> => {
  const store = stateStore(strapi);
  const audit = getService(strapi, 'audit');
  const applied: string[] = [];
  if ((await store.preference(event.email))?.status === 'forgotten')
    return { ignored: 'the address was erased' };
  const changed = await store.setPreference(event.email, status, {
    source: origin.source,
    ...(status === 'unsubscribed' ? { consentWithdrawnAt: now() } : {}),
  });
  if (changed) {
    applied.push(`preference ${changed.from ?? 'none'} → ${status}`);
    await audit.record(origin.actor, {
      action: `contact.${status}`,
      subjectType: 'preference',
      email: event.email.toLowerCase(),
      before: { status: changed.from },
      after: {
        status,
        source: origin.source,
        audienceId: event.audienceId,
        ...(event.reason ? { reason: event.reason } : {}),
      },
    });
  }
  for (const { resolved, state } of await statesOn(
    strapi,
    origin.connectionId,
    event.audienceId,
    event.email,
    origin.snapshot
  )) {
    const cleared =
      status === 'unsubscribed'
        ? await clearConsentField(strapi, resolved, state.sourceDocumentId)
        : null;
    await store.saveState(resolved.profile.id, state.sourceDocumentId, state, {
      remoteStatus: status,
      ...(cleared ? { consent: false } : {}),
      lastError: null,
      lastErrorKind: null,
    });
    if (state.remoteStatus !== status || cleared)
      await audit.record(origin.actor, {
        action: cleared ? 'contact.consent-cleared' : `contact.${status}`,
        subjectType: resolved.profile.sourceUid,
        subjectId: state.sourceDocumentId,
        email: event.email.toLowerCase(),
        before: { remoteStatus: state.remoteStatus, consent: state.consent },
        after: {
          remoteStatus: status,
          ...(cleared ? { [cleared.field]: cleared.value } : {}),
        },
      });
    applied.push(`profile ${resolved.profile.id} entry ${state.sourceDocumentId}`);
  }
  // An opt-out reaches every connected platform; a bounce is this address on this platform only.
  if (status === 'unsubscribed')
    await propagateOptOut(
      strapi,
      event.email,
      { connectionId: origin.connectionId, audienceId: event.audienceId },
      origin.snapshot
    );
  return { applied };
};

const confirmed = async (
  strapi: Core.Strapi,
  origin: EventOrigin,
  event: { audienceId: string; email: string }
): Promise<EffectResult> => {
  const store = stateStore(strapi);
  const audit = getService(strapi, 'audit');
  const existing = await store.preference(event.email);
  if (existing?.status === 'forgotten') return { ignored: 'the address was erased' };
  const changed = await store.setPreference(event.email, 'subscribed', {
    source: origin.source,
    confirmedAt: now(),
    consentGivenAt: existing?.consentGivenAt ?? now(),
  });
  if (changed)
    await audit.record(origin.actor, {
      action: 'contact.subscribed',
      subjectType: 'preference',
      email: event.email.toLowerCase(),
      before: { status: changed.from },
      after: { status: 'subscribed', confirmed: true, audienceId: event.audienceId },
    });
  for (const { resolved, state } of await statesOn(
    strapi,
    origin.connectionId,
    event.audienceId,
    event.email,
    origin.snapshot
  ))
    await store.saveState(resolved.profile.id, state.sourceDocumentId, state, {
      remoteStatus: 'subscribed',
    });
  return changed
    ? { applied: [`preference ${changed.from ?? 'none'} → subscribed`] }
    : { applied: [] };
};

const emailChanged = async (
  strapi: Core.Strapi,
  origin: EventOrigin,
  event: { audienceId: string; oldEmail: string; newEmail: string }
): Promise<EffectResult> => {
  const store = stateStore(strapi);
  const audit = getService(strapi, 'audit');
  const applied: string[] = [];
  const preference = await store.preference(event.oldEmail);
  const taken = await store.preference(event.newEmail);
  if (preference?.status === 'forgotten') return { ignored: 'the old address was erased' };
  if (preference && !taken) {
    await strapi.db.query('plugin::email-marketing.preference').update({
      where: { id: preference.id },
      data: { email: event.newEmail.toLowerCase(), emailHash: emailHash(event.newEmail) },
    });
    applied.push('preference moved');
  }
  for (const { resolved, state } of await statesOn(
    strapi,
    origin.connectionId,
    event.audienceId,
    event.oldEmail,
    origin.snapshot
  )) {
    const { profile } = resolved;
    try {
      // Query engine again: the member already has the new address; no push is needed.
      await strapi.db.query(profile.sourceUid as UID.Schema).updateMany({
        where: { documentId: state.sourceDocumentId },
        data: { [profile.emailField]: event.newEmail },
      });
      await store.saveState(profile.id, state.sourceDocumentId, state, { email: event.newEmail });
      applied.push(`profile ${profile.id} entry ${state.sourceDocumentId}`);
    } catch (error) {
      // e.g. another entry already holds the new address (a unique email field).
      await store.saveState(profile.id, state.sourceDocumentId, state, {
        lastError: `The address changed on the platform to ${event.newEmail}, but the entry could not follow: ${(error as Error).message}`,
        lastErrorKind: 'validation',
      });
      continue;
    }
    await audit.record(origin.actor, {
      action: 'contact.email-changed',
      subjectType: profile.sourceUid,
      subjectId: state.sourceDocumentId,
      email: event.newEmail.toLowerCase(),
      before: { email: event.oldEmail },
      after: { email: event.newEmail },
    });
  }
  return { applied };
};

/** What an inbound event changes locally; shared by webhooks and the daily import. */
export const applyInboundEvent = async (
  strapi: Core.Strapi,
  origin: EventOrigin,
  event: InboundEvent
): Promise<EffectResult> => {
  switch (event.kind) {
    case 'unsubscribed':
      return optOut(strapi, origin, event, 'unsubscribed');
    case 'cleaned':
      return optOut(strapi, origin, event, 'cleaned');
    case 'subscribed':
      return confirmed(strapi, origin, event);
    case 'email-changed':
      return emailChanged(strapi, origin, event);
    case 'profile':
      // Off by default: only profiles with `flowBack` take the platform's values.
      return flowBackProfile(
        strapi,
        origin,
        event,
        await statesOn(strapi, origin.connectionId, event.audienceId, event.email, origin.snapshot)
      );
    case 'other':
      return { ignored: `${event.type} events need no action` };
  }
};
