import type { Core } from '@strapi/strapi';
import { createIndexes } from '../utils/create-indexes';
import { FIRINGS_TABLE, POINT_EVENTS_TABLE, STATES_TABLE } from './rows';

/**
 * The idempotency keys are unique in the database (what makes a retried job award or fire
 * nothing twice); the others serve the limit counts and the per-contact reads.
 */
const STATEMENTS = [
  `CREATE UNIQUE INDEX IF NOT EXISTS ${POINT_EVENTS_TABLE}_key_uq ON ${POINT_EVENTS_TABLE} (idempotency_key)`,
  `CREATE INDEX IF NOT EXISTS ${POINT_EVENTS_TABLE}_limit_idx ON ${POINT_EVENTS_TABLE} (rule_id, profile_id, contact_document_id, at)`,
  `CREATE INDEX IF NOT EXISTS ${POINT_EVENTS_TABLE}_contact_idx ON ${POINT_EVENTS_TABLE} (profile_id, contact_document_id)`,
  `CREATE UNIQUE INDEX IF NOT EXISTS ${FIRINGS_TABLE}_key_uq ON ${FIRINGS_TABLE} (firing_key)`,
  `CREATE INDEX IF NOT EXISTS ${FIRINGS_TABLE}_contact_idx ON ${FIRINGS_TABLE} (profile_id, contact_document_id)`,
  `CREATE INDEX IF NOT EXISTS ${STATES_TABLE}_profile_doc_idx ON ${STATES_TABLE} (profile_id, source_document_id)`,
  `CREATE INDEX IF NOT EXISTS ${STATES_TABLE}_profile_email_idx ON ${STATES_TABLE} (profile_id, email)`,
  `CREATE INDEX IF NOT EXISTS ${STATES_TABLE}_profile_points_idx ON ${STATES_TABLE} (profile_id, points)`,
];

export const ensureTriggerIndexes = (strapi: Core.Strapi) =>
  createIndexes(strapi.db.connection, STATEMENTS);
