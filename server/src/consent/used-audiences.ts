import type { Core } from '@strapi/strapi';
import type { StoredProfile } from '../sync/profile-runtime';
import type { ConnectionView } from '../types/connections';
import { getService } from '../utils/get-service';

/** A sync profile with the connection and audience it actually pushes to. */
export interface ResolvedProfile {
  profile: StoredProfile;
  connectionId: number;
  audienceId: string;
}

/**
 * Connections and resolved profiles read once for a batch of events that all need them: the
 * webhook job would otherwise read both several times per event.
 */
export interface Snapshot {
  connections: ConnectionView[];
  profiles: ResolvedProfile[];
}

/** Connections that can be called (not disconnected). */
export const liveConnections = async (
  strapi: Core.Strapi,
  snapshot?: Snapshot
): Promise<ConnectionView[]> =>
  snapshot?.connections ??
  (await getService(strapi, 'connections').list()).filter((c) => c.status !== 'disconnected');

/** Every profile resolved to its connection and audience (null connection/audience: the defaults). */
export const resolvedProfiles = async (
  strapi: Core.Strapi,
  snapshot?: Snapshot
): Promise<ResolvedProfile[]> => {
  if (snapshot) return snapshot.profiles;
  const connections = await liveConnections(strapi);
  const fallback = connections.find((c) => c.isDefault);
  const out: ResolvedProfile[] = [];
  for (const profile of await getService(strapi, 'syncProfiles').listStored()) {
    const connection =
      profile.connectionId === null
        ? fallback
        : connections.find((c) => c.id === profile.connectionId);
    const audienceId = profile.audienceId ?? connection?.defaultAudienceId;
    if (connection && audienceId) out.push({ profile, connectionId: connection.id, audienceId });
  }
  return out;
};

/** The audiences a connection is used with: its default audience and every profile's audience. */
export const usedAudiences = async (
  strapi: Core.Strapi,
  connection: ConnectionView,
  snapshot?: Snapshot
): Promise<string[]> => {
  const audiences = new Set<string>();
  if (connection.defaultAudienceId) audiences.add(connection.defaultAudienceId);
  for (const resolved of await resolvedProfiles(strapi, snapshot))
    if (resolved.connectionId === connection.id) audiences.add(resolved.audienceId);
  return [...audiences];
};

export const takeSnapshot = async (strapi: Core.Strapi): Promise<Snapshot> => ({
  connections: await liveConnections(strapi),
  profiles: await resolvedProfiles(strapi),
});
