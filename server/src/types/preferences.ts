/** Shapes of the Preferences and Audit admin API, shared by server and admin (types only). */

export type PreferenceStatusView =
  | 'subscribed'
  | 'pending'
  | 'unsubscribed'
  | 'cleaned'
  | 'forgotten'
  | 'transactional';

/** One preference row; an erased person's tombstone has no address (`erased: true`). */
export interface PreferenceView {
  id: number;
  email: string | null;
  erased: boolean;
  status: PreferenceStatusView;
  consentGivenAt: string | null;
  consentWithdrawnAt: string | null;
  source: string | null;
  confirmationSentAt: string | null;
  confirmedAt: string | null;
  updatedAt: string | null;
}

export interface PreferenceSearch {
  results: PreferenceView[];
  total: number;
  page: number;
  pageSize: number;
}

/** Where the address is pushed: one row per contact state (profile × entry). */
export interface PlatformStatusView {
  profileId: number;
  profileName: string;
  sourceUid: string;
  documentId: string;
  connectionId: number | null;
  connectionName: string | null;
  audienceId: string | null;
  remoteStatus: string | null;
  consent: boolean | null;
  lastSyncedAt: string | null;
  lastError: string | null;
}

export interface AuditEventView {
  id: number;
  at: string;
  actorType: 'admin' | 'webhook' | 'system';
  actorId: string | null;
  actorName: string | null;
  action: string;
  subjectType: string | null;
  subjectId: string | null;
  email: string | null;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
}

export interface PreferenceLookup {
  email: string;
  emailHash: string;
  /** null: the plugin holds no preference for this address yet. */
  record: PreferenceView | null;
  platforms: PlatformStatusView[];
  /** Audit events naming the address or its hash, newest first. */
  history: AuditEventView[];
}

export interface AuditFilters {
  action?: string;
  actorType?: 'admin' | 'webhook' | 'system';
  subjectType?: string;
  email?: string;
  /** ISO date or date-time; a bare date `to` includes that whole day (UTC). */
  from?: string;
  to?: string;
}

export interface AuditPage {
  events: AuditEventView[];
  total: number;
  page: number;
  pageSize: number;
}
