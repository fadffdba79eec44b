import { useCallback, useEffect, useRef, useState } from 'react';
import { useSegmentsApi, type SegmentView } from '../../api/segments';

const POLL_MS = 1000;

/** Saving enqueues a sync: a pending segment is about to sync, a syncing one will finish. */
export const inFlight = (segment: SegmentView) =>
  segment.status === 'pending' || segment.status === 'syncing';

/**
 * A saved segment, refreshed every second while a sync is due or running. After "Sync now"
 * (`watch()`) the segment shows as requested until a sync has really ended since the click: a
 * sync with nothing to send is over in milliseconds, between two polls, and "synced" before
 * and after would not tell the two apart. The row's updatedAt does: ending a sync writes it.
 */
export const useSegmentPolling = (id: number | null, initial: SegmentView | null) => {
  const api = useSegmentsApi();
  const [segment, setSegment] = useState<SegmentView | null>(initial);
  const [requested, setRequested] = useState(false);
  const timer = useRef<ReturnType<typeof setTimeout>>();
  /** updatedAt when "Sync now" was clicked; null when no request is outstanding. */
  const requestedAt = useRef<string | null>(null);

  const load = useCallback(async () => {
    clearTimeout(timer.current);
    if (id === null) return;
    let again = true;
    try {
      const next = await api.get(id);
      setSegment(next);
      const ended =
        (next.status === 'synced' || next.status === 'error') &&
        next.updatedAt !== requestedAt.current;
      if (requestedAt.current !== null && ended) {
        requestedAt.current = null;
        setRequested(false);
      }
      again = inFlight(next) || requestedAt.current !== null;
    } catch {
      // A failed refresh keeps the last known state and tries again.
    }
    if (again) timer.current = setTimeout(() => void load(), POLL_MS);
  }, [api, id]);

  // The page loaded the segment already: look again only if a sync was due or running then.
  const syncingAtStart = useRef(initial !== null && inFlight(initial));
  useEffect(() => {
    if (syncingAtStart.current) void load();
    return () => clearTimeout(timer.current);
  }, [load]);

  /** Call right after "Sync now" was accepted. */
  const watch = useCallback(() => {
    requestedAt.current = segment?.updatedAt ?? '';
    setRequested(true);
    void load();
  }, [load, segment?.updatedAt]);

  return { segment, setSegment, requested, watch, reload: load };
};
