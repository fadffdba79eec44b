import { useCallback, useEffect, useRef, useState } from 'react';
import { useTriggersApi, type ContactPoints } from '../../api/triggers';

/** Points arrive through jobs after a save: a watched entry is re-read this often. */
const REFRESH_MS = 4000;

/**
 * The entry's points per profile; `null` while loading, for an unsaved entry, or when the
 * request fails (no `triggers.read`), so the panel stays away. Only an entry some profile
 * watches is re-read.
 */
export const usePointsByEntry = (uid: string, documentId: string | undefined, enabled: boolean) => {
  const api = useTriggersApi();
  const [points, setPoints] = useState<ContactPoints[] | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout>>();

  const load = useCallback(async () => {
    clearTimeout(timer.current);
    if (!documentId || !enabled) return setPoints(null);
    try {
      const next = await api.byEntry(uid, documentId);
      setPoints(next);
      if (next.length > 0) timer.current = setTimeout(() => void load(), REFRESH_MS);
    } catch {
      setPoints(null);
    }
  }, [api, uid, documentId, enabled]);

  useEffect(() => {
    void load();
    return () => clearTimeout(timer.current);
  }, [load]);

  return points;
};
