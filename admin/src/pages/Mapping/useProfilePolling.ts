import { useCallback, useEffect, useRef, useState } from 'react';
import { useSyncApi, type ProfileView } from '../../api/sync';

const POLL_MS = 1000;
/** After "Sync now" the job may not show as running yet: keep looking this many times. */
const GRACE_POLLS = 5;

/**
 * A saved profile, refreshed every second while a full sync runs (`runningJob` set). `watch()`
 * after starting a sync keeps polling until the job has shown up and finished.
 */
export const useProfilePolling = (id: number | null) => {
  const api = useSyncApi();
  const [profile, setProfile] = useState<ProfileView | null>(null);
  const [error, setError] = useState<unknown>(null);
  const timer = useRef<ReturnType<typeof setTimeout>>();
  const grace = useRef(0);

  const load = useCallback(async () => {
    clearTimeout(timer.current);
    if (id === null) return;
    let again = false;
    try {
      const next = await api.profile(id);
      setProfile(next);
      setError(null);
      if (next.runningJob) grace.current = 0;
      else if (grace.current > 0) grace.current -= 1;
      again = next.runningJob !== null || grace.current > 0;
    } catch (err) {
      setError(err);
    }
    if (again) timer.current = setTimeout(() => void load(), POLL_MS);
  }, [api, id]);

  useEffect(() => {
    void load();
    return () => clearTimeout(timer.current);
  }, [load]);

  const watch = useCallback(() => {
    grace.current = GRACE_POLLS;
    void load();
  }, [load]);

  return { profile, setProfile, error, reload: load, watch };
};
