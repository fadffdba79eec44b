import type { Core } from '@strapi/strapi';
import type { RecalculatePayload } from './job-types';
import { POINT_EVENTS_TABLE, STATES_TABLE } from './rows';
import { evaluateThresholds } from './thresholds-eval';

/**
 * points.recalculate: each contact's points become the sum of its history (one contact or a
 * whole profile); thresholds are then checked for the contacts whose total changed.
 */
export const recalculate = async (
  strapi: Core.Strapi,
  { profileId, documentId }: RecalculatePayload
) => {
  const knex = strapi.db.connection;
  const sums = (await knex(POINT_EVENTS_TABLE)
    .select('contact_document_id as documentId')
    .sum({ total: 'delta' })
    .where('profile_id', profileId)
    .modify((q) => (documentId ? q.where('contact_document_id', documentId) : q))
    .groupBy('contact_document_id')) as Array<{ documentId: string; total: number | string }>;
  const want = new Map(sums.map((s) => [s.documentId, Number(s.total)]));
  const states = (await knex(STATES_TABLE)
    .select('id', 'source_document_id as documentId', 'points')
    .where('profile_id', profileId)
    .modify((q) => (documentId ? q.where('source_document_id', documentId) : q))) as Array<{
    id: number;
    documentId: string;
    points: number | null;
  }>;
  const changed: Array<{ profileId: number; documentId: string }> = [];
  for (const state of states) {
    const points = want.get(state.documentId) ?? 0;
    if ((state.points ?? 0) === points) continue;
    await knex(STATES_TABLE).where('id', state.id).update({ points });
    changed.push({ profileId, documentId: state.documentId });
  }
  const { fired } = await evaluateThresholds(strapi, changed);
  return { contacts: states.length, changed: changed.length, fired };
};
