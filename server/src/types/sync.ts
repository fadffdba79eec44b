/** Shapes of the contact-sync admin API, shared by server and admin (types only). */
import type { MergeFieldKind } from '../providers/types';

export type { MergeFieldKind };

export interface SourceAttribute {
  name: string;
  /** Strapi attribute type: string, email, boolean, enumeration, date, relation, … */
  type: string;
  enum?: string[];
  /** For relations: the target uid and the attribute used as its label. */
  target?: string;
  labelField?: string;
}

/** A collection type that can be mapped: one with an email or string attribute. */
export interface SyncSource {
  uid: string;
  displayName: string;
  draftAndPublish: boolean;
  attributes: SourceAttribute[];
  /** Attributes that can hold the email: type email first, then strings. */
  emailCandidates: string[];
}

export type ConsentRule =
  | { kind: 'boolean' }
  | { kind: 'enumeration'; values: string[] }
  /** No consent field: only with `acknowledged: true` (everyone is treated as consenting). */
  | { kind: 'none'; acknowledged: boolean };

export interface MergeMapping {
  /** Strapi attribute name (a relation maps its label). */
  attribute: string;
  tag: string;
}

export interface ProfileInput {
  name: string;
  sourceUid: string;
  emailField: string;
  /** null: the connection's default. */
  connectionId: number | null;
  /** null: the connection's default audience. */
  audienceId: string | null;
  syncDrafts: boolean;
  consentField: string | null;
  consentRule: ConsentRule;
  mergeFields: MergeMapping[];
  staticTags: string[];
  tagAttribute: string | null;
  doubleOptIn: boolean;
  welcomeTag: string | null;
  onDelete: 'archive' | 'keep' | 'delete';
  /** A platform profile change updates the mapped attributes of the entry (off by default). */
  flowBack: boolean;
  /** What erasing an address does to its Strapi entries: keep them, blank them, or delete them. */
  onErase: 'keep' | 'anonymise' | 'delete';
  enabled: boolean;
}

export interface ProfileView extends ProfileInput {
  id: number;
  /** The resolved connection and audience. */
  resolvedConnectionId: number | null;
  resolvedAudienceId: string | null;
  stats: {
    contacts: number;
    synced: number;
    errors: number;
    subscribed: number;
    pending: number;
    unsubscribed: number;
    cleaned: number;
  };
  lastFullSyncAt: string | null;
  /** The full sync in progress, if any (for the progress bar). */
  runningJob: { id: number; done: number; total: number | null; status: string } | null;
  createdAt: string;
  updatedAt: string;
}

export type { AudienceField as AudienceMergeField } from '../providers/types';

export interface PreviewContact {
  documentId: string;
  email: string | null;
  /** What a new member would be created as; `skipped` when no consent or suppressed. */
  status: 'subscribed' | 'pending' | 'skipped';
  skipReason?: string;
  mergeFields: Record<string, unknown>;
  tags: string[];
  errors: Array<{ field: string; message: string }>;
}

export interface ContactSyncState {
  profileId: number;
  profileName: string;
  email: string | null;
  remoteStatus: string | null;
  lastSyncedAt: string | null;
  lastError: string | null;
  pending: boolean;
}
