import { requireAction } from '../policies';

export default [
  {
    method: 'POST',
    path: '/connections/:id/webhooks',
    handler: 'consent.registerWebhooks',
    config: { policies: requireAction('settings.update') },
  },
  {
    method: 'POST',
    path: '/consent/import',
    handler: 'consent.importNow',
    config: { policies: requireAction('settings.update') },
  },
  {
    method: 'POST',
    path: '/preferences/erase',
    handler: 'consent.erase',
    config: { policies: requireAction('preferences.erase') },
  },
  {
    method: 'GET',
    path: '/audit',
    handler: 'consent.audit',
    // The log names people by address: the same right as the Preferences page.
    config: { policies: requireAction('preferences.read') },
  },
];
