import type { AudienceField } from '../providers/types';
import type { ConsentRule, ProfileInput, SyncSource } from '../types/sync';

export interface ProfileProblem {
  /** 'emailField', 'mergeFields.2.tag', … : the admin shows the message next to that input. */
  path: string;
  message: string;
}

type Body = Record<string, unknown>;

const strings = (value: unknown): string[] =>
  Array.isArray(value)
    ? value
        .filter((v): v is string => typeof v === 'string')
        .map((v) => v.trim())
        .filter(Boolean)
    : [];

/** Reads a request body into a ProfileInput; shape problems are reported, not thrown one by one. */
export const readProfileInput = (
  body: Body
): { input: ProfileInput; problems: ProfileProblem[] } => {
  const problems: ProfileProblem[] = [];
  const text = (key: string) => (typeof body[key] === 'string' ? (body[key] as string).trim() : '');
  const rule = (body.consentRule ?? { kind: 'boolean' }) as ConsentRule;
  if (!['boolean', 'enumeration', 'none'].includes(rule.kind))
    problems.push({
      path: 'consentRule',
      message: 'Choose how consent is read: a boolean, enumeration values, or no consent field.',
    });
  if (body.onErase !== undefined && !['keep', 'anonymise', 'delete'].includes(String(body.onErase)))
    problems.push({
      path: 'onErase',
      message: `"onErase" is keep, anonymise or delete; got ${JSON.stringify(body.onErase)}.`,
    });
  const mergeFields = Array.isArray(body.mergeFields)
    ? (body.mergeFields as Array<{ attribute?: unknown; tag?: unknown }>).map((m) => ({
        attribute: String(m.attribute ?? ''),
        tag: String(m.tag ?? '').trim(),
      }))
    : [];
  const input: ProfileInput = {
    name: text('name') || 'Contacts',
    sourceUid: text('sourceUid'),
    emailField: text('emailField'),
    connectionId: typeof body.connectionId === 'number' ? body.connectionId : null,
    audienceId: text('audienceId') || null,
    syncDrafts: body.syncDrafts === true,
    consentField: text('consentField') || null,
    consentRule:
      rule.kind === 'enumeration'
        ? { kind: 'enumeration', values: strings(rule.values) }
        : rule.kind === 'none'
          ? {
              kind: 'none',
              acknowledged: (rule as { acknowledged?: unknown }).acknowledged === true,
            }
          : { kind: 'boolean' },
    mergeFields,
    staticTags: strings(body.staticTags),
    tagAttribute: text('tagAttribute') || null,
    doubleOptIn: body.doubleOptIn === true,
    welcomeTag: text('welcomeTag') || null,
    onDelete: body.onDelete === 'keep' || body.onDelete === 'delete' ? body.onDelete : 'archive',
    flowBack: body.flowBack === true,
    onErase: body.onErase === 'anonymise' || body.onErase === 'delete' ? body.onErase : 'keep',
    enabled: body.enabled !== false,
  };
  return { input, problems };
};

/**
 * Checks a mapping against the source type and the audience: each problem names its field.
 * `fields` is null when the audience could not be read (reported by the caller).
 */
export const validateProfile = (
  input: ProfileInput,
  sources: SyncSource[],
  fields: AudienceField[] | null
): ProfileProblem[] => {
  const problems: ProfileProblem[] = [];
  const source = sources.find((s) => s.uid === input.sourceUid);
  if (!source)
    return [
      {
        path: 'sourceUid',
        message: input.sourceUid
          ? `"${input.sourceUid}" is not a collection type with an email or text attribute.`
          : 'Choose the content type to sync.',
      },
    ];
  const attribute = (name: string) => source.attributes.find((a) => a.name === name);

  const email = attribute(input.emailField);
  if (!email)
    problems.push({
      path: 'emailField',
      message: input.emailField
        ? `${source.displayName} has no attribute "${input.emailField}".`
        : 'Choose the attribute that holds the email address.',
    });
  else if (email.type !== 'email' && email.type !== 'string')
    problems.push({
      path: 'emailField',
      message: `"${input.emailField}" is a ${email.type} attribute; the email must be an email or text attribute.`,
    });

  if (input.consentRule.kind === 'none') {
    if (!input.consentRule.acknowledged)
      problems.push({
        path: 'consentRule',
        message:
          'Without a consent field every contact is subscribed: tick the acknowledgement that you have their consent.',
      });
  } else {
    const consent = input.consentField ? attribute(input.consentField) : undefined;
    if (!input.consentField)
      problems.push({
        path: 'consentField',
        message: 'Choose the attribute that records marketing consent, or "no consent field".',
      });
    else if (!consent)
      problems.push({
        path: 'consentField',
        message: `${source.displayName} has no attribute "${input.consentField}".`,
      });
    else if (input.consentRule.kind === 'boolean' && consent.type !== 'boolean')
      problems.push({
        path: 'consentField',
        message: `"${input.consentField}" is a ${consent.type} attribute; a boolean rule needs a boolean.`,
      });
    else if (input.consentRule.kind === 'enumeration') {
      if (consent.type !== 'enumeration')
        problems.push({
          path: 'consentField',
          message: `"${input.consentField}" is a ${consent.type} attribute, not an enumeration.`,
        });
      else if (input.consentRule.values.length === 0)
        problems.push({ path: 'consentRule', message: 'Choose which values grant consent.' });
      else {
        const unknown = input.consentRule.values.filter((v) => !(consent.enum ?? []).includes(v));
        if (unknown.length)
          problems.push({
            path: 'consentRule',
            message: `Not values of "${input.consentField}": ${unknown.join(', ')}.`,
          });
      }
    }
  }

  // Tags are matched ignoring case and stored as the platform spells them (Mailchimp's are
  // upper case; other platforms' property names need not be).
  const byTag = new Map(fields?.map((f) => [f.tag.toLowerCase(), f.tag]));
  for (const mapping of input.mergeFields)
    mapping.tag = byTag.get(mapping.tag.toLowerCase()) ?? mapping.tag;
  const tags = new Set(fields?.map((f) => f.tag));
  input.mergeFields.forEach((mapping, index) => {
    if (!attribute(mapping.attribute))
      problems.push({
        path: `mergeFields.${index}.attribute`,
        message: `${source.displayName} has no attribute "${mapping.attribute}".`,
      });
    if (input.consentField && mapping.attribute === input.consentField)
      problems.push({
        path: `mergeFields.${index}.attribute`,
        message: `"${mapping.attribute}" is the consent field: it cannot be mapped to a merge field (consent changes only through a consent event, never from a platform value).`,
      });
    if (fields && !tags.has(mapping.tag))
      problems.push({
        path: `mergeFields.${index}.tag`,
        message: `${mapping.tag} is not a merge field of this audience (create it first).`,
      });
  });
  const duplicate = input.mergeFields
    .map((m) => m.tag)
    .find((tag, i, all) => all.indexOf(tag) !== i);
  if (duplicate) problems.push({ path: 'mergeFields', message: `${duplicate} is mapped twice.` });
  if (input.tagAttribute && !attribute(input.tagAttribute))
    problems.push({
      path: 'tagAttribute',
      message: `${source.displayName} has no attribute "${input.tagAttribute}".`,
    });
  if (input.syncDrafts && !source.draftAndPublish)
    problems.push({ path: 'syncDrafts', message: `${source.displayName} has no drafts.` });
  return problems;
};
