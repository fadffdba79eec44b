import { useCallback, useEffect, useRef, useState } from 'react';
import { useSyncApi, type ProfileView } from '../../api/sync';

type State =
  | { status: 'loading' }
  | { status: 'error'; error: unknown }
  | { status: 'ready'; data: ProfileView[] };

const BUSY_REFRESH_MS = 1000;

/** All sync profiles, refreshed every second while one of them has a full sync running. */
export const useProfiles = () => {
  const api = useSyncApi();
  const [state, setState] = useState<State>({ status: 'loading' });
  const timer = useRef<ReturnType<typeof setTimeout>>();

  const load = useCallback(async () => {
    clearTimeout(timer.current);
    try {
      const data = await api.profiles();
      setState({ status: 'ready', data });
      if (data.some((p) => p.runningJob))
        timer.current = setTimeout(() => void load(), BUSY_REFRESH_MS);
    } catch (error) {
      setState({ status: 'error', error });
    }
  }, [api]);

  useEffect(() => {
    void load();
    return () => clearTimeout(timer.current);
  }, [load]);

  return { state, reload: load };
};
