import { PERMISSIONS } from './permissions';

/** One entry of the plugin's side navigation; `to` is relative to the plugin's root. */
export interface NavigationEntry {
  to: string;
  /** Translation id (without the plugin prefix) and its English text. */
  id: string;
  defaultMessage: string;
  permissions: Array<{ action: string; subject: null }>;
}

/** The plugin's pages in the order the side navigation lists them. Add a page here. */
export const NAVIGATION: NavigationEntry[] = [
  { to: '', id: 'nav.dashboard', defaultMessage: 'Dashboard', permissions: PERMISSIONS.read },
  {
    to: 'mapping',
    id: 'nav.mapping',
    defaultMessage: 'Field mapping',
    permissions: PERMISSIONS.mappingRead,
  },
  {
    to: 'segments',
    id: 'nav.segments',
    defaultMessage: 'Segments',
    permissions: PERMISSIONS.segmentsRead,
  },
  {
    to: 'campaigns',
    id: 'nav.campaigns',
    defaultMessage: 'Campaigns',
    permissions: PERMISSIONS.campaignsRead,
  },
  {
    to: 'triggers',
    id: 'nav.triggers',
    defaultMessage: 'Triggers',
    permissions: PERMISSIONS.triggersRead,
  },
  {
    to: 'activity',
    id: 'nav.activity',
    defaultMessage: 'Activity',
    permissions: PERMISSIONS.jobsRead,
  },
  {
    to: 'preferences',
    id: 'nav.preferences',
    defaultMessage: 'Preferences',
    permissions: PERMISSIONS.preferencesRead,
  },
  {
    to: 'audit',
    id: 'nav.audit',
    defaultMessage: 'Audit log',
    permissions: PERMISSIONS.preferencesRead,
  },
];
