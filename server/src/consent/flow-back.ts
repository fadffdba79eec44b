import type { Core, UID } from '@strapi/strapi';
import { cachedRuntime } from '../sync/profile-runtime';
import { differs, toAttributeValue, type AttributeLike } from '../sync/flow-back';
import type { ContactStateRow } from '../sync/state-store';
import { getService } from '../utils/get-service';
import type { EffectResult, EventOrigin } from './effects';
import type { ResolvedProfile } from './used-audiences';

type Entry = Record<string, unknown> & { documentId: string; publishedAt?: unknown };

/**
 * A profile change on the platform (the person edited their details) updates the mapped
 * attributes of the entry, for profiles with `flowBack` on. Written with the query engine, like
 * the cleared consent field: no document-service middleware runs, so nothing is pushed back.
 */
export const flowBackProfile = async (
  strapi: Core.Strapi,
  origin: EventOrigin,
  event: { audienceId: string; email: string; fields: Record<string, string> },
  targets: Array<{ resolved: ResolvedProfile; state: ContactStateRow }>
): Promise<EffectResult> => {
  const enabled = targets.filter((t) => t.resolved.profile.flowBack);
  if (enabled.length === 0) return { ignored: 'profile changes do not flow back (off)' };
  const applied: string[] = [];
  for (const { resolved, state } of enabled) {
    const { profile } = resolved;
    const uid = profile.sourceUid as UID.Schema;
    const runtime = await cachedRuntime(strapi, profile);
    const mapped = Object.fromEntries(
      profile.mergeFields
        .filter((m) => m.tag in event.fields && !(m.attribute in runtime.relationLabels))
        .map((m) => [m.tag, event.fields[m.tag]])
    );
    const read = runtime.provider.readFields(runtime.fields, mapped);
    const rows = (await strapi.db
      .query(uid)
      .findMany({ where: { documentId: state.sourceDocumentId } })) as Entry[];
    const entry = rows.find((r) => r.publishedAt) ?? rows[0];
    if (!entry) continue;
    const attributes = (strapi.contentTypes[uid as UID.ContentType]?.attributes ?? {}) as Record<
      string,
      AttributeLike
    >;
    const before: Record<string, unknown> = {};
    const after: Record<string, unknown> = {};
    const refused: Record<string, string> = {};
    for (const { attribute, tag } of profile.mergeFields) {
      const value = read[tag];
      const spec = attributes[attribute];
      // Consent changes only through a consent event, never from a platform profile field.
      if (!value || !spec || attribute === profile.emailField || attribute === profile.consentField)
        continue;
      const converted = toAttributeValue(spec, value, entry[attribute]);
      if (!converted.ok) refused[attribute] = converted.reason;
      else if (differs(spec, converted.value, entry[attribute])) {
        before[attribute] = entry[attribute] ?? null;
        after[attribute] = converted.value;
      }
    }
    if (Object.keys(after).length === 0) continue;
    // Every row of the document (draft and published) follows.
    await strapi.db
      .query(uid)
      .updateMany({ where: { documentId: state.sourceDocumentId }, data: after });
    await getService(strapi, 'audit').record(origin.actor, {
      action: 'contact.profile-updated',
      subjectType: profile.sourceUid,
      subjectId: state.sourceDocumentId,
      email: event.email.toLowerCase(),
      before,
      after: {
        ...after,
        source: origin.source,
        ...(Object.keys(refused).length ? { notWritten: refused } : {}),
      },
    });
    applied.push(
      `profile ${profile.id} entry ${state.sourceDocumentId}: ${Object.keys(after).join(', ')}`
    );
  }
  return applied.length ? { applied } : { ignored: 'the entry already holds these values' };
};
