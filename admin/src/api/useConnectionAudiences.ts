import { useEffect, useState } from 'react';
import { readApiError } from '../utils/apiError';
import { useConnectionsApi, type AudienceView, type ConnectionView } from './connections';

/**
 * The connection a form points at (null/undefined = the default one, else the first live one)
 * and that connection's audiences, reloaded when the connection changes. Shared by the pickers
 * of sync profiles and campaigns.
 */
export const useConnectionAudiences = (
  connections: ConnectionView[],
  connectionId: number | null | undefined
) => {
  const api = useConnectionsApi();
  const live = connections.filter((c) => c.status !== 'disconnected');
  const defaultConnection = live.find((c) => c.isDefault) ?? live[0];
  const connection =
    connectionId == null ? defaultConnection : connections.find((c) => c.id === connectionId);
  const [audiences, setAudiences] = useState<AudienceView[]>([]);
  const [loadError, setLoadError] = useState<string | undefined>();
  const [loading, setLoading] = useState(false);

  const resolvedId = connection?.id;
  useEffect(() => {
    if (resolvedId === undefined) return;
    let cancelled = false;
    setLoading(true);
    api
      .audiences(resolvedId)
      .then((result) => {
        if (cancelled) return;
        setAudiences(result.audiences);
        setLoadError(undefined);
      })
      .catch((error: unknown) => !cancelled && setLoadError(readApiError(error).message))
      .finally(() => !cancelled && setLoading(false));
    return () => {
      cancelled = true;
    };
  }, [api, resolvedId]);

  return { live, defaultConnection, connection, audiences, loadError, loading };
};
