import { noContent, ok, page, type Handler } from '../context';
import { findMember, memberView, resolveHash, writeMember, type MemberInput } from '../members';
import { problems } from '../problems';
import { now, type Member } from '../state';
import { memberEventData } from '../webhooks';
import { listOf } from './lookup';

const since = (value: unknown) => (typeof value === 'string' ? Date.parse(value) : NaN);

export const getMembers: Handler = (ctx) => {
  const list = listOf(ctx);
  const q = ctx.query;
  if (q.unsubscribed_since !== undefined && q.status !== 'unsubscribed') {
    throw problems.invalidResource([
      {
        field: 'unsubscribed_since',
        message: 'unsubscribed_since can only be used with status=unsubscribed.',
      },
    ]);
  }
  let members = [...list.members.values()].filter((m) =>
    q.status ? m.status === q.status : m.status !== 'archived'
  );
  const after = since(q.since_last_changed);
  const before = since(q.before_last_changed);
  if (!Number.isNaN(after)) members = members.filter((m) => Date.parse(m.last_changed) >= after);
  if (!Number.isNaN(before)) members = members.filter((m) => Date.parse(m.last_changed) < before);
  if (q.vip_only === true) members = members.filter((m) => m.vip);
  if (q.sort_field === 'last_changed') {
    const dir = q.sort_dir === 'DESC' ? -1 : 1;
    members.sort((a, b) => dir * (Date.parse(a.last_changed) - Date.parse(b.last_changed)));
  }
  return ok({
    members: page(members, q).map((m) => memberView(list, m)),
    list_id: list.id,
    total_items: members.length,
    _links: [],
  });
};

export const getMember: Handler = (ctx) => {
  const list = listOf(ctx);
  const member = findMember(list, ctx.params.subscriberHash);
  if (!member) throw problems.notFound();
  return ok(memberView(list, member));
};

const write =
  (mode: 'put' | 'post' | 'patch'): Handler =>
  (ctx) => {
    const list = listOf(ctx);
    const input = ctx.body as MemberInput;
    const { member, statusChange } = writeMember(list, ctx.params.subscriberHash ?? null, input, {
      mode,
      skipMergeValidation: ctx.query.skip_merge_validation === true,
      nextWebId: () => ctx.sim.nextWebId(),
    });
    if (mode === 'post' && input.tags)
      setTags(
        member,
        input.tags.map((name) => ({ name, status: 'active' })),
        ctx
      );
    announce(ctx, member, statusChange?.to ?? null);
    return ok(memberView(list, member));
  };

/** API writes fire webhooks too, but only to hooks that asked for source "api". */
const announce = (ctx: Parameters<Handler>[0], member: Member, newStatus: string | null) => {
  const list = listOf(ctx);
  if (newStatus === 'subscribed')
    ctx.sim.emit(list, 'subscribe', 'api', memberEventData(list, member));
  else if (newStatus === 'unsubscribed')
    ctx.sim.emit(list, 'unsubscribe', 'api', {
      action: 'unsub',
      reason: 'manual',
      ...memberEventData(list, member),
    });
  else ctx.sim.emit(list, 'profile', 'api', memberEventData(list, member));
};

export const putMember = write('put');
export const postMember = write('post');
export const patchMember = write('patch');

/** DELETE archives: the member leaves the audience's counts but can be re-added. */
export const archiveMember: Handler = (ctx) => {
  const list = listOf(ctx);
  const member = findMember(list, ctx.params.subscriberHash);
  if (!member) throw problems.notFound();
  member.status = 'archived';
  member.last_changed = now();
  return noContent();
};

export const deletePermanent: Handler = (ctx) => {
  const list = listOf(ctx);
  const hash = resolveHash(ctx.params.subscriberHash);
  if (!list.members.has(hash)) throw problems.notFound();
  list.members.delete(hash);
  list.forgotten.add(hash);
  for (const segment of list.segments.values()) segment.members.delete(hash);
  return noContent();
};

// ---- tags: static segments addressed by name ---------------------------------------------

export const setTags = (
  member: Member,
  tags: Array<{ name: string; status: 'active' | 'inactive' }>,
  ctx: Parameters<Handler>[0]
) => {
  const list = listOf(ctx);
  for (const { name, status } of tags) {
    let segment = [...list.segments.values()].find((s) => s.type === 'static' && s.name === name);
    if (!segment && status === 'active') {
      const id = ctx.account.nextId++;
      segment = {
        id,
        name,
        type: 'static',
        created_at: now(),
        updated_at: now(),
        members: new Set(),
      };
      list.segments.set(id, segment);
    }
    if (!segment) continue;
    if (status === 'active') {
      segment.members.add(member.id);
      if (!member.tags.some((t) => t.name === name))
        member.tags.push({ id: segment.id, name, date_added: now() });
    } else {
      segment.members.delete(member.id);
      member.tags = member.tags.filter((t) => t.name !== name);
    }
    segment.updated_at = now();
  }
};

export const getMemberTags: Handler = (ctx) => {
  const member = findMember(listOf(ctx), ctx.params.subscriberHash);
  if (!member) throw problems.notFound();
  return ok({ tags: page(member.tags, ctx.query), total_items: member.tags.length, _links: [] });
};

export const postMemberTags: Handler = (ctx) => {
  const member = findMember(listOf(ctx), ctx.params.subscriberHash);
  if (!member) throw problems.notFound();
  setTags(
    member,
    (ctx.body as { tags: Array<{ name: string; status: 'active' | 'inactive' }> }).tags,
    ctx
  );
  return noContent();
};
