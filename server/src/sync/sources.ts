import type { SourceAttribute, SyncSource } from '../types/sync';

export interface SchemaLike {
  uid: string;
  kind: string;
  info: { displayName: string };
  options?: { draftAndPublish?: boolean };
  attributes: Record<
    string,
    { type: string; enum?: string[]; target?: string; relation?: string; private?: boolean }
  >;
}

/** Strapi's machinery and this plugin's own tables are never contact sources. */
const EXCLUDED = [
  /^admin::/,
  /^strapi::/,
  /^plugin::email-marketing\./,
  /^plugin::upload\./,
  /^plugin::i18n\./,
  /^plugin::content-releases\./,
  /^plugin::review-workflows\./,
];

/** Attributes Strapi adds to every type: bookkeeping, not contact data. */
const SYSTEM_ATTRIBUTES = new Set([
  'createdAt',
  'updatedAt',
  'publishedAt',
  'createdBy',
  'updatedBy',
  'locale',
  'localizations',
  'documentId',
]);

const LABEL_CANDIDATES = ['name', 'title', 'label', 'username', 'email'];

/** The attribute that names an entry of `uid`, for relation labels and tags. */
export const labelFieldOf = (
  schemas: Record<string, SchemaLike>,
  uid: string
): string | undefined => {
  const attributes = schemas[uid]?.attributes ?? {};
  return (
    LABEL_CANDIDATES.find((name) => attributes[name]) ??
    Object.keys(attributes).find((name) => attributes[name].type === 'string')
  );
};

/** Collection types with an email or string attribute, with what the mapping page needs to know. */
export const listSources = (schemas: Record<string, SchemaLike>): SyncSource[] =>
  Object.values(schemas)
    .filter(
      (schema) =>
        schema.kind === 'collectionType' && !EXCLUDED.some((pattern) => pattern.test(schema.uid))
    )
    .map((schema) => {
      const attributes: SourceAttribute[] = Object.entries(schema.attributes)
        .filter(([name]) => !SYSTEM_ATTRIBUTES.has(name))
        .filter(([, attribute]) => !attribute.private || attribute.type === 'email')
        .filter(
          ([, attribute]) =>
            attribute.type !== 'password' &&
            attribute.type !== 'media' &&
            attribute.type !== 'component' &&
            attribute.type !== 'dynamiczone'
        )
        .map(([name, attribute]) => ({
          name,
          type: attribute.type,
          ...(attribute.enum ? { enum: attribute.enum } : {}),
          ...(attribute.type === 'relation' && attribute.target
            ? { target: attribute.target, labelField: labelFieldOf(schemas, attribute.target) }
            : {}),
        }));
      const emailCandidates = [
        ...attributes.filter((a) => a.type === 'email').map((a) => a.name),
        ...attributes.filter((a) => a.type === 'string').map((a) => a.name),
      ];
      return {
        uid: schema.uid,
        displayName: schema.info.displayName,
        draftAndPublish: Boolean(schema.options?.draftAndPublish),
        attributes,
        emailCandidates,
      };
    })
    .filter((source) => source.emailCandidates.length > 0)
    .sort((a, b) => a.uid.localeCompare(b.uid));
