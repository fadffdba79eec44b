/** Point-style triggers (issue 10): the admin API's types, shared with the admin (types and constants only). */

export type PointEvent =
  /** An entry of `uid` is created whose `relationField` points at the contact. */
  | { type: 'entry.created'; uid: string; relationField: string }
  /** A contact field changes TO this value. */
  | { type: 'field.changed'; field: string; value: string | number | boolean | null }
  | { type: 'contact.published' }
  /** From per-member campaign activity imported with the metrics refresh. */
  | { type: 'campaign.opened' }
  | { type: 'campaign.clicked' }
  /** An admin's adjustment (the rule names it in the history). */
  | { type: 'manual' };

export type PointEventType = PointEvent['type'];
export const POINT_EVENT_TYPES: PointEventType[] = [
  'entry.created',
  'field.changed',
  'contact.published',
  'campaign.opened',
  'campaign.clicked',
  'manual',
];
export const LIMIT_PERIODS = ['ever', 'day', 'week', 'month'] as const;
export type LimitPeriod = (typeof LIMIT_PERIODS)[number];
export interface PointLimit {
  count: number;
  per: LimitPeriod;
}

export interface PointRuleInput {
  name: string;
  profileId: number;
  event: PointEvent;
  /** May be negative. */
  points: number;
  limit?: PointLimit | null;
  paused?: boolean;
}

export interface PointRuleView extends PointRuleInput {
  id: number;
  documentId: string;
  paused: boolean;
  pausedReason: string | null;
  awardedCount: number;
  createdAt: string;
  updatedAt: string;
}

export type ThresholdAction =
  | { type: 'push' }
  | { type: 'addTags'; tags: string[] }
  | { type: 'removeTags'; tags: string[] }
  | { type: 'addToSegment'; segmentId: number }
  /** Only when the contact has consent; never for a suppressed address. */
  | { type: 'startDoubleOptIn' }
  | { type: 'markVip' };
export type ThresholdActionType = ThresholdAction['type'];
export const THRESHOLD_ACTION_TYPES: ThresholdActionType[] = [
  'push',
  'addTags',
  'removeTags',
  'addToSegment',
  'startDoubleOptIn',
  'markVip',
];

export interface ThresholdInput {
  name: string;
  profileId: number;
  points: number;
  actions: ThresholdAction[];
  refireOnRecross: boolean;
  paused?: boolean;
}

export interface ThresholdView extends ThresholdInput {
  id: number;
  documentId: string;
  paused: boolean;
  firedCount: number;
  createdAt: string;
  updatedAt: string;
}

export interface PointHistoryItem {
  id: number;
  at: string;
  delta: number;
  total: number;
  ruleId: number | null;
  ruleName: string | null;
  cause: string;
}

export interface ThresholdFiring {
  thresholdId: number;
  thresholdName: string;
  firedAt: string;
  actions: string[];
  active: boolean;
}

export interface ContactPoints {
  profileId: number;
  documentId: string;
  email: string | null;
  points: number;
  vip: boolean;
  history: PointHistoryItem[];
  firings: ThresholdFiring[];
}

export interface TriggerEventOptions {
  contentTypes: Array<{ uid: string; displayName: string; relationFields: string[] }>;
  fields: Array<{ name: string; type: string; enum?: string[] }>;
}

export interface PointLeader {
  documentId: string;
  email: string | null;
  points: number;
  vip: boolean;
}
