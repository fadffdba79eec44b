import { requireAction } from '../policies';

export default [
  {
    method: 'GET',
    path: '/preferences',
    handler: 'preferences.search',
    config: { policies: requireAction('preferences.read') },
  },
  {
    method: 'GET',
    path: '/preferences/lookup',
    handler: 'preferences.lookup',
    config: { policies: requireAction('preferences.read') },
  },
  {
    method: 'POST',
    path: '/preferences/consent',
    handler: 'preferences.recordConsent',
    config: { policies: requireAction('preferences.manage') },
  },
  {
    method: 'POST',
    path: '/preferences/withdraw',
    handler: 'preferences.withdrawConsent',
    config: { policies: requireAction('preferences.manage') },
  },
];
