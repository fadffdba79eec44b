import type { Core } from '@strapi/strapi';
import type { LimitPeriod, PointEvent, PointLimit, ThresholdAction } from '../types/triggers';

export const RULE_UID = 'plugin::email-marketing.trigger';
export const THRESHOLD_UID = 'plugin::email-marketing.trigger-threshold';
export const POINT_EVENT_UID = 'plugin::email-marketing.point-event';
export const FIRING_UID = 'plugin::email-marketing.threshold-firing';
export const STATE_UID = 'plugin::email-marketing.contact-state';

export const POINT_EVENTS_TABLE = 'email_marketing_point_events';
export const FIRINGS_TABLE = 'email_marketing_threshold_firings';
export const STATES_TABLE = 'email_marketing_contact_states';

export interface RuleRow {
  id: number;
  documentId: string;
  name: string;
  profileId: number;
  event: PointEvent;
  points: number;
  limitCount: number | null;
  limitPer: LimitPeriod | null;
  paused: boolean | null;
  pausedReason: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface ThresholdRow {
  id: number;
  documentId: string;
  name: string;
  profileId: number;
  points: number;
  actions: ThresholdAction[];
  refireOnRecross: boolean | null;
  paused: boolean | null;
  createdAt: string;
  updatedAt: string;
}

export interface FiringRow {
  id: number;
  thresholdId: number;
  profileId: number;
  contactDocumentId: string;
  firedAt: string;
  active: boolean | null;
  generation: number;
  firingKey: string;
  actions: string[] | null;
}

export interface PointEventRow {
  id: number;
  profileId: number;
  contactDocumentId: string;
  ruleId: number | null;
  delta: number;
  total: number | null;
  cause: string | null;
  at: string;
  idempotencyKey: string;
}

export const limitOf = (rule: Pick<RuleRow, 'limitCount' | 'limitPer'>): PointLimit | null =>
  rule.limitCount && rule.limitPer ? { count: rule.limitCount, per: rule.limitPer } : null;

/** Reads of the trigger tables that several modules share. */
export const triggerRows = (strapi: Core.Strapi) => ({
  rule: async (id: number) =>
    (await strapi.db.query(RULE_UID).findOne({ where: { id } })) as RuleRow | null,
  rules: async (where: Record<string, unknown> = {}) =>
    (await strapi.db.query(RULE_UID).findMany({ where, orderBy: { id: 'asc' } })) as RuleRow[],
  threshold: async (id: number) =>
    (await strapi.db.query(THRESHOLD_UID).findOne({ where: { id } })) as ThresholdRow | null,
  thresholds: async (where: Record<string, unknown> = {}) =>
    (await strapi.db
      .query(THRESHOLD_UID)
      .findMany({ where, orderBy: { points: 'asc' } })) as ThresholdRow[],
  /** Pauses an active rule; false if it was paused already (two workers met it at once). */
  pauseRule: async (id: number, reason: string) => {
    const { count } = (await strapi.db.query(RULE_UID).updateMany({
      where: { id, $or: [{ paused: false }, { paused: { $null: true } }] },
      data: { paused: true, pausedReason: reason },
    })) as { count: number };
    return Number(count) > 0;
  },
});
