import type { Core, UID } from '@strapi/strapi';
import { labelFieldOf } from '../sync/sources';
import type { StoredProfile } from '../sync/profile-runtime';
import { getService } from '../utils/get-service';
import { applyAwardBatch, type Award } from './award';
import type { CapturePayload, ManualCapture, SaveCapture } from './job-types';
import { limitOf, triggerRows, type RuleRow } from './rows';
import { eventProblem, schemasOf } from './schema-check';
import { evaluateThresholds, type ContactRef } from './thresholds-eval';

const SYSTEM = { type: 'system' as const, name: 'point triggers' };

/** A rule that cannot work any more is paused with its reason and audited; the job goes on. */
export const pauseBroken = async (strapi: Core.Strapi, rule: RuleRow, reason: string) => {
  if (!(await triggerRows(strapi).pauseRule(rule.id, reason))) return;
  await getService(strapi, 'audit').record(SYSTEM, {
    action: 'points.rule-paused',
    subjectType: 'trigger',
    subjectId: rule.id,
    before: { paused: false },
    after: { name: rule.name, paused: true, pausedReason: reason },
  });
  getService(strapi, 'triggers').invalidate();
  strapi.log.warn(`[email-marketing] point rule "${rule.name}" paused: ${reason}`);
};

/** The rule if it can run now; otherwise null (paused, deleted, or just paused as broken). */
export const usableRule = async (
  strapi: Core.Strapi,
  rule: RuleRow | null,
  profiles: Map<number, StoredProfile | null>
): Promise<{ rule: RuleRow; profile: StoredProfile } | null> => {
  if (!rule || rule.paused) return null;
  if (!profiles.has(rule.profileId))
    profiles.set(
      rule.profileId,
      await getService(strapi, 'syncProfiles').findStored(rule.profileId)
    );
  const profile = profiles.get(rule.profileId);
  const problem = profile
    ? eventProblem(schemasOf(strapi), profile.sourceUid, rule.event)
    : `The sync profile ${rule.profileId} of this rule was deleted.`;
  if (problem || !profile) {
    await pauseBroken(strapi, rule, problem ?? 'The sync profile was deleted.');
    return null;
  }
  return { rule, profile };
};

/** The contacts an entry's relation points at (every version of the entry, one level). */
const relatedContacts = async (
  uid: string,
  documentId: string,
  field: string,
  strapi: Core.Strapi
) => {
  const versions = (await strapi.db.query(uid as UID.Schema).findMany({
    where: { documentId },
    populate: { [field]: { select: ['documentId'] } },
  })) as Array<Record<string, unknown>>;
  const ids = new Set<string>();
  for (const version of versions) {
    const related = version[field];
    for (const item of Array.isArray(related) ? related : related ? [related] : [])
      if (typeof (item as { documentId?: unknown }).documentId === 'string')
        ids.add((item as { documentId: string }).documentId);
  }
  return { ids: [...ids], entry: versions[0] ?? null };
};

const describeEntry = (strapi: Core.Strapi, uid: string, entry: Record<string, unknown> | null) => {
  const schema = schemasOf(strapi)[uid];
  const name = schema?.info.displayName ?? uid;
  const labelField = schema ? labelFieldOf(schemasOf(strapi) as never, uid) : undefined;
  const label = (labelField && entry?.[labelField]) || entry?.reference || entry?.id;
  return `${name} ${label !== undefined && label !== null ? `#${String(label)} ` : ''}created`;
};

type Resolve = (ruleId: number) => Promise<{ rule: RuleRow; profile: StoredProfile } | null>;

const saveAwards = async (
  strapi: Core.Strapi,
  payload: SaveCapture,
  resolve: Resolve
): Promise<Award[]> => {
  const awards: Award[] = [];
  const at = new Date(payload.at);
  for (const ruleId of payload.ruleIds) {
    const usable = await resolve(ruleId);
    if (!usable) continue;
    const { rule, profile } = usable;
    const event = rule.event;
    let contacts: string[] = [];
    let cause = '';
    let eventKey = `save:${payload.eventId}`;
    if (
      event.type === 'entry.created' &&
      event.uid === payload.uid &&
      payload.action === 'create'
    ) {
      const related = await relatedContacts(
        payload.uid,
        payload.documentId,
        event.relationField,
        strapi
      );
      contacts = related.ids;
      cause = describeEntry(strapi, payload.uid, related.entry);
      eventKey = `created:${payload.uid}:${payload.documentId}`;
    } else if (profile.sourceUid === payload.uid && event.type === 'field.changed') {
      contacts = [payload.documentId];
      cause = `${event.field} changed to ${String(event.value)}`;
    } else if (profile.sourceUid === payload.uid && event.type === 'contact.published') {
      contacts = [payload.documentId];
      cause = 'Contact published';
    }
    for (const documentId of contacts)
      awards.push({
        ruleId: rule.id,
        limit: limitOf(rule),
        profileId: rule.profileId,
        documentId,
        delta: rule.points,
        cause,
        key: `r${rule.id}|${eventKey}|p${rule.profileId}:${documentId}`,
        at,
      });
  }
  return awards;
};

const manualAward = (payload: ManualCapture, rule: RuleRow | undefined): Award => {
  return {
    ruleId: rule?.id ?? null,
    limit: null,
    profileId: payload.profileId,
    documentId: payload.documentId,
    delta: payload.delta,
    cause: `Manual: ${payload.reason} (${payload.actorName})`,
    key: `manual:${payload.eventId}`,
    at: new Date(payload.at),
  };
};

/** Applies awards in set-wise chunks, then checks the touched contacts against their thresholds. */
export const applyAwards = async (strapi: Core.Strapi, awards: Award[]) => {
  const outcomes = { awarded: 0, duplicate: 0, limited: 0 };
  for (const outcome of await applyAwardBatch(strapi, awards)) outcomes[outcome]++;
  // Checked even for a duplicate: the attempt that awarded may have died before firing.
  const touched = new Map<string, ContactRef>();
  for (const award of awards) touched.set(`${award.profileId}:${award.documentId}`, award);
  const { fired } = await evaluateThresholds(strapi, [...touched.values()]);
  return { ...outcomes, fired };
};

/**
 * points.capture, for one claimed batch of saves and adjustments: their rules read once (not
 * per job), resolved to contacts, awarded within limits, thresholds checked once per contact.
 */
export const processCaptures = async (strapi: Core.Strapi, payloads: CapturePayload[]) => {
  const ruleIds = [...new Set(payloads.flatMap((p) => (p.action === 'manual' ? [] : p.ruleIds)))];
  const rules = new Map(
    (ruleIds.length > 0 ? await triggerRows(strapi).rules({ id: { $in: ruleIds } }) : []).map(
      (r) => [r.id, r]
    )
  );
  const profiles = new Map<number, StoredProfile | null>();
  const usable = new Map<number, Promise<{ rule: RuleRow; profile: StoredProfile } | null>>();
  const resolve: Resolve = (ruleId) => {
    if (!usable.has(ruleId))
      usable.set(ruleId, usableRule(strapi, rules.get(ruleId) ?? null, profiles));
    return usable.get(ruleId)!;
  };
  // The profile's manual rule (if any) names its adjustments in the history.
  const manualRules = new Map<number, RuleRow | undefined>();
  const awards: Award[] = [];
  for (const payload of payloads) {
    if (payload.action !== 'manual') {
      awards.push(...(await saveAwards(strapi, payload, resolve)));
      continue;
    }
    if (!manualRules.has(payload.profileId))
      manualRules.set(
        payload.profileId,
        (await triggerRows(strapi).rules({ profileId: payload.profileId })).find(
          (r) => r.event?.type === 'manual' && !r.paused
        )
      );
    awards.push(manualAward(payload, manualRules.get(payload.profileId)));
  }
  return applyAwards(strapi, awards);
};
