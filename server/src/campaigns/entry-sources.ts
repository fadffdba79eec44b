import type { EntrySource } from '../types/campaigns';
import { absoluteUrl, type DigestEntry } from './digest';

export interface EntrySchema {
  uid: string;
  kind: string;
  info: { displayName: string; pluralName?: string };
  options?: { draftAndPublish?: boolean };
  attributes: Record<string, { type: string; multiple?: boolean; allowedTypes?: string[] }>;
}

// The first attribute of the right type whose name is in the list wins, in this order.
const TITLE = ['title', 'name', 'headline', 'heading', 'subject', 'label'];
const SUMMARY = [
  'summary',
  'excerpt',
  'description',
  'intro',
  'lead',
  'abstract',
  'teaser',
  'subtitle',
];
const LINK = ['url', 'link', 'permalink', 'slug'];
const TEXTUAL = new Set(['string', 'text', 'richtext', 'blocks', 'uid']);

const pick = (schema: EntrySchema, names: string[], types: Set<string>) =>
  names.find((name) => types.has(schema.attributes[name]?.type ?? '')) ?? null;

/** The first media field that may hold images. */
const imageFieldOf = (schema: EntrySchema) =>
  Object.entries(schema.attributes).find(
    ([, a]) => a.type === 'media' && (!a.allowedTypes || a.allowedTypes.includes('images'))
  )?.[0] ?? null;

/**
 * Which fields of an entry make a digest item, guessed by name: title from title/name/headline…,
 * summary from summary/excerpt/description…, the first image field, link from url/link/slug.
 * null when the type has no title-like field (it cannot be listed meaningfully).
 */
export const entrySourceOf = (schema: EntrySchema): EntrySource | null => {
  const titleField = pick(schema, TITLE, new Set(['string', 'text', 'uid']));
  if (!titleField) return null;
  return {
    uid: schema.uid,
    displayName: schema.info.displayName,
    titleField,
    summaryField: pick(schema, SUMMARY, TEXTUAL),
    imageField: imageFieldOf(schema),
    linkField: pick(schema, LINK, new Set(['string', 'text', 'uid'])),
  };
};

/** The app's own collection types (api::) that have a title-like field. */
export const listEntrySources = (schemas: Record<string, EntrySchema>): EntrySource[] =>
  Object.values(schemas)
    .filter((schema) => schema.kind === 'collectionType' && schema.uid.startsWith('api::'))
    .map(entrySourceOf)
    .filter((source): source is EntrySource => source !== null)
    .sort((a, b) => a.displayName.localeCompare(b.displayName));

interface BlockNode {
  type?: string;
  text?: string;
  children?: BlockNode[];
}

/** Plain text of a field: strings as they are, Strapi blocks flattened to paragraphs. */
export const plainText = (value: unknown): string | null => {
  if (typeof value === 'string') return value.trim() || null;
  if (Array.isArray(value)) {
    const textOf = (node: BlockNode): string =>
      typeof node.text === 'string' ? node.text : (node.children ?? []).map(textOf).join('');
    return (value as BlockNode[]).map(textOf).join('\n\n').trim() || null;
  }
  return null;
};

const mediaUrl = (value: unknown): string | null => {
  const file = Array.isArray(value) ? value[0] : value;
  if (!file || typeof file !== 'object') return null;
  const { url, formats } = file as { url?: string; formats?: Record<string, { url?: string }> };
  // A mid-size rendition when Strapi made one: lighter than the original, sharp at 600 px.
  return formats?.medium?.url ?? formats?.large?.url ?? url ?? null;
};

/**
 * An entry as a digest item. Image paths become absolute with the public URL; a link field
 * holding a full URL is used as is, a slug becomes <siteUrl>/<pluralName>/<slug>.
 */
export const toDigestEntry = (
  source: EntrySource,
  schema: EntrySchema,
  entry: Record<string, unknown>,
  urls: { publicUrl: string; siteUrl: string }
): DigestEntry & { documentId: string } => {
  const field = (name: string | null) => (name ? entry[name] : undefined);
  const linkValue = plainText(field(source.linkField));
  let link: string | null = null;
  if (linkValue && /^https?:\/\//i.test(linkValue)) link = linkValue;
  else if (linkValue)
    link =
      `${urls.siteUrl.replace(/\/+$/, '')}/${schema.info.pluralName ?? ''}/${encodeURIComponent(linkValue)}`.replace(
        /([^:])\/\/+/g,
        '$1/'
      );
  return {
    documentId: String(entry.documentId),
    title: plainText(field(source.titleField)) ?? `(untitled ${schema.info.displayName})`,
    summary: plainText(field(source.summaryField)),
    imageUrl: absoluteUrl(mediaUrl(field(source.imageField)), urls.publicUrl),
    link,
  };
};
