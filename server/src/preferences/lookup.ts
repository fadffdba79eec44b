import type { Core } from '@strapi/strapi';
import { resolvedProfiles } from '../consent/used-audiences';
import { emailHash, stateStore, type ContactStateRow } from '../sync/state-store';
import type { PlatformStatusView, PreferenceLookup } from '../types/preferences';
import { getService } from '../utils/get-service';
import { toPreferenceView } from './views';

const STATE = 'plugin::email-marketing.contact-state';
const HISTORY_LIMIT = 200;

/** Where the address is pushed, per profile and entry, with the platform's last known status. */
const platformStatuses = async (
  strapi: Core.Strapi,
  email: string
): Promise<PlatformStatusView[]> => {
  const states = (await strapi.db.query(STATE).findMany({
    where: { email: { $eqi: email } },
    orderBy: { profileId: 'asc' },
  })) as ContactStateRow[];
  if (states.length === 0) return [];
  const profiles = await getService(strapi, 'syncProfiles').listStored();
  const resolved = await resolvedProfiles(strapi);
  const connections = await getService(strapi, 'connections').list();
  return states.map((state) => {
    const profile = profiles.find((p) => p.id === state.profileId);
    const target = resolved.find((r) => r.profile.id === state.profileId);
    const connection = connections.find((c) => c.id === target?.connectionId);
    return {
      profileId: state.profileId,
      profileName: profile?.name ?? `#${state.profileId}`,
      sourceUid: profile?.sourceUid ?? '',
      documentId: state.sourceDocumentId,
      connectionId: target?.connectionId ?? null,
      connectionName: connection?.accountName ?? null,
      audienceId: target?.audienceId ?? null,
      remoteStatus: state.remoteStatus,
      consent: state.consent,
      lastSyncedAt: state.lastSyncedAt ? new Date(state.lastSyncedAt).toISOString() : null,
      lastError: state.lastError,
    };
  });
};

/** One address: its preference (or tombstone), where it is pushed, and its audit history. */
export const lookupPreference = async (
  strapi: Core.Strapi,
  email: string
): Promise<PreferenceLookup> => {
  const record = await stateStore(strapi).preference(email);
  return {
    email,
    emailHash: emailHash(email),
    record: record ? toPreferenceView(record) : null,
    platforms: await platformStatuses(strapi, email),
    history: await getService(strapi, 'audit').list({ email, limit: HISTORY_LIMIT }),
  };
};
