import type { Core } from '@strapi/strapi';
import type { Knex } from 'knex';
import type { PointLimit } from '../types/triggers';
import { isUniqueViolation } from '../utils/unique-violation';
import { windowStart, withinLimit } from './limits';
import { POINT_EVENT_UID, STATE_UID, STATES_TABLE } from './rows';

export interface Award {
  ruleId: number | null;
  limit: PointLimit | null;
  profileId: number;
  documentId: string;
  delta: number;
  cause: string;
  /** Names (rule, source event, contact): a retried job finds it taken and awards nothing. */
  key: string;
  /** When the event happened: the limit window is counted back from it. */
  at: Date;
}

export type AwardOutcome = 'awarded' | 'duplicate' | 'limited';

/**
 * One award: the history row and the contact's total change together, in one transaction, or
 * not at all. The idempotency key is checked first and is unique in the table, so a retry (or
 * a second process racing this one) never counts an event twice.
 */
export const applyAward = async (strapi: Core.Strapi, award: Award): Promise<AwardOutcome> => {
  try {
    return await strapi.db.transaction(async ({ trx }) => {
      const events = strapi.db.query(POINT_EVENT_UID);
      if (await events.findOne({ select: ['id'], where: { idempotencyKey: award.key } }))
        return 'duplicate';
      if (award.limit && award.ruleId !== null) {
        const start = windowStart(award.limit.per, award.at);
        const earned = Number(
          await events.count({
            where: {
              ruleId: award.ruleId,
              profileId: award.profileId,
              contactDocumentId: award.documentId,
              ...(start ? { at: { $gte: start } } : {}),
            },
          })
        );
        if (!withinLimit(award.limit, earned)) return 'limited';
      }
      const total = await addToState(strapi, trx as Knex.Transaction, award);
      await events.create({
        data: {
          profileId: award.profileId,
          contactDocumentId: award.documentId,
          ruleId: award.ruleId,
          delta: award.delta,
          total,
          cause: award.cause.slice(0, 255),
          at: award.at,
          idempotencyKey: award.key,
        },
      });
      return 'awarded';
    });
  } catch (error) {
    if (isUniqueViolation(error)) return 'duplicate';
    throw error;
  }
};

/** Adds to the contact's points atomically (no lost update between workers); the new total. */
const addToState = async (strapi: Core.Strapi, trx: Knex.Transaction, award: Award) => {
  const state = (await strapi.db.query(STATE_UID).findOne({
    select: ['id'],
    where: { profileId: award.profileId, sourceDocumentId: award.documentId },
  })) as { id: number } | null;
  if (!state) {
    // Points may come before the first push (e.g. a contact without consent still earns).
    await strapi.db.query(STATE_UID).create({
      data: { profileId: award.profileId, sourceDocumentId: award.documentId, points: award.delta },
    });
    return award.delta;
  }
  await trx(STATES_TABLE)
    .where('id', state.id)
    .update({ points: trx.raw('COALESCE(points, 0) + ?', [award.delta]) });
  const row = (await trx(STATES_TABLE).first('points').where('id', state.id)) as { points: number };
  return Number(row.points);
};
