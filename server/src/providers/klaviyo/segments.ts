import { isPlatformError } from '../errors';
import type { ProviderSegments, RemoteSegment } from '../types';
import { quote, type KlaviyoClient } from './client';
import { chunk, LIMITS } from './contacts';
import type { Collection, ListAttributes, ProfileAttributes, Single } from './types';

/**
 * Klaviyo has no profile tags and no static segments: a plugin segment (or tag) is a Klaviyo
 * list of its own, holding only profiles that are on the audience list. Adding to a list never
 * changes consent, so a segment never subscribes anyone.
 */
export const klaviyoSegments = (client: KlaviyoClient): ProviderSegments => {
  const toRemote = (id: string, a: ListAttributes): RemoteSegment => ({
    id,
    name: a.name,
    memberCount: a.profile_count ?? 0,
  });

  const findByName = async (name: string) => {
    const page = await client.get<Collection<ListAttributes>>('/api/lists', {
      filter: `equals(name,${quote(name)})`,
    });
    return page.data[0] ?? null;
  };

  /** Profile ids of the addresses that are on the audience list (≤100 per lookup). */
  const audienceMembers = async (audienceId: string, emails: string[]) => {
    const ids = new Map<string, string>();
    for (const slice of chunk(emails, LIMITS.lookup)) {
      const page = await client.get<Collection<ProfileAttributes>>(
        `/api/lists/${audienceId}/profiles`,
        {
          filter: `any(email,[${slice.map(quote).join(',')}])`,
          'page[size]': LIMITS.lookup,
        }
      );
      for (const p of page.data) ids.set(p.attributes.email.toLowerCase(), p.id);
    }
    return ids;
  };

  const relationships = (method: 'POST' | 'DELETE', listId: string, ids: string[]) =>
    client.request<void>(method, `/api/lists/${listId}/relationships/profiles`, {
      body: { data: ids.map((id) => ({ type: 'profile', id })) },
      idempotent: true,
    });

  return {
    batchLimit: LIMITS.listRelationships,

    async create(_audienceId, { name, kind }) {
      if (kind === 'tag') {
        const existing = await findByName(name);
        if (existing) return toRemote(existing.id, existing.attributes);
      }
      const { data } = await client.post<Single<ListAttributes>>('/api/lists', {
        data: { type: 'list', attributes: { name } },
      });
      return toRemote(data.id, { ...data.attributes, profile_count: 0 });
    },

    async get(_audienceId, id) {
      try {
        // profile_count puts this call in Klaviyo's smallest tier (1/s); the client waits as told.
        const { data } = await client.get<Single<ListAttributes>>(`/api/lists/${id}`, {
          'additional-fields[list]': 'profile_count',
        });
        return toRemote(data.id, data.attributes);
      } catch (error) {
        if (isPlatformError(error) && error.kind === 'not_found') return null;
        throw error;
      }
    },

    async rename(_audienceId, id, name) {
      await client.patch(`/api/lists/${id}`, { data: { type: 'list', id, attributes: { name } } });
    },

    async delete(_audienceId, id) {
      try {
        await client.delete(`/api/lists/${id}`);
      } catch (error) {
        if (!(isPlatformError(error) && error.kind === 'not_found')) throw error;
      }
    },

    async changeMembers(audienceId, id, { add, remove }) {
      if (add.length > LIMITS.listRelationships || remove.length > LIMITS.listRelationships)
        throw new RangeError(
          `Klaviyo takes at most ${LIMITS.listRelationships} profiles per list call`
        );
      const members = await audienceMembers(audienceId, [...add, ...remove]);
      const addIds = add
        .map((e) => members.get(e.toLowerCase()))
        .filter((v): v is string => Boolean(v));
      const removeIds = remove
        .map((e) => members.get(e.toLowerCase()))
        .filter((v): v is string => Boolean(v));
      if (addIds.length) await relationships('POST', id, addIds);
      if (removeIds.length) await relationships('DELETE', id, removeIds);
      return {
        added: addIds.length,
        removed: removeIds.length,
        notOnAudience: add.filter((e) => !members.has(e.toLowerCase())),
      };
    },

    async *listMembers(_audienceId, id) {
      for await (const p of client.paginate<ProfileAttributes>(`/api/lists/${id}/profiles`, {
        'page[size]': 100,
      }))
        yield p.attributes.email;
    },
  };
};

/** Adds and removes addresses on a list named `name` (made when missing): the plugin's tags. */
export const tagThroughList = async (
  segments: ProviderSegments,
  audienceId: string,
  name: string,
  change: { add?: string[]; remove?: string[] }
) => {
  const list = await segments.create(audienceId, { name, kind: 'tag' });
  const add = chunk(change.add ?? [], LIMITS.listRelationships);
  const remove = chunk(change.remove ?? [], LIMITS.listRelationships);
  for (let i = 0; i < Math.max(add.length, remove.length); i++)
    await segments.changeMembers(audienceId, list.id, {
      add: add[i] ?? [],
      remove: remove[i] ?? [],
    });
};
