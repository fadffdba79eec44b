import type { Core } from '@strapi/strapi';
import { createIndexes } from '../utils/create-indexes';

const TABLE = 'email_marketing_webhook_events';
const PREFERENCES = 'email_marketing_preferences';
const STATES = 'email_marketing_contact_states';

/**
 * The dedupe key must be unique in the database itself: 2,000 concurrent duplicate deliveries
 * race, and only an index lets exactly one insert win. The lookups of the consent loop by
 * address are indexed too.
 */
export const ensureWebhookEventIndexes = (strapi: Core.Strapi) =>
  createIndexes(strapi.db.connection, [
    `CREATE UNIQUE INDEX IF NOT EXISTS ${TABLE}_dedupe_uq ON ${TABLE} (dedupe_key)`,
    `CREATE INDEX IF NOT EXISTS ${TABLE}_status_idx ON ${TABLE} (status, id)`,
    // Every event, sync page and form request looks an address up by address or hash: without
    // these each lookup scans the whole suppression list (quadratic over a burst).
    `CREATE INDEX IF NOT EXISTS ${PREFERENCES}_email_idx ON ${PREFERENCES} (email)`,
    `CREATE INDEX IF NOT EXISTS ${PREFERENCES}_hash_idx ON ${PREFERENCES} (email_hash)`,
    `CREATE INDEX IF NOT EXISTS ${STATES}_doc_idx ON ${STATES} (profile_id, source_document_id)`,
    // Effects match states case-insensitively ($eqi compiles to LOWER(email) = LOWER(?)).
    `CREATE INDEX IF NOT EXISTS ${STATES}_email_idx ON ${STATES} (LOWER(email))`,
  ]);
