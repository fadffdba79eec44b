import { useCallback, useEffect, useRef, useState } from 'react';
import { useSegmentsApi, type SegmentView } from '../../api/segments';
import { inFlight } from './useSegmentPolling';

type State =
  | { status: 'loading' }
  | { status: 'error'; error: unknown }
  | { status: 'ready'; data: SegmentView[] };

const BUSY_REFRESH_MS = 1000;
/** After "Sync now" the segment may not show as syncing yet: keep looking this many times. */
const GRACE_POLLS = 5;

/** All segments, refreshed every second while one of them has a sync due or running. */
export const useSegments = () => {
  const api = useSegmentsApi();
  const [state, setState] = useState<State>({ status: 'loading' });
  const timer = useRef<ReturnType<typeof setTimeout>>();
  const grace = useRef(0);

  const load = useCallback(async () => {
    clearTimeout(timer.current);
    let again = false;
    try {
      const data = await api.list();
      setState({ status: 'ready', data });
      const syncing = data.some(inFlight);
      if (syncing) grace.current = 0;
      else if (grace.current > 0) grace.current -= 1;
      again = syncing || grace.current > 0;
    } catch (error) {
      setState({ status: 'error', error });
    }
    if (again) timer.current = setTimeout(() => void load(), BUSY_REFRESH_MS);
  }, [api]);

  useEffect(() => {
    void load();
    return () => clearTimeout(timer.current);
  }, [load]);

  const watch = useCallback(() => {
    grace.current = GRACE_POLLS;
    void load();
  }, [load]);

  return { state, reload: load, watch };
};
