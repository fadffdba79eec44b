import { requireAction } from '../policies';

const read = { policies: requireAction('segments.read') };
const manage = { policies: requireAction('segments.manage') };

/** Segments: definitions, attributes of the source type, preview, sync. */
export default [
  { method: 'GET', path: '/segments', handler: 'segments.list', config: read },
  // Before /segments/:id, which would otherwise take "attributes" for an id.
  { method: 'GET', path: '/segments/attributes', handler: 'segments.attributes', config: read },
  { method: 'POST', path: '/segments/preview', handler: 'segments.preview', config: read },
  { method: 'GET', path: '/segments/:id', handler: 'segments.get', config: read },
  { method: 'POST', path: '/segments', handler: 'segments.create', config: manage },
  { method: 'PUT', path: '/segments/:id', handler: 'segments.update', config: manage },
  {
    method: 'POST',
    path: '/segments/:id/duplicate',
    handler: 'segments.duplicate',
    config: manage,
  },
  { method: 'DELETE', path: '/segments/:id', handler: 'segments.remove', config: manage },
  { method: 'POST', path: '/segments/:id/sync', handler: 'segments.sync', config: manage },
];
