import { useFetchClient } from '@strapi/strapi/admin';
import { useCallback, useEffect, useMemo, useState } from 'react';
import type {
  AudiencesResponse,
  AudienceView,
  ConnectionView,
  ConnectionsResponse,
  ProviderView,
} from '../../../server/src/types/connections';

export type { AudiencesResponse, AudienceView, ConnectionView, ConnectionsResponse, ProviderView };

const BASE = '/email-marketing';

/** Typed calls for the connections settings, over Strapi's authenticated fetch client. */
export const useConnectionsApi = () => {
  const { get, post, put } = useFetchClient();
  return useMemo(
    () => ({
      list: async () => (await get<{ data: ConnectionsResponse }>(`${BASE}/connections`)).data.data,
      providers: async () =>
        (await get<{ data: ProviderView[] }>(`${BASE}/connections/providers`)).data.data,
      checkKey: async (provider: string, apiKey: string) =>
        (
          await post<{ data: { ok: boolean; reason?: string } }>(`${BASE}/connections/check-key`, {
            provider,
            apiKey,
          })
        ).data.data,
      connect: async (body: {
        provider: string;
        apiKey: string;
        senderName?: string;
        senderEmail?: string;
      }) => (await post<{ data: ConnectionView }>(`${BASE}/connections`, body)).data.data,
      update: async (
        id: number,
        body: { defaultAudienceId?: string | null; senderName?: string; senderEmail?: string }
      ) => (await put<{ data: ConnectionView }>(`${BASE}/connections/${id}`, body)).data.data,
      verify: async (id: number) =>
        (await post<{ data: ConnectionView }>(`${BASE}/connections/${id}/verify`)).data.data,
      makeDefault: async (id: number) =>
        (await post<{ data: ConnectionView }>(`${BASE}/connections/${id}/default`)).data.data,
      disconnect: async (id: number) =>
        (await post<{ data: ConnectionView }>(`${BASE}/connections/${id}/disconnect`)).data.data,
      audiences: async (id: number, refresh = false) =>
        (
          await get<{ data: AudiencesResponse }>(
            `${BASE}/connections/${id}/audiences${refresh ? '?refresh=true' : ''}`
          )
        ).data.data,
      oauthStart: async () =>
        (await get<{ data: { url: string } }>(`${BASE}/oauth/mailchimp/start`)).data.data,
    }),
    [get, post, put]
  );
};

type State =
  | { status: 'loading' }
  | { status: 'error'; error: unknown }
  | { status: 'ready'; data: ConnectionsResponse };

export const useConnections = () => {
  const api = useConnectionsApi();
  const [state, setState] = useState<State>({ status: 'loading' });
  const reload = useCallback(async () => {
    try {
      setState({ status: 'ready', data: await api.list() });
    } catch (error) {
      setState({ status: 'error', error });
    }
  }, [api]);
  useEffect(() => {
    void reload();
  }, [reload]);
  return { state, reload };
};

/** The platforms the server can connect (from its provider registry), loaded once. */
export const useProviders = () => {
  const api = useConnectionsApi();
  const [providers, setProviders] = useState<ProviderView[] | null>(null);
  useEffect(() => {
    let live = true;
    api
      .providers()
      .then((list) => live && setProviders(list))
      .catch(() => live && setProviders([]));
    return () => {
      live = false;
    };
  }, [api]);
  return providers;
};

/** "Account · Platform" for connection selects, the platform named as the server reports it. */
export const useConnectionLabel = () => {
  const providers = useProviders();
  return useCallback(
    (c: ConnectionView) => {
      const platform = providers?.find((p) => p.name === c.provider)?.displayName ?? c.provider;
      return `${c.accountName ?? c.provider} · ${platform}`;
    },
    [providers]
  );
};
