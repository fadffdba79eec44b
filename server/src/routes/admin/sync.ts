import { requireAction } from '../policies';

const read = { policies: requireAction('mapping.read') };
const manage = { policies: requireAction('mapping.manage') };

/** Contact sync: mapping profiles, the audience's merge fields, preview, and per-contact state. */
export default [
  { method: 'GET', path: '/sync/sources', handler: 'sync.sources', config: read },
  { method: 'GET', path: '/sync/profiles', handler: 'sync.listProfiles', config: read },
  { method: 'GET', path: '/sync/profiles/:id', handler: 'sync.getProfile', config: read },
  { method: 'POST', path: '/sync/profiles', handler: 'sync.createProfile', config: manage },
  { method: 'PUT', path: '/sync/profiles/:id', handler: 'sync.updateProfile', config: manage },
  { method: 'DELETE', path: '/sync/profiles/:id', handler: 'sync.deleteProfile', config: manage },
  { method: 'POST', path: '/sync/profiles/:id/sync', handler: 'sync.syncNow', config: manage },
  { method: 'GET', path: '/sync/merge-fields', handler: 'sync.mergeFields', config: read },
  { method: 'POST', path: '/sync/merge-fields', handler: 'sync.createMergeField', config: manage },
  { method: 'POST', path: '/sync/preview', handler: 'sync.preview', config: read },
  {
    method: 'GET',
    path: '/sync/contacts/:uid/:documentId',
    handler: 'sync.contactState',
    config: read,
  },
  {
    method: 'POST',
    path: '/sync/contacts/:uid/:documentId/sync',
    handler: 'sync.syncContact',
    config: manage,
  },
];
