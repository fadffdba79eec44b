/** The part of a Strapi content-type schema this module reads. */
export interface ContentTypeLike {
  uid: string;
  kind: 'collectionType' | 'singleType';
  info: { displayName: string };
  attributes: Record<string, { type: string }>;
}

export interface EmailContentType {
  uid: string;
  displayName: string;
  /** Attributes of type `email`, in schema order. */
  emailFields: string[];
}

/** Namespaces that hold Strapi's own machinery, never a project's contacts. */
const INTERNAL_PREFIXES = ['admin::', 'strapi::'];

/**
 * The collection types a project could sync as contacts: those with at least one `email`
 * attribute. Admin users are excluded on purpose; `plugin::users-permissions.user` is kept.
 */
export const findEmailContentTypes = (
  contentTypes: Record<string, ContentTypeLike>
): EmailContentType[] =>
  Object.values(contentTypes)
    .filter((ct) => ct.kind === 'collectionType')
    .filter((ct) => !INTERNAL_PREFIXES.some((prefix) => ct.uid.startsWith(prefix)))
    .map((ct) => ({
      uid: ct.uid,
      displayName: ct.info.displayName,
      emailFields: Object.entries(ct.attributes)
        .filter(([, attribute]) => attribute.type === 'email')
        .map(([name]) => name),
    }))
    .filter((ct) => ct.emailFields.length > 0)
    .sort((a, b) => a.uid.localeCompare(b.uid));
