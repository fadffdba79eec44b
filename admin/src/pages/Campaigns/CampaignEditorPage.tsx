import { Page } from '@strapi/strapi/admin';
import { useEffect, useState } from 'react';
import { useParams } from 'react-router-dom';
import { useCampaignsApi, type CampaignDetail, type EntrySource } from '../../api/campaigns';
import { useConnectionsApi, type ConnectionView } from '../../api/connections';
import { CampaignEditor } from './CampaignEditor';
import { emptyCampaign, toInput } from './useCampaignForm';

type Loaded =
  | { status: 'loading' }
  | { status: 'error' }
  | {
      status: 'ready';
      detail: CampaignDetail | null;
      connections: ConnectionView[];
      sources: EntrySource[];
    };

/** `campaigns/new` and `campaigns/:id`: loads what the editor needs, then hands it over. */
export const CampaignEditorPage = () => {
  const { id: param } = useParams<{ id: string }>();
  const id = param && param !== 'new' ? Number(param) : null;
  const api = useCampaignsApi();
  const connectionsApi = useConnectionsApi();
  const [loaded, setLoaded] = useState<Loaded>({ status: 'loading' });

  useEffect(() => {
    if (id !== null && Number.isNaN(id)) return setLoaded({ status: 'error' });
    let cancelled = false;
    Promise.all([connectionsApi.list(), api.entrySources(), id === null ? null : api.detail(id)])
      .then(([connections, sources, detail]) => {
        if (cancelled) return;
        setLoaded({ status: 'ready', connections: connections.connections, sources, detail });
      })
      .catch(() => !cancelled && setLoaded({ status: 'error' }));
    return () => {
      cancelled = true;
    };
  }, [api, connectionsApi, id]);

  if (loaded.status === 'error') return <Page.Error />;
  if (loaded.status === 'loading') return <Page.Loading />;
  // Keyed by the campaign: after "create", the editor takes over the saved campaign. A new
  // campaign navigates to its id with the form state already reset to what was saved.
  return (
    <CampaignEditor
      key={loaded.detail?.id ?? 'new'}
      initialDetail={loaded.detail}
      initial={loaded.detail ? toInput(loaded.detail) : emptyCampaign()}
      connections={loaded.connections}
      sources={loaded.sources}
    />
  );
};
