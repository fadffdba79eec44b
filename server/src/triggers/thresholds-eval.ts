import type { Core } from '@strapi/strapi';
import { getService } from '../utils/get-service';
import { isUniqueViolation } from '../utils/unique-violation';
import { actionLabel } from './input';
import { FIRE_JOB, type FirePayload } from './job-types';
import { FIRING_UID, STATE_UID, triggerRows, type FiringRow, type ThresholdRow } from './rows';
import { decideThreshold } from './thresholds';

export interface ContactRef {
  profileId: number;
  documentId: string;
}

/**
 * Compares each touched contact's points with its profile's active thresholds: a crossing
 * writes a firing row (its key unique per generation, so two workers cannot both fire) and
 * enqueues the actions in the same transaction; a fall below a refiring threshold re-arms it.
 * Safe to run again for the same contacts (a retried job does): it only acts on a change.
 */
export const evaluateThresholds = async (strapi: Core.Strapi, contacts: ContactRef[]) => {
  const byProfile = new Map<number, Set<string>>();
  for (const c of contacts)
    byProfile.set(c.profileId, (byProfile.get(c.profileId) ?? new Set()).add(c.documentId));
  let fired = 0;
  for (const [profileId, documentIds] of byProfile) {
    const thresholds = await triggerRows(strapi).thresholds({ profileId, paused: { $ne: true } });
    if (thresholds.length === 0) continue;
    // Points and firings of all the touched contacts in a few set reads, not two per contact.
    const points = new Map<string, number>();
    const firings = new Map<string, FiringRow[]>();
    const ids = [...documentIds];
    for (let i = 0; i < ids.length; i += IN_LIST) {
      const slice = ids.slice(i, i + IN_LIST);
      const states = (await strapi.db.query(STATE_UID).findMany({
        select: ['sourceDocumentId', 'points'],
        where: { profileId, sourceDocumentId: { $in: slice } },
        orderBy: { id: 'asc' },
      })) as Array<{ sourceDocumentId: string; points: number | null }>;
      for (const s of states)
        if (!points.has(s.sourceDocumentId)) points.set(s.sourceDocumentId, s.points ?? 0);
      const rows = (await strapi.db.query(FIRING_UID).findMany({
        where: {
          profileId,
          contactDocumentId: { $in: slice },
          thresholdId: { $in: thresholds.map((t) => t.id) },
        },
      })) as FiringRow[];
      for (const f of rows)
        firings.set(f.contactDocumentId, [...(firings.get(f.contactDocumentId) ?? []), f]);
    }
    for (const documentId of ids)
      fired += await evaluateContact(
        strapi,
        profileId,
        documentId,
        thresholds,
        points.get(documentId) ?? 0,
        firings.get(documentId) ?? []
      );
  }
  return { fired };
};

/** Contacts per set read (well under SQLite's bound-variable limit). */
const IN_LIST = 200;

const evaluateContact = async (
  strapi: Core.Strapi,
  profileId: number,
  documentId: string,
  thresholds: ThresholdRow[],
  points: number,
  firings: FiringRow[]
) => {
  let fired = 0;
  for (const threshold of thresholds) {
    const mine = firings.filter((f) => f.thresholdId === threshold.id);
    const active = mine.find((f) => f.active);
    const decision = decideThreshold(
      points,
      { points: threshold.points, refireOnRecross: Boolean(threshold.refireOnRecross) },
      Boolean(active)
    );
    if (decision === 'reset' && active)
      await strapi.db
        .query(FIRING_UID)
        .update({ where: { id: active.id }, data: { active: false, resetAt: new Date() } });
    if (decision !== 'fire') continue;
    const generation = mine.reduce((max, f) => Math.max(max, f.generation + 1), 0);
    try {
      await strapi.db.transaction(async () => {
        const firing = (await strapi.db.query(FIRING_UID).create({
          data: {
            thresholdId: threshold.id,
            profileId,
            contactDocumentId: documentId,
            firedAt: new Date(),
            active: true,
            generation,
            firingKey: `${threshold.id}:${profileId}:${documentId}:${generation}`,
            actions: threshold.actions.map(actionLabel),
          },
        })) as FiringRow;
        await getService(strapi, 'jobs').enqueue(
          FIRE_JOB,
          { firingId: firing.id } satisfies FirePayload,
          { uniqueKey: `points.fire:${firing.id}` }
        );
      });
      fired++;
    } catch (error) {
      // Another worker fired this generation first.
      if (!isUniqueViolation(error)) throw error;
    }
  }
  return fired;
};
