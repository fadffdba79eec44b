import { requireAction } from '../policies';

const read = { policies: requireAction('settings.read') };
const update = { policies: requireAction('settings.update') };

export default [
  { method: 'GET', path: '/connections', handler: 'connections.list', config: read },
  {
    method: 'GET',
    path: '/connections/providers',
    handler: 'connections.providers',
    config: read,
  },
  { method: 'POST', path: '/connections/check-key', handler: 'connections.checkKey', config: read },
  { method: 'POST', path: '/connections', handler: 'connections.create', config: update },
  { method: 'PUT', path: '/connections/:id', handler: 'connections.update', config: update },
  {
    method: 'POST',
    path: '/connections/:id/verify',
    handler: 'connections.verify',
    config: update,
  },
  {
    method: 'POST',
    path: '/connections/:id/default',
    handler: 'connections.makeDefault',
    config: update,
  },
  {
    method: 'POST',
    path: '/connections/:id/disconnect',
    handler: 'connections.disconnect',
    config: update,
  },
  {
    method: 'GET',
    path: '/connections/:id/audiences',
    handler: 'connections.audiences',
    config: read,
  },
  { method: 'GET', path: '/oauth/mailchimp/start', handler: 'oauth.start', config: update },
];
