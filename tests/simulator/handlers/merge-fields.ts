import { noContent, ok, page, type Handler } from '../context';
import { problems } from '../problems';
import type { MergeField } from '../state';
import { listOf } from './lookup';

const fieldOf = (ctx: Parameters<Handler>[0]) => {
  const list = listOf(ctx);
  const field = list.mergeFields.find((f) => f.merge_id === Number(ctx.params.mergeId));
  if (!field) throw problems.notFound();
  return { list, field };
};

export const getMergeFields: Handler = (ctx) => {
  const list = listOf(ctx);
  const fields = list.mergeFields.filter(
    (f) => ctx.query.type === undefined || f.type === ctx.query.type
  );
  return ok({
    merge_fields: page(fields, ctx.query),
    list_id: list.id,
    total_items: fields.length,
    _links: [],
  });
};

export const getMergeField: Handler = (ctx) => ok(fieldOf(ctx).field);

/** Tags are upper-case, at most 10 characters; Mailchimp derives one from the name when absent. */
const deriveTag = (name: string, taken: Set<string>) => {
  const base =
    name
      .toUpperCase()
      .replace(/[^A-Z0-9_]/g, '')
      .slice(0, 10) || 'MMERGE';
  if (!taken.has(base)) return base;
  for (let i = 1; ; i++) {
    const candidate = `${base.slice(0, 10 - String(i).length)}${i}`;
    if (!taken.has(candidate)) return candidate;
  }
};

export const createMergeField: Handler = (ctx) => {
  const list = listOf(ctx);
  const body = ctx.body as Partial<MergeField> & { name: string; type: string };
  const taken = new Set(list.mergeFields.map((f) => f.tag));
  const tag = body.tag ? body.tag.toUpperCase() : deriveTag(body.name, taken);
  if (taken.has(tag)) {
    throw problems.invalidResource([
      {
        field: 'tag',
        message: `A Merge Field with the tag "${tag}" already exists for this list.`,
      },
    ]);
  }
  if (!/^[A-Z0-9_]{1,10}$/.test(tag)) {
    throw problems.invalidResource([
      {
        field: 'tag',
        message: 'Merge tags must be 10 characters or fewer, letters, digits and underscores.',
      },
    ]);
  }
  if ((body.type === 'dropdown' || body.type === 'radio') && !body.options?.choices?.length) {
    throw problems.invalidResource([
      { field: 'options.choices', message: 'Please provide choices for this field.' },
    ]);
  }
  const field: MergeField = {
    merge_id: Math.max(0, ...list.mergeFields.map((f) => f.merge_id)) + 1,
    tag,
    name: body.name,
    type: body.type,
    required: body.required ?? false,
    default_value: body.default_value ?? '',
    public: body.public ?? false,
    display_order: body.display_order ?? list.mergeFields.length + 2,
    options: body.options ?? {},
    help_text: body.help_text ?? '',
    list_id: list.id,
  };
  list.mergeFields.push(field);
  return ok(field);
};

export const updateMergeField: Handler = (ctx) => {
  const { field } = fieldOf(ctx);
  const body = ctx.body as Partial<MergeField>;
  Object.assign(field, {
    ...body,
    merge_id: field.merge_id,
    list_id: field.list_id,
    type: field.type,
    tag: body.tag ?? field.tag,
  });
  return ok(field);
};

export const deleteMergeField: Handler = (ctx) => {
  const { list, field } = fieldOf(ctx);
  list.mergeFields = list.mergeFields.filter((f) => f !== field);
  return noContent();
};
