import type { Core } from '@strapi/strapi';
import { isUniqueViolation } from '../utils/unique-violation';

const TABLE = 'email_marketing_webhook_events';

/**
 * The dedupe key must be unique in the database itself: 2,000 concurrent duplicate deliveries
 * race, and only an index lets exactly one insert win.
 */
export const ensureWebhookEventIndexes = async (strapi: Core.Strapi) => {
  for (const sql of [
    `CREATE UNIQUE INDEX IF NOT EXISTS ${TABLE}_dedupe_uq ON ${TABLE} (dedupe_key)`,
    `CREATE INDEX IF NOT EXISTS ${TABLE}_status_idx ON ${TABLE} (status, id)`,
  ]) {
    try {
      await strapi.db.connection.raw(sql);
    } catch (error) {
      // Two processes booting together on Postgres can race on the catalog; the other won.
      if (!isUniqueViolation(error)) throw error;
    }
  }
};
