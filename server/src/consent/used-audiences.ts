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

/** Connections that can be called (not disconnected). */
export const liveConnections = async (strapi: Core.Strapi): Promise<ConnectionView[]> =>
  (await getService(strapi, 'connections').list()).filter((c) => c.status !== 'disconnected');

/** Every profile resolved to its connection and audience (null connection/audience: the defaults). */
export const resolvedProfiles = async (strapi: Core.Strapi): Promise<ResolvedProfile[]> => {
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
  connection: ConnectionView
): Promise<string[]> => {
  const audiences = new Set<string>();
  if (connection.defaultAudienceId) audiences.add(connection.defaultAudienceId);
  for (const resolved of await resolvedProfiles(strapi))
    if (resolved.connectionId === connection.id) audiences.add(resolved.audienceId);
  return [...audiences];
};
