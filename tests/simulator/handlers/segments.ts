import { noContent, ok, page, type Handler, type HandlerContext } from '../context';
import { findMember, memberView } from '../members';
import { problems } from '../problems';
import { now, subscriberHash, type List, type Segment } from '../state';
import { listOf } from './lookup';

const MEMBERS_PER_CALL = 500;

const segmentOf = (ctx: HandlerContext): { list: List; segment: Segment } => {
  const list = listOf(ctx);
  const segment = list.segments.get(Number(ctx.params.segmentId));
  if (!segment) throw problems.notFound();
  return { list, segment };
};

const view = (list: List, segment: Segment) => ({
  id: segment.id,
  name: segment.name,
  member_count: segment.members.size,
  type: segment.type,
  created_at: segment.created_at,
  updated_at: segment.updated_at,
  options: segment.options ?? {},
  list_id: list.id,
  _links: [],
});

export const getSegments: Handler = (ctx) => {
  const list = listOf(ctx);
  const segments = [...list.segments.values()].filter(
    (s) => !ctx.query.type || s.type === ctx.query.type
  );
  return ok({
    segments: page(segments, ctx.query).map((s) => view(list, s)),
    list_id: list.id,
    total_items: segments.length,
    _links: [],
  });
};

export const getSegment: Handler = (ctx) => {
  const { list, segment } = segmentOf(ctx);
  return ok(view(list, segment));
};

export const createSegment: Handler = (ctx) => {
  const list = listOf(ctx);
  const body = ctx.body as { name: string; static_segment?: string[]; options?: unknown };
  if (body.static_segment && body.static_segment.length > MEMBERS_PER_CALL) {
    throw problems.invalidResource([
      {
        field: 'static_segment',
        message: `You may not add more than ${MEMBERS_PER_CALL} members at once.`,
      },
    ]);
  }
  const id = ctx.account.nextId++;
  const segment: Segment = {
    id,
    name: body.name,
    type: body.static_segment ? 'static' : 'saved',
    created_at: now(),
    updated_at: now(),
    options: body.options,
    members: new Set(),
  };
  // Addresses that are not on the list are ignored, as Mailchimp does.
  for (const email of body.static_segment ?? []) {
    const member = findMember(list, email);
    if (member) segment.members.add(member.id);
  }
  list.segments.set(id, segment);
  return ok(view(list, segment));
};

export const updateSegment: Handler = (ctx) => {
  const { list, segment } = segmentOf(ctx);
  const body = ctx.body as { name?: string; static_segment?: string[] };
  if (body.name) segment.name = body.name;
  if (body.static_segment) {
    segment.members = new Set(
      body.static_segment
        .map((email) => findMember(list, email)?.id)
        .filter((id): id is string => Boolean(id))
    );
  }
  segment.updated_at = now();
  return ok(view(list, segment));
};

export const deleteSegment: Handler = (ctx) => {
  const { list, segment } = segmentOf(ctx);
  list.segments.delete(segment.id);
  for (const member of list.members.values())
    member.tags = member.tags.filter((t) => t.id !== segment.id);
  return noContent();
};

/** Batch add/remove members of a static segment: at most 500 of each per call. */
export const batchSegmentMembers: Handler = (ctx) => {
  const { list, segment } = segmentOf(ctx);
  if (segment.type !== 'static')
    throw problems.badRequest('Only static segments can have members added or removed.');
  const body = ctx.body as { members_to_add?: string[]; members_to_remove?: string[] };
  const add = body.members_to_add ?? [];
  const remove = body.members_to_remove ?? [];
  if (add.length > MEMBERS_PER_CALL || remove.length > MEMBERS_PER_CALL) {
    throw problems.invalidResource([
      {
        field: add.length > MEMBERS_PER_CALL ? 'members_to_add' : 'members_to_remove',
        message: `You may not add or remove more than ${MEMBERS_PER_CALL} members at once.`,
      },
    ]);
  }
  const added: unknown[] = [];
  const removed: unknown[] = [];
  const missing: string[] = [];
  for (const email of add) {
    const member = findMember(list, email);
    if (!member) {
      missing.push(email);
      continue;
    }
    if (!segment.members.has(member.id)) {
      segment.members.add(member.id);
      if (!member.tags.some((t) => t.id === segment.id))
        member.tags.push({ id: segment.id, name: segment.name, date_added: now() });
      added.push(memberView(list, member));
    }
  }
  for (const email of remove) {
    const hash = subscriberHash(email);
    const member = list.members.get(hash);
    if (!member || !segment.members.has(hash)) {
      if (!member) missing.push(email);
      continue;
    }
    segment.members.delete(hash);
    member.tags = member.tags.filter((t) => t.id !== segment.id);
    removed.push(memberView(list, member));
  }
  segment.updated_at = now();
  return ok({
    members_added: added,
    members_removed: removed,
    errors: missing.length
      ? [{ email_addresses: missing, error: 'Email addresses are not list members' }]
      : [],
    total_added: added.length,
    total_removed: removed.length,
    error_count: missing.length,
    _links: [],
  });
};

export const getSegmentMembers: Handler = (ctx) => {
  const { list, segment } = segmentOf(ctx);
  const members = [...segment.members]
    .map((id) => list.members.get(id))
    .filter((m) => m !== undefined);
  return ok({
    members: page(members, ctx.query).map((m) => memberView(list, m)),
    total_items: members.length,
    _links: [],
  });
};
