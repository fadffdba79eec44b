import type { Paged } from './types';

/** Mailchimp's largest page. */
export const MAX_PAGE = 1000;

/**
 * Walks a count/offset collection page by page, yielding items. Stops on a short page, so a
 * collection that grows while it is read does not loop forever.
 */
export async function* paginate<P extends Paged, I>(
  fetchPage: (page: { count: number; offset: number }) => Promise<P>,
  items: (page: P) => I[],
  count = MAX_PAGE
): AsyncGenerator<I> {
  for (let offset = 0; ; offset += count) {
    const page = await fetchPage({ count, offset });
    const batch = items(page);
    yield* batch;
    if (batch.length < count || offset + batch.length >= page.total_items) return;
  }
}

/** Splits into chunks of at most `size` (Mailchimp's batch limits: 500 members, 500 segment changes). */
export const chunk = <T>(items: readonly T[], size: number): T[][] => {
  if (!Number.isInteger(size) || size < 1)
    throw new RangeError(`chunk size must be a positive integer, got ${size}`);
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
};
