import { useCallback, useEffect, useRef, useState } from 'react';

export type ListState<T> =
  | { status: 'loading' }
  | { status: 'error'; error: unknown }
  | { status: 'ready'; data: T[] };

/**
 * A list read once, then again every `intervalMs` while some item is `busy` (its state changes
 * on its own). `fetch` and `busy` must be stable (memoized or module-level).
 */
export const usePolledList = <T>(
  fetch: () => Promise<T[]>,
  busy: (item: T) => boolean,
  intervalMs: number
) => {
  const [state, setState] = useState<ListState<T>>({ status: 'loading' });
  const timer = useRef<ReturnType<typeof setTimeout>>();

  const load = useCallback(async () => {
    clearTimeout(timer.current);
    try {
      const data = await fetch();
      setState({ status: 'ready', data });
      if (data.some(busy)) timer.current = setTimeout(() => void load(), intervalMs);
    } catch (error) {
      setState({ status: 'error', error });
    }
  }, [fetch, busy, intervalMs]);

  useEffect(() => {
    void load();
    return () => clearTimeout(timer.current);
  }, [load]);

  return { state, reload: load };
};
