import { randomUUID } from 'crypto';
import type { Core, UID } from '@strapi/strapi';
import { getService } from '../utils/get-service';
import { CAPTURE_JOB, type CapturePayload, type SaveCapture } from './job-types';
import type { IndexedRule, RuleIndex } from './rule-index';
import { draftAndPublish, schemasOf } from './schema-check';

export interface CaptureContext {
  uid: string;
  action: string;
  params?: { documentId?: string; data?: Record<string, unknown> } & Record<string, unknown>;
}

type Next = () => Promise<unknown>;

/** Loose equality across the shapes a value takes on its way (form string, number, boolean). */
export const sameValue = (a: unknown, b: unknown) =>
  a === b ||
  (a !== null && a !== undefined && b !== null && b !== undefined && String(a) === String(b));

const documentIdOf = (context: CaptureContext, result: unknown) => {
  const fromResult = result as { documentId?: string; entries?: Array<{ documentId?: string }> };
  return (
    context.params?.documentId ?? fromResult?.documentId ?? fromResult?.entries?.[0]?.documentId
  );
};

/**
 * The document-service side of point rules: when a save could match an active rule, one small
 * `points.capture` job joins the save's transaction and the save returns; the worker does the
 * rest. Saves of types no rule watches pay one in-memory lookup.
 */
export const createCaptureMiddleware =
  (strapi: Core.Strapi, index: RuleIndex) => async (context: CaptureContext, next: Next) => {
    if (context.uid.startsWith('plugin::email-marketing.')) return next();
    const rules = await index.forUid(context.uid);
    if (!rules) return next();
    const data = context.params?.data ?? {};
    const created = context.action === 'create' ? rules.created : [];
    const published = context.action === 'publish' ? rules.published : [];
    // Fields this save sets to a value some rule waits for; others cannot match.
    const watched =
      context.action === 'create' || context.action === 'update'
        ? [...rules.fields.entries()]
            .filter(
              ([field, list]) => field in data && list.some((r) => sameValue(data[field], r.value))
            )
            .map(([field]) => field)
        : [];
    if (created.length + published.length + watched.length === 0) return next();

    // The previous value is read only then: a change TO the value counts, a re-save does not.
    const previous =
      context.action === 'update' && watched.length > 0 && context.params?.documentId
        ? ((await strapi.db.query(context.uid as UID.Schema).findOne({
            select: watched,
            where: {
              documentId: context.params.documentId,
              ...(draftAndPublish(schemasOf(strapi), context.uid) ? { publishedAt: null } : {}),
            },
          })) as Record<string, unknown> | null)
        : null;
    const fieldRules: IndexedRule[] = watched.flatMap((field) =>
      (rules.fields.get(field) ?? []).filter(
        (rule) => sameValue(data[field], rule.value) && !sameValue(previous?.[field], rule.value)
      )
    );
    const ruleIds = [...created, ...published, ...fieldRules].map((rule) => rule.id);
    if (ruleIds.length === 0) return next();

    return strapi.db.transaction(async () => {
      const result = await next();
      const documentId = documentIdOf(context, result);
      if (documentId) {
        const payload: CapturePayload = {
          action: context.action as SaveCapture['action'],
          uid: context.uid,
          documentId,
          ruleIds: [...new Set(ruleIds)],
          eventId: randomUUID(),
          at: new Date().toISOString(),
        };
        await getService(strapi, 'jobs').enqueue(CAPTURE_JOB, payload);
      }
      return result;
    });
  };
