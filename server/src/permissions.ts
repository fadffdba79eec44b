import { PLUGIN_ID, PLUGIN_UID_PREFIX } from './constants';

/**
 * Every admin route names one of these. Registered in bootstrap so that roles can be
 * granted them in Settings > Roles; the full id is `plugin::email-marketing.<uid>`.
 */
export const ACTIONS = {
  read: { uid: 'read', displayName: 'Read overview' },
  'settings.read': {
    uid: 'settings.read',
    displayName: 'Read connections and settings',
    subCategory: 'settings',
  },
  'settings.update': {
    uid: 'settings.update',
    displayName: 'Connect, disconnect and change settings',
    subCategory: 'settings',
  },
  'mapping.read': { uid: 'mapping.read', displayName: 'Read field mappings and sync state' },
  'mapping.manage': { uid: 'mapping.manage', displayName: 'Edit field mappings and run syncs' },
  jobsRead: { uid: 'jobs.read', displayName: 'Read jobs and schedule (Activity)' },
  jobsManage: { uid: 'jobs.manage', displayName: 'Retry and cancel jobs' },
  'preferences.read': {
    uid: 'preferences.read',
    displayName: 'Read preferences, consent history and the audit log',
    subCategory: 'preferences',
  },
  'preferences.manage': {
    uid: 'preferences.manage',
    displayName: 'Record and withdraw consent',
    subCategory: 'preferences',
  },
  'preferences.erase': {
    uid: 'preferences.erase',
    displayName: 'Erase a person (GDPR): delete everywhere, keep a hashed tombstone',
    subCategory: 'preferences',
  },
  'segments.read': {
    uid: 'segments.read',
    displayName: 'Read segments and preview their members',
    subCategory: 'segments',
  },
  'segments.manage': {
    uid: 'segments.manage',
    displayName: 'Create, change, delete and sync segments',
    subCategory: 'segments',
  },
  'campaigns.read': {
    uid: 'campaigns.read',
    displayName: 'Read campaigns and their metrics, preview them',
    subCategory: 'campaigns',
  },
  'campaigns.manage': {
    uid: 'campaigns.manage',
    displayName: 'Create, edit, delete and import campaigns; send tests; refresh metrics',
    subCategory: 'campaigns',
  },
  'campaigns.send': {
    uid: 'campaigns.send',
    displayName: 'Send, schedule, unschedule and cancel campaigns',
    subCategory: 'campaigns',
  },
  'triggers.read': {
    uid: 'triggers.read',
    displayName: "Read point rules, thresholds and contacts' points",
    subCategory: 'triggers',
  },
  'triggers.manage': {
    uid: 'triggers.manage',
    displayName: 'Create, change and delete point rules and thresholds; adjust points',
    subCategory: 'triggers',
  },
} as const;

export type ActionKey = keyof typeof ACTIONS;

export const actionId = (key: ActionKey): string => `${PLUGIN_UID_PREFIX}.${ACTIONS[key].uid}`;

interface ActionDefinition {
  uid: string;
  displayName: string;
  subCategory?: string;
}

export const actionDefinitions = () =>
  Object.values(ACTIONS as Record<string, ActionDefinition>).map((action) => ({
    section: 'plugins' as const,
    displayName: action.displayName,
    uid: action.uid,
    pluginName: PLUGIN_ID,
    ...(action.subCategory ? { subCategory: action.subCategory } : {}),
  }));
