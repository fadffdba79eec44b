import { useCallback, useEffect, useRef, useState } from 'react';
import { useSegmentsApi, type SegmentView } from '../../api/segments';

const POLL_MS = 1000;
/** After "Sync now" the segment may not show as syncing yet: keep looking this many times. */
const GRACE_POLLS = 5;

/**
 * A saved segment, refreshed every second while it syncs. `watch()` after starting a sync
 * keeps polling until the sync has shown up and finished.
 */
export const useSegmentPolling = (id: number | null, initial: SegmentView | null) => {
  const api = useSegmentsApi();
  const [segment, setSegment] = useState<SegmentView | null>(initial);
  const timer = useRef<ReturnType<typeof setTimeout>>();
  const grace = useRef(0);

  const load = useCallback(async () => {
    clearTimeout(timer.current);
    if (id === null) return;
    let again = false;
    try {
      const next = await api.get(id);
      setSegment(next);
      if (next.status === 'syncing') grace.current = 0;
      else if (grace.current > 0) grace.current -= 1;
      again = next.status === 'syncing' || grace.current > 0;
    } catch {
      // A failed refresh keeps the last known state; the next "Sync now" or reload tries again.
    }
    if (again) timer.current = setTimeout(() => void load(), POLL_MS);
  }, [api, id]);

  // The page loaded the segment already: look again only if it was mid-sync then.
  const syncingAtStart = useRef(initial?.status === 'syncing');
  useEffect(() => {
    if (syncingAtStart.current) void load();
    return () => clearTimeout(timer.current);
  }, [load]);

  const watch = useCallback(() => {
    grace.current = GRACE_POLLS;
    void load();
  }, [load]);

  return { segment, setSegment, watch };
};
