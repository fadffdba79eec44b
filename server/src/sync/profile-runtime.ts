import type { Core, UID } from '@strapi/strapi';
import type { AudienceField, EmailMarketingProvider } from '../providers/types';
import type { ProfileInput } from '../types/sync';
import { getService } from '../utils/get-service';
import { labelFieldOf, type SchemaLike } from './sources';
import type { Entry } from './contact-payload';

export interface StoredProfile extends ProfileInput {
  id: number;
  lastFullSyncAt: string | null;
}

/** What a sync run needs, resolved once: the provider, the audience, its fields, relation labels. */
export interface ProfileRuntime {
  profile: StoredProfile;
  /** The connection the profile resolved to (its own, or the default). */
  connectionId: number;
  provider: EmailMarketingProvider;
  audienceId: string;
  fields: AudienceField[];
  relationLabels: Record<string, string | undefined>;
  populate: Record<string, { fields: string[] }>;
}

export const resolveRuntime = async (
  strapi: Core.Strapi,
  profile: StoredProfile
): Promise<ProfileRuntime> => {
  const { connection, provider } = await getService(strapi, 'connections').provider(
    profile.connectionId ?? undefined
  );
  const audienceId = profile.audienceId ?? connection.defaultAudienceId;
  if (!audienceId)
    throw new Error(
      `Profile "${profile.name}" has no audience and its connection has no default audience.`
    );
  const fields = await provider.getFields(audienceId);
  const schemas = strapi.contentTypes as unknown as Record<string, SchemaLike>;
  const attributes = schemas[profile.sourceUid]?.attributes ?? {};
  const relationLabels: Record<string, string | undefined> = {};
  const populate: Record<string, { fields: string[] }> = {};
  for (const name of [
    ...profile.mergeFields.map((m) => m.attribute),
    ...(profile.tagAttribute ? [profile.tagAttribute] : []),
  ]) {
    const attribute = attributes[name];
    if (attribute?.type === 'relation' && attribute.target) {
      const label = labelFieldOf(schemas, attribute.target);
      relationLabels[name] = label;
      populate[name] = { fields: label ? [label] : [] };
    }
  }
  return {
    profile,
    connectionId: connection.id,
    provider,
    audienceId,
    fields,
    relationLabels,
    populate,
  };
};

/** Reads entries the profile syncs: published versions only unless drafts are synced. */
export const findEntries = async (
  strapi: Core.Strapi,
  runtime: ProfileRuntime,
  where: Record<string, unknown>,
  limit: number
): Promise<Entry[]> => {
  const schema = (strapi.contentTypes as unknown as Record<string, SchemaLike>)[
    runtime.profile.sourceUid
  ];
  const draftAndPublish = Boolean(schema?.options?.draftAndPublish);
  const statusFilter = draftAndPublish
    ? runtime.profile.syncDrafts
      ? { publishedAt: { $null: true } }
      : { publishedAt: { $notNull: true } }
    : {};
  return (await strapi.db.query(runtime.profile.sourceUid as UID.Schema).findMany({
    where: { ...where, ...statusFilter },
    orderBy: { id: 'asc' },
    limit,
    populate: runtime.populate,
  })) as Entry[];
};

const RUNTIME_TTL_MS = 60_000;
const runtimes = new WeakMap<
  Core.Strapi,
  Map<string, { at: number; runtime: Promise<ProfileRuntime> }>
>();

/**
 * The runtime of a profile, reused for a minute: a burst of single-contact pushes must not
 * decrypt credentials and read the audience's merge fields once per save. Keyed by the
 * profile's whole configuration, so an edited profile gets a fresh one.
 */
export const cachedRuntime = (
  strapi: Core.Strapi,
  profile: StoredProfile
): Promise<ProfileRuntime> => {
  let cache = runtimes.get(strapi);
  if (!cache) runtimes.set(strapi, (cache = new Map()));
  const key = JSON.stringify(profile);
  const hit = cache.get(key);
  if (hit && Date.now() - hit.at < RUNTIME_TTL_MS) return hit.runtime;
  const runtime = resolveRuntime(strapi, profile);
  cache.set(key, { at: Date.now(), runtime });
  // A failed resolution is not cached.
  runtime.catch(() => cache!.delete(key));
  return runtime;
};

/** Forgets cached runtimes (a connection changed: credentials, default audience). */
export const forgetRuntimes = (strapi: Core.Strapi) => runtimes.delete(strapi);
