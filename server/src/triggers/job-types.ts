/** Job types of point triggers, and their payloads. */
export const CAPTURE_JOB = 'points.capture';
export const FIRE_JOB = 'points.fire';
export const CAMPAIGN_ACTIVITY_JOB = 'points.campaign-activity';
export const RECALCULATE_JOB = 'points.recalculate';
export const CHECK_RULES_JOB = 'points.check-rules';

/** A save that may match rules: which rules, and an id that names this save for idempotency. */
export interface SaveCapture {
  action: 'create' | 'update' | 'publish';
  uid: string;
  documentId: string;
  ruleIds: number[];
  eventId: string;
  at: string;
}

/** An admin's adjustment, applied by the worker like any other award. */
export interface ManualCapture {
  action: 'manual';
  profileId: number;
  documentId: string;
  delta: number;
  reason: string;
  actorName: string;
  eventId: string;
  at: string;
}

export type CapturePayload = SaveCapture | ManualCapture;

export interface FirePayload {
  firingId: number;
}

export interface CampaignActivityPayload {
  /** The platform's campaign id. */
  remoteId: string;
  name: string;
  connectionId: number | null;
}

export interface RecalculatePayload {
  profileId: number;
  documentId?: string;
}
