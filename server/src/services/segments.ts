import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import type { AuditActor } from '../types/audit';
import type { SegmentAttribute, SegmentPreview, SegmentView } from '../types/segments';
import { getService } from '../utils/get-service';
import { invalid } from '../utils/invalid';
import { listSegmentAttributes } from '../segments/attributes';
import type { SegmentProblem } from '../segments/compile';
import { compileFor, eligibleContacts, onAudience, schemasOf } from '../segments/evaluate';
import { readMatch, readProfileId, readSegmentInput } from '../segments/input';
import { readConditions } from '../segments/compile';
import { SEGMENT_SYNC_JOB, segmentDedupeKey, type SegmentSyncPayload } from '../segments/job-types';
import { memberStore } from '../segments/member-store';
import { SEGMENT_UID, segmentRows, type SegmentRow } from '../segments/rows';
import type { StoredProfile } from '../sync/profile-runtime';
import { labelFieldOf } from '../sync/sources';
import { stateStore, SUPPRESSED } from '../sync/state-store';

const SEGMENTS_CACHE_MS = 10_000;
/** A member's change waits this long, so a burst of saves across a segment is one sync. */
const MEMBER_CHANGE_DELAY_MS = 2000;
const PREVIEW_MAX = 100;

/**
 * Segments: definitions over a profile's source type, their preview (the same evaluation the
 * sync uses), and the jobs that keep the platform segment equal to them.
 */
const segments = ({ strapi }: { strapi: Core.Strapi }) => {
  const rows = segmentRows(strapi);
  const profiles = () => getService(strapi, 'syncProfiles');
  const audit = () => getService(strapi, 'audit');

  // The segments per profile, kept briefly: every contact push asks whether it moved someone.
  let cache: { at: number; rows: SegmentRow[] } | null = null;
  /**
   * The address a point threshold put in the segment for this contact, unless suppressed since;
   * read fresh, since the cached rows may predate the threshold's write.
   */
  const manualMember = async (segmentId: number, documentId: string) => {
    const email = (await rows.find(segmentId))?.manualMembers?.[documentId]?.toLowerCase();
    if (!email) return undefined;
    const preference = await stateStore(strapi).preference(email);
    return preference && SUPPRESSED.has(preference.status) ? undefined : email;
  };
  const cachedRows = async () => {
    if (!cache || Date.now() - cache.at > SEGMENTS_CACHE_MS)
      cache = { at: Date.now(), rows: await rows.all() };
    return cache.rows;
  };

  const profileOrProblem = async (
    profileId: number
  ): Promise<{ profile: StoredProfile | null; problem?: SegmentProblem }> => {
    const profile = profileId ? await profiles().findStored(profileId) : null;
    if (!profile && profileId)
      return {
        profile: null,
        problem: { path: 'profileId', message: `There is no sync profile ${profileId}.` },
      };
    return { profile };
  };

  /** A body checked against the profile's source type as it is now. */
  const checked = async (body: Record<string, unknown>) => {
    const { input, problems } = readSegmentInput(body);
    const { profile, problem } = await profileOrProblem(input.profileId);
    if (problem) problems.push(problem);
    let filters = {};
    if (profile && problems.length === 0) {
      const compiled = compileFor(strapi, profile, input.match, input.conditions);
      if (compiled.ok) filters = compiled.filters;
      else problems.push(...compiled.problems);
    }
    if (problems.length > 0) throw invalid(problems);
    return { input, filters };
  };

  const find = async (id: number) => {
    const row = Number.isInteger(id) ? await rows.find(id) : null;
    if (!row) throw new errors.NotFoundError('No such segment.');
    return row;
  };

  const defaultAudiences = new Map<number | null, string | null>();
  const audienceOf = async (profile: StoredProfile | undefined) => {
    if (!profile) return null;
    if (profile.audienceId) return profile.audienceId;
    if (!defaultAudiences.has(profile.connectionId)) {
      try {
        const { connection } = await getService(strapi, 'connections').provider(
          profile.connectionId ?? undefined
        );
        defaultAudiences.set(profile.connectionId, connection.defaultAudienceId);
      } catch {
        return null; // nothing connected: shown as unresolved
      }
    }
    return defaultAudiences.get(profile.connectionId) ?? null;
  };

  const view = async (
    row: SegmentRow,
    profile: StoredProfile | undefined
  ): Promise<SegmentView> => {
    // A definition the source type no longer supports says so here, before any sync tries it.
    const compiled = profile ? compileFor(strapi, profile, row.match, row.conditions ?? []) : null;
    const broken = !profile
      ? 'The sync profile of this segment was deleted; choose another profile.'
      : compiled && !compiled.ok
        ? compiled.problems.map((p) => p.message).join(' ')
        : null;
    return {
      id: row.id,
      documentId: row.documentId,
      name: row.name,
      label: row.label ?? null,
      profileId: row.profileId,
      profileName: profile?.name ?? null,
      audienceId: row.remoteAudienceId ?? (await audienceOf(profile)),
      match: row.match,
      conditions: row.conditions ?? [],
      remoteKind: row.remoteKind,
      remoteId: row.remoteId ?? null,
      remoteName: row.remoteName ?? null,
      status: broken ? 'error' : row.status,
      memberCount: row.memberCount ?? 0,
      lastSyncedAt: row.lastSyncedAt ?? null,
      lastError: broken ?? row.lastError ?? null,
      lastSync: row.lastSync ?? null,
      createdAt: row.createdAt,
      updatedAt: row.updatedAt,
    };
  };

  const viewOne = async (row: SegmentRow) =>
    view(row, (await profiles().findStored(row.profileId)) ?? undefined);

  const enqueueSync = async (
    id: number,
    reason: NonNullable<SegmentSyncPayload['reason']>,
    delayMs = 0
  ) =>
    getService(strapi, 'jobs').enqueue(
      SEGMENT_SYNC_JOB,
      { segmentId: id, reason } satisfies SegmentSyncPayload,
      { dedupeKey: segmentDedupeKey(id), delayMs }
    );

  /** Fields that name a contact in the preview: first + last name, else the type's label field. */
  const labelFields = (uid: string): string[] => {
    const attributes = schemasOf(strapi)[uid]?.attributes ?? {};
    if (attributes.firstName || attributes.lastName)
      return ['firstName', 'lastName'].filter((f) => attributes[f]);
    const field = labelFieldOf(schemasOf(strapi), uid);
    return field ? [field] : [];
  };

  return {
    listRows: () => rows.all(),

    async list(): Promise<SegmentView[]> {
      const byId = new Map((await profiles().listStored()).map((p) => [p.id, p]));
      defaultAudiences.clear();
      return Promise.all((await rows.all()).map((row) => view(row, byId.get(row.profileId))));
    },

    async get(id: number) {
      defaultAudiences.clear();
      return viewOne(await find(id));
    },

    async attributes(rawProfileId: unknown): Promise<SegmentAttribute[]> {
      const { profileId, problem } = readProfileId(rawProfileId);
      if (problem) throw invalid([problem]);
      const found = await profileOrProblem(profileId);
      if (!found.profile) throw new errors.NotFoundError(found.problem?.message);
      return listSegmentAttributes(schemasOf(strapi), found.profile.sourceUid);
    },

    /** Count and first contacts of an unsaved definition: the same evaluation the sync runs. */
    async preview(body: Record<string, unknown>): Promise<SegmentPreview> {
      const problems: SegmentProblem[] = [];
      const { profileId, problem } = readProfileId(body.profileId);
      if (problem) problems.push(problem);
      const match = readMatch(body.match);
      if (!match) problems.push({ path: 'match', message: 'Match must be "all" or "any".' });
      const conditions = readConditions(body.conditions);
      problems.push(...conditions.problems);
      const limit = body.limit === undefined ? 10 : Number(body.limit);
      if (!Number.isInteger(limit) || limit < 0 || limit > PREVIEW_MAX)
        problems.push({ path: 'limit', message: `limit must be 0 to ${PREVIEW_MAX}.` });
      const found = problems.length === 0 ? await profileOrProblem(profileId) : { profile: null };
      if (found.problem) problems.push(found.problem);
      if (problems.length > 0 || !found.profile) throw invalid(problems);
      const profile = found.profile;
      const compiled = compileFor(strapi, profile, match ?? 'all', conditions.conditions);
      if (!compiled.ok) throw invalid(compiled.problems);
      const fields = labelFields(profile.sourceUid);
      let count = 0;
      const sample: SegmentPreview['sample'] = [];
      for await (const page of eligibleContacts(strapi, profile, compiled.filters, { fields })) {
        count += page.length;
        for (const contact of page) {
          if (sample.length >= limit) break;
          const label = fields
            .map((f) => contact.entry[f])
            .filter((v) => typeof v === 'string' && v.trim() !== '')
            .join(' ');
          sample.push({
            documentId: contact.documentId,
            email: contact.email,
            label: label || contact.email,
          });
        }
      }
      return { count, sample };
    },

    async create(body: Record<string, unknown>, actor: AuditActor) {
      const { input, filters } = await checked(body);
      const row = (await strapi.db.query(SEGMENT_UID).create({
        data: { ...input, filters, status: 'pending', memberCount: 0 },
      })) as SegmentRow;
      cache = null;
      await audit().record(actor, {
        action: 'segment.created',
        subjectType: 'segment',
        subjectId: row.id,
        after: { ...input },
      });
      await enqueueSync(row.id, 'edit');
      return viewOne(row);
    },

    async update(id: number, body: Record<string, unknown>, actor: AuditActor) {
      const before = await find(id);
      const { input, filters } = await checked(body);
      const row = await rows.update(id, { ...input, filters, status: 'pending' });
      cache = null;
      await audit().record(actor, {
        action: 'segment.changed',
        subjectType: 'segment',
        subjectId: id,
        before: {
          name: before.name,
          label: before.label,
          profileId: before.profileId,
          match: before.match,
          conditions: before.conditions,
          remoteKind: before.remoteKind,
        },
        after: { ...input },
      });
      await enqueueSync(id, 'edit');
      return viewOne(row);
    },

    /** A copy of the definition under "<name> (copy)", not synced until asked. */
    async duplicate(id: number, actor: AuditActor) {
      const source = await find(id);
      const data = {
        name: `${source.name} (copy)`.slice(0, 100),
        label: source.label,
        profileId: source.profileId,
        match: source.match,
        conditions: source.conditions,
        filters: source.filters,
        remoteKind: source.remoteKind,
        status: 'pending',
        memberCount: 0,
      };
      const row = (await strapi.db.query(SEGMENT_UID).create({ data })) as SegmentRow;
      cache = null;
      await audit().record(actor, {
        action: 'segment.created',
        subjectType: 'segment',
        subjectId: row.id,
        after: { ...data, duplicateOf: id },
      });
      return viewOne(row);
    },

    /** Deletes the definition; the platform segment is kept or removed as the editor chose. */
    async remove(id: number, remote: unknown, actor: AuditActor) {
      if (remote !== 'keep' && remote !== 'remove')
        throw invalid([
          {
            path: 'remote',
            message:
              'Say what happens to the platform segment: remote=keep leaves it, remote=remove deletes it.',
          },
        ]);
      const row = await find(id);
      let remoteRemoved = false;
      if (remote === 'remove' && row.remoteId && row.remoteAudienceId) {
        const { provider } = await getService(strapi, 'connections').provider(
          row.remoteConnectionId ?? undefined
        );
        await provider.segments.delete(row.remoteAudienceId, row.remoteId);
        remoteRemoved = true;
      }
      await strapi.db.query(SEGMENT_UID).delete({ where: { id } });
      await memberStore(strapi).clear(id);
      cache = null;
      await audit().record(actor, {
        action: 'segment.deleted',
        subjectType: 'segment',
        subjectId: id,
        before: { name: row.name, remoteId: row.remoteId, memberCount: row.memberCount },
        after: { remote, remoteRemoved },
      });
      return { deleted: true, remoteRemoved };
    },

    async syncNow(id: number) {
      await find(id);
      return enqueueSync(id, 'manual');
    },

    enqueueSync,

    /**
     * After a contact push: when the contact's membership of a segment of that profile changed
     * (in or out, or a new address), a sync of that segment is enqueued, coalesced per segment.
     * Costs one cached read when the profile has no segments.
     */
    async afterContactPush(profileId: number, documentId: string) {
      const mine = (await cachedRows()).filter((s) => s.profileId === profileId);
      if (mine.length === 0) return { enqueued: 0 };
      const profile = await profiles().findStored(profileId);
      if (!profile) return { enqueued: 0 };
      const held = await memberStore(strapi).holding(
        mine.map((s) => s.id),
        documentId
      );
      let enqueued = 0;
      for (const segment of mine) {
        const compiled = compileFor(strapi, profile, segment.match, segment.conditions ?? []);
        if (!compiled.ok) continue;
        let email: string | undefined;
        for await (const page of eligibleContacts(strapi, profile, compiled.filters, {
          documentIds: [documentId],
        }))
          email = (await onAudience(strapi, profileId, page)).members.get(documentId) ?? email;
        // A threshold's manual member stays in although no filter selects it (as the sync does).
        if (email === undefined && held.has(segment.id))
          email = await manualMember(segment.id, documentId);
        if (email === held.get(segment.id)) continue;
        await enqueueSync(segment.id, 'member-change', MEMBER_CHANGE_DELAY_MS);
        enqueued++;
      }
      return { enqueued };
    },
  };
};

export default segments;
