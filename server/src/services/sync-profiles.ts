import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { isPlatformError } from '../providers/errors';
import type { AudienceField } from '../providers/types';
import type { ProfileInput, ProfileView } from '../types/sync';
import type { AuditActor } from '../types/audit';
import { getService } from '../utils/get-service';
import { invalid } from '../utils/invalid';
import { FULL_SYNC_JOB } from '../sync/jobs';
import type { StoredProfile } from '../sync/profile-runtime';
import { listSources, type SchemaLike } from '../sync/sources';
import { readProfileInput, validateProfile, type ProfileProblem } from '../sync/validate-profile';

const UID = 'plugin::email-marketing.sync-profile';
const STATE = 'email_marketing_contact_states';

export interface ProfileRow
  extends Omit<
    StoredProfile,
    'mergeFields' | 'staticTags' | 'consentRule' | 'flowBack' | 'onErase'
  > {
  /** null on rows saved before the setting existed. */
  flowBack: boolean | null;
  onErase: StoredProfile['onErase'] | null;
  mergeFields: StoredProfile['mergeFields'] | null;
  staticTags: string[] | null;
  consentRule: StoredProfile['consentRule'] | null;
  createdAt: string;
  updatedAt: string;
}

const toStored = (row: ProfileRow): StoredProfile & { createdAt: string; updatedAt: string } => ({
  ...row,
  mergeFields: row.mergeFields ?? [],
  staticTags: row.staticTags ?? [],
  consentRule: row.consentRule ?? { kind: 'boolean' },
  flowBack: row.flowBack === true,
  onErase: row.onErase ?? 'keep',
});

/** Mapping profiles: CRUD with validation against the source type and the audience. */
const syncProfiles = ({ strapi }: { strapi: Core.Strapi }) => {
  const query = () => strapi.db.query(UID);
  const sources = () => listSources(strapi.contentTypes as unknown as Record<string, SchemaLike>);

  /** The audience's fields, or a problem saying why they could not be read. */
  const audienceFields = async (
    input: Pick<ProfileInput, 'connectionId' | 'audienceId'>
  ): Promise<{
    fields: AudienceField[] | null;
    problem?: ProfileProblem;
    audienceId?: string;
    connectionId?: number;
  }> => {
    let resolved;
    try {
      resolved = await getService(strapi, 'connections').provider(input.connectionId ?? undefined);
    } catch (error) {
      return { fields: null, problem: { path: 'connectionId', message: (error as Error).message } };
    }
    const audienceId = input.audienceId ?? resolved.connection.defaultAudienceId;
    if (!audienceId)
      return {
        fields: null,
        problem: {
          path: 'audienceId',
          message: 'Choose an audience (the connection has no default audience).',
        },
      };
    try {
      return {
        fields: await resolved.provider.getFields(audienceId),
        audienceId,
        connectionId: resolved.connection.id,
      };
    } catch (error) {
      if (isPlatformError(error) && error.kind === 'not_found')
        return {
          fields: null,
          problem: {
            path: 'audienceId',
            message: `The audience ${audienceId} no longer exists on the platform (deleted there?). Choose another.`,
          },
        };
      if (isPlatformError(error))
        return { fields: null, problem: { path: 'audienceId', message: error.message } };
      throw error;
    }
  };

  const checked = async (body: Record<string, unknown>) => {
    const { input, problems } = readProfileInput(body);
    const audience = await audienceFields(input);
    const all = [
      ...problems,
      ...(audience.problem ? [audience.problem] : []),
      ...validateProfile(input, sources(), audience.fields),
    ];
    if (all.length > 0) throw invalid(all);
    return input;
  };

  const stats = async (profileId: number) => {
    const rows = (await strapi.db
      .connection(STATE)
      .select('remote_status as status')
      .count('* as n')
      .where('profile_id', profileId)
      .groupBy('remote_status')) as Array<{ status: string | null; n: number | string }>;
    const errorsCount = await strapi.db
      .connection(STATE)
      .count('* as n')
      .where('profile_id', profileId)
      .whereNotNull('last_error')
      .first();
    const by = Object.fromEntries(rows.map((r) => [r.status ?? 'none', Number(r.n)]));
    const contacts = rows.reduce((sum, r) => sum + Number(r.n), 0);
    return {
      contacts,
      synced: contacts - (by.none ?? 0),
      errors: Number((errorsCount as { n?: number | string } | undefined)?.n ?? 0),
      subscribed: by.subscribed ?? 0,
      pending: by.pending ?? 0,
      unsubscribed: by.unsubscribed ?? 0,
      cleaned: by.cleaned ?? 0,
    };
  };

  const view = async (row: ProfileRow): Promise<ProfileView> => {
    const profile = toStored(row);
    let resolvedConnectionId: number | null = profile.connectionId;
    let resolvedAudienceId: string | null = profile.audienceId;
    try {
      const { connection } = await getService(strapi, 'connections').provider(
        profile.connectionId ?? undefined
      );
      resolvedConnectionId = connection.id;
      resolvedAudienceId = profile.audienceId ?? connection.defaultAudienceId;
    } catch {
      // no connection: shown as unresolved
    }
    const running = await getService(strapi, 'jobs').list({
      type: FULL_SYNC_JOB,
      status: ['queued', 'running'],
      page: 1,
      pageSize: 20,
    });
    const job = running.jobs.find(
      (j) => (j.payload as { profileId?: number } | null)?.profileId === profile.id
    );
    return {
      ...profile,
      resolvedConnectionId,
      resolvedAudienceId,
      stats: await stats(profile.id),
      runningJob: job
        ? {
            id: job.id,
            done: job.progress?.done ?? 0,
            total: job.progress?.total ?? null,
            status: job.status,
          }
        : null,
    };
  };

  /** The connection and audience a profile pushes to, or null when unresolved. */
  const target = async (profile: Pick<ProfileInput, 'connectionId' | 'audienceId'>) => {
    try {
      const { connection } = await getService(strapi, 'connections').provider(
        profile.connectionId ?? undefined
      );
      const audienceId = profile.audienceId ?? connection.defaultAudienceId;
      return audienceId ? { connectionId: connection.id, audienceId } : null;
    } catch {
      return null;
    }
  };

  /** A profile now pushes to another audience: that audience needs the webhook too (a job). */
  const followAudience = async (
    before: Pick<ProfileInput, 'connectionId' | 'audienceId'> | null,
    after: Pick<ProfileInput, 'connectionId' | 'audienceId'>
  ) => {
    const next = await target(after);
    const previous = before ? await target(before) : null;
    if (
      next &&
      (next.connectionId !== previous?.connectionId || next.audienceId !== previous?.audienceId)
    )
      await getService(strapi, 'webhooks').registerLater(
        next.connectionId,
        `a sync profile now uses audience ${next.audienceId}`
      );
  };

  const find = async (id: number) => {
    const row = (await query().findOne({ where: { id } })) as ProfileRow | null;
    if (!row) throw new errors.NotFoundError('No such sync profile.');
    return row;
  };

  return {
    sources,
    audienceFields,
    async list(): Promise<ProfileView[]> {
      return Promise.all(
        ((await query().findMany({ orderBy: { id: 'asc' } })) as ProfileRow[]).map(view)
      );
    },
    async get(id: number) {
      return view(await find(id));
    },
    async listStored(): Promise<StoredProfile[]> {
      return ((await query().findMany({ orderBy: { id: 'asc' } })) as ProfileRow[]).map(toStored);
    },
    async findStored(id: number): Promise<StoredProfile | null> {
      const row = (await query().findOne({ where: { id } })) as ProfileRow | null;
      return row ? toStored(row) : null;
    },
    /** Validated input, for the preview of an unsaved mapping. */
    checked,
    async create(body: Record<string, unknown>, actor: AuditActor) {
      const input = await checked(body);
      const row = (await query().create({ data: input })) as ProfileRow;
      getService(strapi, 'contactSync').invalidate();
      await followAudience(null, input);
      await getService(strapi, 'audit').record(actor, {
        action: 'sync-profile.created',
        subjectType: 'sync-profile',
        subjectId: row.id,
        after: { ...input },
      });
      return view(row);
    },
    async update(id: number, body: Record<string, unknown>, actor: AuditActor) {
      const before = await find(id);
      const input = await checked(body);
      await query().update({ where: { id }, data: input });
      getService(strapi, 'contactSync').invalidate();
      await followAudience(before, input);
      await getService(strapi, 'audit').record(actor, {
        action: 'sync-profile.changed',
        subjectType: 'sync-profile',
        subjectId: id,
        before: { ...toStored(before) },
        after: { ...input },
      });
      return view(await find(id));
    },
    async remove(id: number, actor: AuditActor) {
      const row = await find(id);
      await query().delete({ where: { id } });
      await strapi.db.connection(STATE).where('profile_id', id).delete();
      getService(strapi, 'contactSync').invalidate();
      await getService(strapi, 'audit').record(actor, {
        action: 'sync-profile.deleted',
        subjectType: 'sync-profile',
        subjectId: id,
        before: { name: row.name, sourceUid: row.sourceUid },
      });
    },
    async enqueueFullSync(id: number, reason: 'manual' | 'reconcile', force = false) {
      await find(id);
      const result = await getService(strapi, 'jobs').enqueue(
        FULL_SYNC_JOB,
        { profileId: id, force, reason },
        { dedupeKey: `sync:${id}` }
      );
      return result;
    },
    async markFullSync(id: number) {
      await query().update({ where: { id }, data: { lastFullSyncAt: new Date().toISOString() } });
    },
  };
};

export default syncProfiles;
