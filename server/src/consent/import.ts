import type { Core } from '@strapi/strapi';
import { PLUGIN_ID } from '../constants';
import type { ChangedMember } from '../providers/types';
import type { AuditActor } from '../types/audit';
import { getService } from '../utils/get-service';
import { applyInboundEvent } from './effects';
import { liveConnections, takeSnapshot, usedAudiences } from './used-audiences';

const STORE_KEY = 'consent-import';
const STATUSES: Array<ChangedMember['status']> = ['unsubscribed', 'cleaned'];

/** `${connectionId}:${audienceId}` → when the last completed import of that audience started. */
type LastRuns = Record<string, string>;

export interface ImportSummary {
  audiences: number;
  members: number;
  applied: number;
  failedAudiences: Array<{ connectionId: number; audienceId: string; error: string }>;
}

/**
 * For accounts whose webhooks cannot reach Strapi: pages through members that unsubscribed or
 * were cleaned since the last run and applies the same effects as the webhooks would.
 */
export const importOptOuts = async (
  strapi: Core.Strapi,
  actor: AuditActor
): Promise<ImportSummary> => {
  const store = strapi.store({ type: 'plugin', name: PLUGIN_ID, key: STORE_KEY });
  const lastRuns = ((await store.get({})) as LastRuns | null) ?? {};
  const summary: ImportSummary = { audiences: 0, members: 0, applied: 0, failedAudiences: [] };
  const snapshot = await takeSnapshot(strapi);
  for (const connection of await liveConnections(strapi, snapshot)) {
    const { provider } = await getService(strapi, 'connections').provider(connection.id);
    for (const audienceId of await usedAudiences(strapi, connection, snapshot)) {
      const key = `${connection.id}:${audienceId}`;
      // Started before the first page is read: a change made during the run is seen next time.
      const startedAt = new Date().toISOString();
      summary.audiences++;
      try {
        for (const status of STATUSES) {
          for await (const member of provider.listChangedMembers(
            audienceId,
            status,
            lastRuns[key] ?? null
          )) {
            summary.members++;
            const result = await applyInboundEvent(
              strapi,
              {
                connectionId: connection.id,
                source: `import:${connection.provider}`,
                actor,
                snapshot,
              },
              { kind: status, audienceId, email: member.email }
            );
            if ('applied' in result && result.applied.length > 0) summary.applied++;
          }
        }
        lastRuns[key] = startedAt;
        await store.set({ value: lastRuns });
      } catch (error) {
        summary.failedAudiences.push({
          connectionId: connection.id,
          audienceId,
          error: (error as Error).message,
        });
      }
    }
  }
  if (summary.failedAudiences.length > 0 && summary.applied === 0 && summary.members === 0)
    throw new Error(
      `The import could not read any audience: ${summary.failedAudiences.map((f) => f.error).join('; ')}`
    );
  return summary;
};
