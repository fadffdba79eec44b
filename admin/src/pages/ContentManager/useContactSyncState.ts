import { useCallback, useEffect, useRef, useState } from 'react';
import { useSyncApi, type ContactSyncState } from '../../api/sync';

/** While a push is queued for the entry, its state is re-read this often. */
const PENDING_REFRESH_MS = 1500;

/**
 * The entry's sync state per profile; `null` while loading, when the entry is not saved yet,
 * or when the request fails (no access), so the panel simply stays away. Refreshed while a
 * push is pending (after "Sync now" or a save).
 */
export const useContactSyncState = (uid: string, documentId: string | undefined) => {
  const api = useSyncApi();
  const [states, setStates] = useState<ContactSyncState[] | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout>>();

  const load = useCallback(async () => {
    clearTimeout(timer.current);
    if (!documentId) return setStates(null);
    try {
      const next = await api.contactState(uid, documentId);
      setStates(next);
      if (next.some((s) => s.pending))
        timer.current = setTimeout(() => void load(), PENDING_REFRESH_MS);
    } catch {
      setStates(null);
    }
  }, [api, uid, documentId]);

  useEffect(() => {
    void load();
    return () => clearTimeout(timer.current);
  }, [load]);

  const syncNow = useCallback(async () => {
    if (!documentId) return;
    await api.syncContact(uid, documentId);
    await load();
  }, [api, uid, documentId, load]);

  return { states, reload: load, syncNow };
};
