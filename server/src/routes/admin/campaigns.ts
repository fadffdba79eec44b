import { requireAction } from '../policies';

const read = { policies: requireAction('campaigns.read') };
const manage = { policies: requireAction('campaigns.manage') };
const send = { policies: requireAction('campaigns.send') };

const route = (method: string, path: string, handler: string, config: typeof read) => ({
  method,
  path: `/campaigns${path}`,
  handler: `campaigns.${handler}`,
  config,
});

/** Campaigns: compose, test, send, schedule, cancel, metrics. */
export default [
  route('GET', '', 'list', read),
  // Fixed paths before /campaigns/:id, which would otherwise take them for an id.
  route('GET', '/defaults', 'defaults', read),
  route('GET', '/entry-sources', 'entrySources', read),
  route('GET', '/entries', 'entries', read),
  route('POST', '/render', 'render', read),
  route('POST', '/import', 'import', manage),
  route('POST', '/refresh', 'refreshAll', manage),
  route('GET', '/:id', 'get', read),
  route('POST', '', 'create', manage),
  route('PUT', '/:id', 'update', manage),
  route('DELETE', '/:id', 'remove', manage),
  route('POST', '/:id/test', 'test', manage),
  route('POST', '/:id/send', 'send', send),
  route('POST', '/:id/schedule', 'schedule', send),
  route('POST', '/:id/unschedule', 'unschedule', send),
  route('POST', '/:id/cancel', 'cancel', send),
  // A refresh writes (a snapshot, the row, a points import): a manager's action.
  route('POST', '/:id/refresh', 'refresh', manage),
];
