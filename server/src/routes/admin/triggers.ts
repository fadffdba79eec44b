import { requireAction } from '../policies';

const read = { policies: requireAction('triggers.read') };
const manage = { policies: requireAction('triggers.manage') };

/** Point triggers: rules, thresholds, per-contact points, adjustments, recalculation. */
export default [
  { method: 'GET', path: '/triggers/rules', handler: 'triggers.listRules', config: read },
  { method: 'POST', path: '/triggers/rules', handler: 'triggers.createRule', config: manage },
  { method: 'PUT', path: '/triggers/rules/:id', handler: 'triggers.updateRule', config: manage },
  { method: 'DELETE', path: '/triggers/rules/:id', handler: 'triggers.deleteRule', config: manage },
  { method: 'GET', path: '/triggers/thresholds', handler: 'triggers.listThresholds', config: read },
  {
    method: 'POST',
    path: '/triggers/thresholds',
    handler: 'triggers.createThreshold',
    config: manage,
  },
  {
    method: 'PUT',
    path: '/triggers/thresholds/:id',
    handler: 'triggers.updateThreshold',
    config: manage,
  },
  {
    method: 'DELETE',
    path: '/triggers/thresholds/:id',
    handler: 'triggers.deleteThreshold',
    config: manage,
  },
  { method: 'GET', path: '/triggers/options', handler: 'triggers.options', config: read },
  { method: 'GET', path: '/triggers/leaders', handler: 'triggers.leaders', config: read },
  // Before /triggers/contacts/:profileId/:documentId, which would take "by-entry" for a profile.
  {
    method: 'GET',
    path: '/triggers/contacts/by-entry/:uid/:documentId',
    handler: 'triggers.byEntry',
    config: read,
  },
  {
    method: 'GET',
    path: '/triggers/contacts/:profileId/:documentId',
    handler: 'triggers.contact',
    config: read,
  },
  {
    method: 'POST',
    path: '/triggers/contacts/:profileId/:documentId/adjust',
    handler: 'triggers.adjust',
    config: manage,
  },
  {
    method: 'POST',
    path: '/triggers/recalculate',
    handler: 'triggers.recalculate',
    config: manage,
  },
];
