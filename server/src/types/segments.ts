/** Shapes of the segments admin API (issue 8), shared by server and admin (types only). */

export type SegmentOperator =
  | 'eq'
  | 'ne'
  | 'contains'
  | 'notContains'
  | 'in'
  | 'notIn'
  | 'before'
  | 'after'
  | 'gt'
  | 'lt'
  | 'isEmpty'
  | 'isNotEmpty';

export interface SegmentCondition {
  /** An attribute of the profile's source type, or one level into a relation: 'organization.name'. */
  field: string;
  operator: SegmentOperator;
  /** Absent for isEmpty/isNotEmpty; string[] for in/notIn; an ISO date for before/after. */
  value?: string | number | boolean | string[];
}

export type SegmentMatch = 'all' | 'any';
export type SegmentStatus = 'pending' | 'syncing' | 'synced' | 'error';
export type SegmentRemoteKind = 'static_segment' | 'tag';

/** What the last sync did (beyond the contract's fields; additive). */
export interface SegmentSyncResult {
  added: number;
  removed: number;
  /** Matching contacts that are not on the audience: skipped, never created. */
  skippedNotOnAudience: number;
  calls: number;
}

export interface SegmentView {
  id: number;
  documentId: string;
  name: string;
  /** The free "type" (customer / vendor / mixed …). */
  label: string | null;
  profileId: number;
  profileName: string | null;
  audienceId: string | null;
  match: SegmentMatch;
  conditions: SegmentCondition[];
  remoteKind: SegmentRemoteKind;
  remoteId: string | null;
  remoteName: string | null;
  status: SegmentStatus;
  memberCount: number;
  lastSyncedAt: string | null;
  lastError: string | null;
  lastSync: SegmentSyncResult | null;
  createdAt: string;
  updatedAt: string;
}

export type SegmentAttributeType =
  | 'string'
  | 'text'
  | 'email'
  | 'uid'
  | 'enumeration'
  | 'boolean'
  | 'integer'
  | 'biginteger'
  | 'decimal'
  | 'float'
  | 'date'
  | 'datetime'
  | 'time';

export interface SegmentAttribute {
  /** 'city', 'birthday', 'organization.name' */
  path: string;
  /** 'City', 'Organization › Name' */
  label: string;
  type: SegmentAttributeType;
  /** The operators that make sense for the type. */
  operators: SegmentOperator[];
  /** For enumerations. */
  enum?: string[];
}

export interface SegmentPreview {
  count: number;
  sample: Array<{ documentId: string; email: string | null; label: string }>;
}

export interface SegmentInput {
  name: string;
  label: string | null;
  profileId: number;
  match: SegmentMatch;
  conditions: SegmentCondition[];
  remoteKind: SegmentRemoteKind;
}
