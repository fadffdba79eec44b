/** RBAC actions the admin checks; ids match the server's `permissions.ts`. */
export const PERMISSIONS = {
  read: [{ action: 'plugin::email-marketing.read', subject: null }],
  settingsRead: [{ action: 'plugin::email-marketing.settings.read', subject: null }],
  settingsUpdate: [{ action: 'plugin::email-marketing.settings.update', subject: null }],
  mappingRead: [{ action: 'plugin::email-marketing.mapping.read', subject: null }],
  mappingManage: [{ action: 'plugin::email-marketing.mapping.manage', subject: null }],
  jobsRead: [{ action: 'plugin::email-marketing.jobs.read', subject: null }],
  jobsManage: [{ action: 'plugin::email-marketing.jobs.manage', subject: null }],
  triggersRead: [{ action: 'plugin::email-marketing.triggers.read', subject: null }],
  triggersManage: [{ action: 'plugin::email-marketing.triggers.manage', subject: null }],
};
