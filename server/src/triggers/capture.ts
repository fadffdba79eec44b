import { AsyncLocalStorage } from 'async_hooks';
import { randomUUID } from 'crypto';
import type { Core, UID } from '@strapi/strapi';
import { getService } from '../utils/get-service';
import { CAPTURE_JOB, type CapturePayload, type SaveCapture } from './job-types';
import type { RuleIndex } from './rule-index';
import { draftAndPublish, schemasOf } from './schema-check';

export interface CaptureContext {
  uid: string;
  action: string;
  params?: { documentId?: string; data?: Record<string, unknown> } & Record<string, unknown>;
}

type Next = () => Promise<unknown>;

/**
 * Points need not be instant: the job waits a second so that it runs after the editor's burst
 * of saves instead of competing with them for the database (SQLite has one connection).
 */
const CAPTURE_DELAY_MS = 1000;

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
 * The row Strapi's own update reads first (the draft it is about to change), caught on its way
 * past: that is the previous value, so a save needs no read of its own to tell a change TO a
 * rule's value from a re-save. Only within a capture's async context, only the first findOne
 * of that type and document.
 */
interface PreviousSlot {
  uid: string;
  documentId: string;
  draftOnly: boolean;
  row?: Record<string, unknown>;
}
const previousSlot = new AsyncLocalStorage<PreviousSlot>();
const catchPrevious = {
  afterFindOne(event: { model: { uid: string }; result?: unknown }) {
    const slot = previousSlot.getStore();
    if (!slot || slot.row || event.model.uid !== slot.uid) return;
    const row = event.result as Record<string, unknown> | null | undefined;
    if (row?.documentId === slot.documentId && (!slot.draftOnly || row.publishedAt == null))
      slot.row = row;
  },
};

/**
 * The document-service side of point rules: when a save could match an active rule, one small
 * `points.capture` job joins the save's transaction and the save returns; the worker does the
 * rest. Saves of types no rule watches pay one in-memory lookup.
 */
export const createCaptureMiddleware = (strapi: Core.Strapi, index: RuleIndex) => {
  let subscribed = false;

  const enqueue = async (context: CaptureContext, result: unknown, ruleIds: number[]) => {
    const documentId = documentIdOf(context, result);
    if (!documentId || ruleIds.length === 0) return;
    const payload: CapturePayload = {
      action: context.action as SaveCapture['action'],
      uid: context.uid,
      documentId,
      ruleIds: [...new Set(ruleIds)],
      eventId: randomUUID(),
      at: new Date().toISOString(),
    };
    await getService(strapi, 'jobs').enqueue(CAPTURE_JOB, payload, { delayMs: CAPTURE_DELAY_MS });
  };

  return async (context: CaptureContext, next: Next) => {
    if (context.uid.startsWith('plugin::email-marketing.')) return next();
    const rules = await index.forUid(context.uid);
    if (!rules) return next();
    const data = context.params?.data ?? {};
    const created = context.action === 'create' ? rules.created : [];
    const published = context.action === 'publish' ? rules.published : [];
    // Fields this save sets to a value some rule waits for; others cannot match.
    const watched: string[] = [];
    if ((context.action === 'create' || context.action === 'update') && rules.fields.size > 0)
      for (const [field, list] of rules.fields)
        if (field in data && list.some((r) => sameValue(data[field], r.value))) watched.push(field);
    if (created.length + published.length + watched.length === 0) return next();
    const matching = (previous: Record<string, unknown> | null | undefined) =>
      watched.flatMap((field) =>
        (rules.fields.get(field) ?? []).filter(
          (rule) => sameValue(data[field], rule.value) && !sameValue(previous?.[field], rule.value)
        )
      );
    const always = [...created, ...published].map((rule) => rule.id);
    const documentId = context.params?.documentId;

    if (context.action === 'update' && watched.length > 0 && documentId) {
      const draftOnly = draftAndPublish(schemasOf(strapi), context.uid);
      if (context.params?.fields) {
        // The caller narrowed what Strapi reads: the previous value is read here instead.
        const previous = (await strapi.db.query(context.uid as UID.Schema).findOne({
          select: watched,
          where: { documentId, ...(draftOnly ? { publishedAt: null } : {}) },
        })) as Record<string, unknown> | null;
        const ruleIds = [...always, ...matching(previous).map((rule) => rule.id)];
        if (ruleIds.length === 0) return next();
        return strapi.db.transaction(async () => {
          const result = await next();
          await enqueue(context, result, ruleIds);
          return result;
        });
      }
      if (!subscribed) {
        strapi.db.lifecycles.subscribe(catchPrevious as never);
        subscribed = true;
      }
      // Strapi opens this transaction for the update anyway; the job joins it.
      const slot: PreviousSlot = { uid: context.uid, documentId, draftOnly };
      return strapi.db.transaction(() =>
        previousSlot.run(slot, async () => {
          const result = await next();
          await enqueue(context, result, [
            ...always,
            ...matching(slot.row ?? null).map((rule) => rule.id),
          ]);
          return result;
        })
      );
    }

    const ruleIds = [...always, ...matching(null).map((rule) => rule.id)];
    return strapi.db.transaction(async () => {
      const result = await next();
      await enqueue(context, result, ruleIds);
      return result;
    });
  };
};
