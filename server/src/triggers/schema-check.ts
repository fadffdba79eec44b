import type { Core } from '@strapi/strapi';
import type { SchemaLike } from '../sync/sources';
import type { PointEvent, TriggerEventOptions } from '../types/triggers';

/** Attribute types a "field changes to" rule can watch: values an editor types or picks. */
const SCALAR = new Set([
  'string',
  'text',
  'email',
  'uid',
  'enumeration',
  'boolean',
  'integer',
  'biginteger',
  'decimal',
  'float',
  'date',
  'datetime',
]);
const SYSTEM = new Set(['createdAt', 'updatedAt', 'publishedAt', 'documentId', 'locale']);

export const schemasOf = (strapi: Core.Strapi) =>
  strapi.contentTypes as unknown as Record<string, SchemaLike | undefined>;

/**
 * Why a rule's event cannot work on the schema as it is now (a type or field removed since,
 * or a relation that no longer points at the contact type), or null when it can.
 */
export const eventProblem = (
  schemas: Record<string, SchemaLike | undefined>,
  sourceUid: string,
  event: PointEvent
): string | null => {
  if (event.type === 'entry.created') {
    const schema = schemas[event.uid];
    if (!schema) return `The content type ${event.uid} does not exist (removed?).`;
    const attribute = schema.attributes[event.relationField];
    if (!attribute)
      return `${schema.info.displayName} has no field "${event.relationField}" (removed?).`;
    if (attribute.type !== 'relation' || attribute.target !== sourceUid)
      return `${schema.info.displayName}.${event.relationField} is not a relation to ${sourceUid}.`;
    return null;
  }
  if (event.type === 'field.changed') {
    const schema = schemas[sourceUid];
    if (!schema) return `The content type ${sourceUid} does not exist (removed?).`;
    const attribute = schema.attributes[event.field];
    if (!attribute) return `${schema.info.displayName} has no field "${event.field}" (removed?).`;
    if (!SCALAR.has(attribute.type))
      return `${schema.info.displayName}.${event.field} is a ${attribute.type}; watch a plain field.`;
    if (
      attribute.type === 'enumeration' &&
      event.value !== null &&
      !(attribute.enum ?? []).includes(String(event.value))
    )
      return `"${String(event.value)}" is not a value of ${schema.info.displayName}.${event.field}.`;
    return null;
  }
  if (
    event.type === 'contact.published' &&
    schemas[sourceUid] &&
    !draftAndPublish(schemas, sourceUid)
  )
    return `${schemas[sourceUid]!.info.displayName} has no draft & publish: it is never published.`;
  return schemas[sourceUid] ? null : `The content type ${sourceUid} does not exist (removed?).`;
};

export const draftAndPublish = (schemas: Record<string, SchemaLike | undefined>, uid: string) =>
  Boolean(schemas[uid]?.options?.draftAndPublish);

/** What the rule editor offers for a profile whose contacts are entries of `sourceUid`. */
export const eventOptions = (
  schemas: Record<string, SchemaLike | undefined>,
  sourceUid: string
): TriggerEventOptions => {
  const contentTypes: TriggerEventOptions['contentTypes'] = [];
  for (const [uid, schema] of Object.entries(schemas)) {
    if (!schema || !(uid.startsWith('api::') || uid === 'plugin::users-permissions.user')) continue;
    const relationFields = Object.entries(schema.attributes)
      .filter(([, a]) => a.type === 'relation' && a.target === sourceUid)
      .map(([name]) => name);
    if (relationFields.length > 0)
      contentTypes.push({ uid, displayName: schema.info.displayName, relationFields });
  }
  const fields = Object.entries(schemas[sourceUid]?.attributes ?? {})
    .filter(([name, a]) => SCALAR.has(a.type) && !SYSTEM.has(name) && !a.private)
    .map(([name, a]) => ({ name, type: a.type, ...(a.enum ? { enum: a.enum } : {}) }));
  return { contentTypes, fields };
};
