import { useCallback, useEffect, useState } from 'react';
import { useSyncApi, type AudienceMergeField } from '../../api/sync';
import { readApiError } from '../../utils/apiError';

/** The chosen audience's merge fields (null ids: the defaults), reloaded when they change. */
export const useAudienceMergeFields = (connectionId: number | null, audienceId: string | null) => {
  const api = useSyncApi();
  const [fields, setFields] = useState<AudienceMergeField[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [loading, setLoading] = useState(true);

  const load = useCallback(async () => {
    setLoading(true);
    try {
      setFields(await api.mergeFields(connectionId, audienceId));
      setError(null);
    } catch (err) {
      setFields([]);
      setError(readApiError(err).message);
    } finally {
      setLoading(false);
    }
  }, [api, connectionId, audienceId]);

  useEffect(() => {
    void load();
  }, [load]);

  return { fields, error, loading, reload: load };
};
