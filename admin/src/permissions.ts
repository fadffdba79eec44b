/** RBAC actions the admin checks; ids match the server's `permissions.ts`. */
export const PERMISSIONS = {
  read: [{ action: 'plugin::email-marketing.read', subject: null }],
  settingsRead: [{ action: 'plugin::email-marketing.settings.read', subject: null }],
  settingsUpdate: [{ action: 'plugin::email-marketing.settings.update', subject: null }],
  mappingRead: [{ action: 'plugin::email-marketing.mapping.read', subject: null }],
  mappingManage: [{ action: 'plugin::email-marketing.mapping.manage', subject: null }],
  jobsRead: [{ action: 'plugin::email-marketing.jobs.read', subject: null }],
  jobsManage: [{ action: 'plugin::email-marketing.jobs.manage', subject: null }],
  preferencesRead: [{ action: 'plugin::email-marketing.preferences.read', subject: null }],
  preferencesManage: [{ action: 'plugin::email-marketing.preferences.manage', subject: null }],
  preferencesErase: [{ action: 'plugin::email-marketing.preferences.erase', subject: null }],
  segmentsRead: [{ action: 'plugin::email-marketing.segments.read', subject: null }],
  segmentsManage: [{ action: 'plugin::email-marketing.segments.manage', subject: null }],
};
