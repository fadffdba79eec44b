import { PLUGIN_ID, PLUGIN_UID_PREFIX } from './constants';

/**
 * Every admin route names one of these. Registered in bootstrap so that roles can be
 * granted them in Settings > Roles; the full id is `plugin::email-marketing.<uid>`.
 */
export const ACTIONS = {
  read: { uid: 'read', displayName: 'Read overview' },
  jobsRead: { uid: 'jobs.read', displayName: 'Read jobs and schedule (Activity)' },
  jobsManage: { uid: 'jobs.manage', displayName: 'Retry and cancel jobs' },
} as const;

export type ActionKey = keyof typeof ACTIONS;

export const actionId = (key: ActionKey): string => `${PLUGIN_UID_PREFIX}.${ACTIONS[key].uid}`;

export const actionDefinitions = () =>
  Object.values(ACTIONS).map((action) => ({
    section: 'plugins' as const,
    displayName: action.displayName,
    uid: action.uid,
    pluginName: PLUGIN_ID,
  }));
