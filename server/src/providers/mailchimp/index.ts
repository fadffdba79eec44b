export {
  MailchimpClient,
  DEFAULT_API_ROOT,
  type MailchimpClientOptions,
  type MailchimpCredentials,
} from './client';
export { parseApiKey, type ParsedApiKey } from './api-key';
export { bulkUpsert, toUpsertBody, type UpsertContact, type UpsertOutcome } from './bulk-upsert';
export { paginate, chunk, MAX_PAGE } from './paging';
export { subscriberHash } from './subscriber-hash';
export type * from './types';
