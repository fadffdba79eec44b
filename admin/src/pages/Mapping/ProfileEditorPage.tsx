import { Page } from '@strapi/strapi/admin';
import { useEffect, useState } from 'react';
import { useParams } from 'react-router-dom';
import { useConnections } from '../../api/connections';
import { useSyncApi, type ProfileInput, type SyncSource } from '../../api/sync';
import { ProfileEditor } from './ProfileEditor';
import { emptyProfile, toInput } from './useProfileForm';

type Loaded =
  | { status: 'loading' }
  | { status: 'error' }
  | { status: 'ready'; sources: SyncSource[]; initial: ProfileInput };

/** `mapping/new` and `mapping/:id`: loads what the editor needs, then hands it over. */
export const ProfileEditorPage = () => {
  const { id: param } = useParams<{ id: string }>();
  const id = param && param !== 'new' ? Number(param) : null;
  const api = useSyncApi();
  const connections = useConnections();
  const [loaded, setLoaded] = useState<Loaded>({ status: 'loading' });

  useEffect(() => {
    let cancelled = false;
    setLoaded({ status: 'loading' });
    Promise.all([api.sources(), id === null ? null : api.profile(id)])
      .then(([sources, profile]) => {
        if (cancelled) return;
        setLoaded({
          status: 'ready',
          sources,
          initial: profile ? toInput(profile) : emptyProfile(),
        });
      })
      .catch(() => !cancelled && setLoaded({ status: 'error' }));
    return () => {
      cancelled = true;
    };
  }, [api, id]);

  if (id !== null && Number.isNaN(id)) return <Page.Error />;
  if (loaded.status === 'error' || connections.state.status === 'error') return <Page.Error />;
  if (loaded.status === 'loading' || connections.state.status === 'loading')
    return <Page.Loading />;
  return (
    <ProfileEditor
      key={id ?? 'new'}
      id={id}
      initial={loaded.initial}
      sources={loaded.sources}
      connections={connections.state.data.connections}
    />
  );
};
