import type { Core } from '@strapi/strapi';
import type { ContactPoints, PointHistoryItem, ThresholdFiring } from '../types/triggers';
import {
  FIRING_UID,
  POINT_EVENT_UID,
  RULE_UID,
  STATE_UID,
  THRESHOLD_UID,
  type FiringRow,
  type PointEventRow,
} from './rows';

const HISTORY = 100;

const namesOf = async (strapi: Core.Strapi, uid: string, ids: number[]) => {
  if (ids.length === 0) return new Map<number, string>();
  const rows = (await strapi.db
    .query(uid as never)
    .findMany({ select: ['id', 'name'], where: { id: { $in: [...new Set(ids)] } } })) as Array<{
    id: number;
    name: string;
  }>;
  return new Map(rows.map((r) => [r.id, r.name]));
};

/** One contact's points in one profile: total, VIP flag, newest history first, firings. */
export const contactPoints = async (
  strapi: Core.Strapi,
  profileId: number,
  documentId: string
): Promise<ContactPoints> => {
  const state = (await strapi.db.query(STATE_UID).findOne({
    select: ['email', 'points', 'vip'],
    where: { profileId, sourceDocumentId: documentId },
  })) as { email: string | null; points: number | null; vip: boolean | null } | null;
  const events = (await strapi.db.query(POINT_EVENT_UID).findMany({
    where: { profileId, contactDocumentId: documentId },
    orderBy: [{ at: 'desc' }, { id: 'desc' }],
    limit: HISTORY,
  })) as PointEventRow[];
  const firings = (await strapi.db.query(FIRING_UID).findMany({
    where: { profileId, contactDocumentId: documentId },
    orderBy: [{ firedAt: 'desc' }, { id: 'desc' }],
  })) as FiringRow[];
  const rules = await namesOf(
    strapi,
    RULE_UID,
    events.flatMap((e) => (e.ruleId ? [e.ruleId] : []))
  );
  const thresholds = await namesOf(
    strapi,
    THRESHOLD_UID,
    firings.map((f) => f.thresholdId)
  );
  const history: PointHistoryItem[] = events.map((e) => ({
    id: e.id,
    at: new Date(e.at).toISOString(),
    delta: e.delta,
    total: e.total ?? 0,
    ruleId: e.ruleId ?? null,
    ruleName: e.ruleId ? (rules.get(e.ruleId) ?? null) : null,
    cause: e.cause ?? '',
  }));
  const fired: ThresholdFiring[] = firings.map((f) => ({
    thresholdId: f.thresholdId,
    thresholdName: thresholds.get(f.thresholdId) ?? `#${f.thresholdId} (deleted)`,
    firedAt: new Date(f.firedAt).toISOString(),
    actions: f.actions ?? [],
    active: Boolean(f.active),
  }));
  return {
    profileId,
    documentId,
    email: state?.email ?? null,
    points: state?.points ?? 0,
    vip: Boolean(state?.vip),
    history,
    firings: fired,
  };
};
