import { useCallback, useEffect, useState } from 'react';
import { useSyncApi, type ContactSyncState } from '../../api/sync';

/**
 * The entry's sync state per profile; `null` while loading, when the entry is not saved yet,
 * or when the request fails (no access, not mapped), so the panel simply stays away.
 */
export const useContactSyncState = (uid: string, documentId: string | undefined) => {
  const api = useSyncApi();
  const [states, setStates] = useState<ContactSyncState[] | null>(null);

  const load = useCallback(async () => {
    if (!documentId) return setStates(null);
    try {
      setStates(await api.contactState(uid, documentId));
    } catch {
      setStates(null);
    }
  }, [api, uid, documentId]);

  useEffect(() => {
    void load();
  }, [load]);

  const syncNow = useCallback(async () => {
    if (!documentId) return;
    await api.syncContact(uid, documentId);
    await load();
  }, [api, uid, documentId, load]);

  return { states, reload: load, syncNow };
};
