import { isPlatformError } from '../errors';
import type { ProviderSegments, RemoteSegment } from '../types';
import type { MailchimpClient } from './client';
import { paginate } from './paging';
import type { Segment } from './types';

/** Mailchimp's cap on members_to_add and on members_to_remove, each, per call. */
export const SEGMENT_MEMBERS_PER_CALL = 500;

const toRemote = (segment: Segment): RemoteSegment => ({
  id: String(segment.id),
  name: segment.name,
  memberCount: segment.member_count,
});

const numericId = (id: string) => {
  const n = Number(id);
  if (!Number.isInteger(n)) throw new RangeError(`Mailchimp segment ids are numbers, got "${id}"`);
  return n;
};

/**
 * Static segments and tags. In Mailchimp both are the same object (a tag is a static segment
 * shown under Tags), so the only difference is that a tag is found by name before one is made.
 */
export const mailchimpSegments = (client: MailchimpClient): ProviderSegments => ({
  batchLimit: SEGMENT_MEMBERS_PER_CALL,

  async create(audienceId, { name, kind }) {
    if (kind === 'tag') {
      for await (const segment of paginate(
        (page) => client.getSegments(audienceId, { type: 'static', ...page }),
        (p) => p.segments
      )) {
        if (segment.name === name) return toRemote(segment);
      }
    }
    // An empty static_segment makes a static segment (without it Mailchimp makes a saved one).
    return toRemote(await client.createStaticSegment(audienceId, name, []));
  },

  async get(audienceId, id) {
    try {
      return toRemote(await client.getSegment(audienceId, numericId(id)));
    } catch (error) {
      if (isPlatformError(error) && error.kind === 'not_found') return null;
      throw error;
    }
  },

  async rename(audienceId, id, name) {
    await client.renameSegment(audienceId, numericId(id), name);
  },

  async delete(audienceId, id) {
    try {
      await client.deleteSegment(audienceId, numericId(id));
    } catch (error) {
      if (!(isPlatformError(error) && error.kind === 'not_found')) throw error;
    }
  },

  async changeMembers(audienceId, id, { add, remove }) {
    if (add.length > SEGMENT_MEMBERS_PER_CALL || remove.length > SEGMENT_MEMBERS_PER_CALL)
      throw new RangeError(
        `Mailchimp takes at most ${SEGMENT_MEMBERS_PER_CALL} members to add and to remove per call`
      );
    const result = await client.updateSegmentMembers(audienceId, numericId(id), { add, remove });
    // Mailchimp ignores addresses that are not list members and lists them under errors.
    const refused = new Set(result.errors.flatMap((e) => e.email_addresses));
    return {
      added: result.total_added,
      removed: result.total_removed,
      notOnAudience: add.filter((email) => refused.has(email)),
    };
  },

  async *listMembers(audienceId, id) {
    for await (const member of paginate(
      (page) => client.getSegmentMembers(audienceId, numericId(id), page),
      (p) => p.members
    ))
      yield member.email_address;
  },
});
