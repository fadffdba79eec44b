import { randomUUID } from 'crypto';
import type { Core, UID } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import type { AuditActor } from '../types/audit';
import type {
  ContactPoints,
  PointLeader,
  PointRuleView,
  ThresholdView,
  TriggerEventOptions,
} from '../types/triggers';
import { getService } from '../utils/get-service';
import { invalid } from '../utils/invalid';
import { createCaptureMiddleware, type CaptureContext } from '../triggers/capture';
import { contactPoints } from '../triggers/contact-points';
import { readProfileId, readRuleInput, readThresholdInput, type Problem } from '../triggers/input';
import {
  CAMPAIGN_ACTIVITY_JOB,
  CAPTURE_JOB,
  RECALCULATE_JOB,
  type CampaignActivityPayload,
  type ManualCapture,
  type RecalculatePayload,
} from '../triggers/job-types';
import { createRuleIndex } from '../triggers/rule-index';
import {
  FIRING_UID,
  limitOf,
  POINT_EVENTS_TABLE,
  RULE_UID,
  STATE_UID,
  STATES_TABLE,
  THRESHOLD_UID,
  triggerRows,
  type RuleRow,
  type ThresholdRow,
} from '../triggers/rows';
import { eventOptions, eventProblem, schemasOf } from '../triggers/schema-check';
import { segmentRows } from '../segments/rows';

/** How long an adjustment waits for its job before answering with the pending state. */
const ADJUST_WAIT_MS = 5000;
const MAX_LEADERS = 500;

/**
 * Point triggers (issue 10): rules and thresholds, the capture of saves (through the outbox),
 * per-contact points and history, adjustments and recalculation.
 */
const triggers = ({ strapi }: { strapi: Core.Strapi }) => {
  const rows = triggerRows(strapi);
  const index = createRuleIndex(strapi);
  const capture = createCaptureMiddleware(strapi, index);
  const audit = (actor: AuditActor, action: string, id: number, extra: Record<string, unknown>) =>
    getService(strapi, 'audit').record(actor, {
      action,
      subjectType: 'trigger',
      subjectId: id,
      ...extra,
    });

  const profileOf = async (profileId: number) => {
    const profile = profileId
      ? await getService(strapi, 'syncProfiles').findStored(profileId)
      : null;
    if (!profile)
      throw invalid([{ path: 'profileId', message: `There is no sync profile ${profileId}.` }]);
    return profile;
  };

  const awardedCounts = async (ids: number[]) => {
    if (ids.length === 0) return new Map<number, number>();
    const rows_ = (await strapi.db
      .connection(POINT_EVENTS_TABLE)
      .select('rule_id as ruleId')
      .count({ n: '*' })
      .whereIn('rule_id', ids)
      .groupBy('rule_id')) as Array<{ ruleId: number; n: number | string }>;
    return new Map(rows_.map((r) => [Number(r.ruleId), Number(r.n)]));
  };

  const ruleView = (row: RuleRow, awarded: number): PointRuleView => ({
    id: row.id,
    documentId: row.documentId,
    name: row.name,
    profileId: row.profileId,
    event: row.event,
    points: row.points,
    limit: limitOf(row),
    paused: Boolean(row.paused),
    pausedReason: row.pausedReason ?? null,
    awardedCount: awarded,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  });

  const thresholdView = (row: ThresholdRow, fired: number): ThresholdView => ({
    id: row.id,
    documentId: row.documentId,
    name: row.name,
    profileId: row.profileId,
    points: row.points,
    actions: row.actions,
    refireOnRecross: Boolean(row.refireOnRecross),
    paused: Boolean(row.paused),
    firedCount: fired,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  });

  const checkedRule = async (body: Record<string, unknown>) => {
    const { input, problems } = readRuleInput(body);
    if (problems.length > 0) throw invalid(problems);
    const profile = await profileOf(input.profileId);
    const problem = eventProblem(schemasOf(strapi), profile.sourceUid, input.event);
    if (problem) throw invalid([{ path: 'event', message: problem }]);
    return {
      name: input.name,
      profileId: input.profileId,
      event: input.event,
      points: input.points,
      limitCount: input.limit?.count ?? null,
      limitPer: input.limit?.per ?? null,
      paused: Boolean(input.paused),
      pausedReason: null,
    };
  };

  const checkedThreshold = async (body: Record<string, unknown>) => {
    const { input, problems } = readThresholdInput(body);
    if (problems.length > 0) throw invalid(problems);
    await profileOf(input.profileId);
    for (const [i, action] of input.actions.entries()) {
      if (action.type !== 'addToSegment') continue;
      const segment = await segmentRows(strapi).find(action.segmentId);
      if (!segment || segment.profileId !== input.profileId)
        throw invalid([
          {
            path: `actions.${i}.segmentId`,
            message: `There is no segment ${action.segmentId} on this profile.`,
          },
        ]);
    }
    return { ...input, paused: Boolean(input.paused) };
  };

  const findRule = async (id: number) => {
    const row = Number.isInteger(id) ? await rows.rule(id) : null;
    if (!row) throw new errors.NotFoundError('No such point rule.');
    return row;
  };
  const findThreshold = async (id: number) => {
    const row = Number.isInteger(id) ? await rows.threshold(id) : null;
    if (!row) throw new errors.NotFoundError('No such threshold.');
    return row;
  };
  const firedCount = async (id: number) =>
    Number(await strapi.db.query(FIRING_UID).count({ where: { thresholdId: id } }));

  const profileParam = (raw: unknown) => {
    const problems: Problem[] = [];
    const profileId = readProfileId(raw, problems);
    if (problems.length > 0) throw invalid(problems);
    return profileId;
  };

  const entryExists = async (uid: string, documentId: string) =>
    Boolean(
      await strapi.db.query(uid as UID.Schema).findOne({ select: ['id'], where: { documentId } })
    );

  return {
    /** The document-service middleware (register.ts). */
    capture: (context: CaptureContext, next: () => Promise<unknown>) => capture(context, next),
    /** Rules or profiles changed: the next save rebuilds the index. */
    invalidate: () => index.invalidate(),

    async listRules(rawProfileId?: unknown): Promise<PointRuleView[]> {
      const where = rawProfileId ? { profileId: profileParam(rawProfileId) } : {};
      const list = await rows.rules(where);
      const counts = await awardedCounts(list.map((r) => r.id));
      return list.map((r) => ruleView(r, counts.get(r.id) ?? 0));
    },
    async createRule(body: Record<string, unknown>, actor: AuditActor) {
      const data = await checkedRule(body);
      const row = (await strapi.db.query(RULE_UID).create({ data })) as RuleRow;
      index.invalidate();
      await audit(actor, 'points.rule-created', row.id, { after: data });
      return ruleView(row, 0);
    },
    async updateRule(id: number, body: Record<string, unknown>, actor: AuditActor) {
      const before = await findRule(id);
      const data = await checkedRule(body);
      const row = (await strapi.db.query(RULE_UID).update({ where: { id }, data })) as RuleRow;
      index.invalidate();
      await audit(actor, 'points.rule-changed', id, {
        before: {
          name: before.name,
          event: before.event,
          points: before.points,
          paused: before.paused,
        },
        after: data,
      });
      return ruleView(row, (await awardedCounts([id])).get(id) ?? 0);
    },
    async deleteRule(id: number, actor: AuditActor) {
      const row = await findRule(id);
      await strapi.db.query(RULE_UID).delete({ where: { id } });
      index.invalidate();
      await audit(actor, 'points.rule-deleted', id, {
        before: { name: row.name, event: row.event },
      });
      return { deleted: true };
    },

    async listThresholds(rawProfileId?: unknown): Promise<ThresholdView[]> {
      const where = rawProfileId ? { profileId: profileParam(rawProfileId) } : {};
      const list = await rows.thresholds(where);
      return Promise.all(list.map(async (t) => thresholdView(t, await firedCount(t.id))));
    },
    async createThreshold(body: Record<string, unknown>, actor: AuditActor) {
      const data = await checkedThreshold(body);
      const row = (await strapi.db.query(THRESHOLD_UID).create({ data })) as ThresholdRow;
      await getService(strapi, 'audit').record(actor, {
        action: 'points.threshold-created',
        subjectType: 'trigger-threshold',
        subjectId: row.id,
        after: { ...data },
      });
      return thresholdView(row, 0);
    },
    async updateThreshold(id: number, body: Record<string, unknown>, actor: AuditActor) {
      const before = await findThreshold(id);
      const data = await checkedThreshold(body);
      const row = (await strapi.db
        .query(THRESHOLD_UID)
        .update({ where: { id }, data })) as ThresholdRow;
      await getService(strapi, 'audit').record(actor, {
        action: 'points.threshold-changed',
        subjectType: 'trigger-threshold',
        subjectId: id,
        before: { name: before.name, points: before.points, actions: before.actions },
        after: { ...data },
      });
      return thresholdView(row, await firedCount(id));
    },
    async deleteThreshold(id: number, actor: AuditActor) {
      const row = await findThreshold(id);
      await strapi.db.query(THRESHOLD_UID).delete({ where: { id } });
      await getService(strapi, 'audit').record(actor, {
        action: 'points.threshold-deleted',
        subjectType: 'trigger-threshold',
        subjectId: id,
        before: { name: row.name, points: row.points },
      });
      return { deleted: true };
    },

    async options(rawProfileId: unknown): Promise<TriggerEventOptions> {
      const profile = await profileOf(profileParam(rawProfileId));
      return eventOptions(schemasOf(strapi), profile.sourceUid);
    },

    async leaders(rawProfileId: unknown, rawLimit: unknown): Promise<PointLeader[]> {
      const profileId = profileParam(rawProfileId);
      const limit = Math.min(Math.max(Number(rawLimit) || 20, 1), MAX_LEADERS);
      const top = (await strapi.db
        .connection(STATES_TABLE)
        .select('source_document_id as documentId', 'email', 'points', 'vip')
        .where('profile_id', profileId)
        .andWhere('points', '>', 0)
        .orderBy([
          { column: 'points', order: 'desc' },
          { column: 'id', order: 'asc' },
        ])
        .limit(limit)) as Array<{
        documentId: string;
        email: string | null;
        points: number;
        vip: unknown;
      }>;
      return top.map((r) => ({ ...r, points: Number(r.points), vip: Boolean(r.vip) }));
    },

    async contact(rawProfileId: unknown, documentId: string): Promise<ContactPoints> {
      const profile = await profileOf(profileParam(rawProfileId));
      if (!(await entryExists(profile.sourceUid, documentId)))
        throw new errors.NotFoundError(`No ${profile.sourceUid} ${documentId}.`);
      return contactPoints(strapi, profile.id, documentId);
    },

    /** The content-manager side panel: the entry's points in each profile of its type. */
    async byEntry(uid: string, documentId: string): Promise<ContactPoints[]> {
      const profiles = (await getService(strapi, 'syncProfiles').listStored()).filter(
        (p) => p.sourceUid === uid
      );
      return Promise.all(profiles.map((p) => contactPoints(strapi, p.id, documentId)));
    },

    /** An admin's adjustment, through the outbox; answers once applied (or pending after 5 s). */
    async adjust(
      rawProfileId: unknown,
      documentId: string,
      body: Record<string, unknown>,
      actor: AuditActor
    ): Promise<ContactPoints> {
      const profile = await profileOf(profileParam(rawProfileId));
      const problems: Problem[] = [];
      const delta = body.delta;
      if (
        typeof delta !== 'number' ||
        !Number.isInteger(delta) ||
        delta === 0 ||
        Math.abs(delta) > 1_000_000
      )
        problems.push({ path: 'delta', message: 'delta must be a whole number other than 0.' });
      const reason = typeof body.reason === 'string' ? body.reason.trim() : '';
      if (!reason || reason.length > 200)
        problems.push({ path: 'reason', message: 'Say why (at most 200 characters).' });
      if (problems.length > 0) throw invalid(problems);
      if (!(await entryExists(profile.sourceUid, documentId)))
        throw new errors.NotFoundError(`No ${profile.sourceUid} ${documentId}.`);
      const payload: ManualCapture = {
        action: 'manual',
        profileId: profile.id,
        documentId,
        delta: delta as number,
        reason,
        actorName: actor.name ?? 'an admin',
        eventId: randomUUID(),
        at: new Date().toISOString(),
      };
      const jobs = getService(strapi, 'jobs');
      const job = await jobs.enqueue(CAPTURE_JOB, payload, { transaction: 'none' });
      await getService(strapi, 'audit').record(actor, {
        action: 'points.adjusted',
        subjectType: profile.sourceUid,
        subjectId: documentId,
        after: { profileId: profile.id, delta, reason, jobId: job.id },
      });
      const deadline = Date.now() + ADJUST_WAIT_MS;
      while (Date.now() < deadline) {
        const status = (await jobs.get(job.id))?.status;
        if (status && status !== 'queued' && status !== 'running') break;
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      return contactPoints(strapi, profile.id, documentId);
    },

    async recalculate(body: Record<string, unknown>, actor: AuditActor) {
      const profile = await profileOf(profileParam(body.profileId));
      const documentId =
        typeof body.documentId === 'string' && body.documentId ? body.documentId : undefined;
      const payload: RecalculatePayload = {
        profileId: profile.id,
        ...(documentId ? { documentId } : {}),
      };
      const job = await getService(strapi, 'jobs').enqueue(RECALCULATE_JOB, payload, {
        dedupeKey: `points:recalculate:${profile.id}:${documentId ?? '*'}`,
        transaction: 'none',
      });
      await getService(strapi, 'audit').record(actor, {
        action: 'points.recalculate',
        subjectType: 'sync-profile',
        subjectId: profile.id,
        after: { ...payload, jobId: job.id },
      });
      return { jobId: job.id };
    },

    /** The campaigns' post-refresh step: import opens/clicks as points (coalesced per campaign). */
    enqueueCampaignActivity: (payload: CampaignActivityPayload) =>
      getService(strapi, 'jobs').enqueue(CAMPAIGN_ACTIVITY_JOB, payload, {
        dedupeKey: `points:campaign:${payload.connectionId ?? 0}:${payload.remoteId}`,
      }),

    /** Points of a contact-state row (for other features). */
    async points(profileId: number, documentId: string) {
      const state = (await strapi.db
        .query(STATE_UID)
        .findOne({ select: ['points'], where: { profileId, sourceDocumentId: documentId } })) as {
        points: number | null;
      } | null;
      return state?.points ?? 0;
    },
  };
};

export default triggers;
