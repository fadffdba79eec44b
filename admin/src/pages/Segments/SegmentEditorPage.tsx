import { Page } from '@strapi/strapi/admin';
import { useEffect, useState } from 'react';
import { useParams } from 'react-router-dom';
import { useSegmentsApi, type SegmentView } from '../../api/segments';
import { useSyncApi, type ProfileView } from '../../api/sync';
import { SegmentEditor } from './SegmentEditor';

type Loaded =
  | { status: 'loading' }
  | { status: 'error' }
  | { status: 'ready'; profiles: ProfileView[]; segment: SegmentView | null };

/** `segments/new` and `segments/:id`: loads the profiles and the segment, then the editor. */
export const SegmentEditorPage = () => {
  const { id: param } = useParams<{ id: string }>();
  const id = param && param !== 'new' ? Number(param) : null;
  const api = useSegmentsApi();
  const syncApi = useSyncApi();
  const [loaded, setLoaded] = useState<Loaded>({ status: 'loading' });

  useEffect(() => {
    let cancelled = false;
    setLoaded({ status: 'loading' });
    Promise.all([syncApi.profiles(), id === null ? null : api.get(id)])
      .then(([profiles, segment]) => {
        if (!cancelled) setLoaded({ status: 'ready', profiles, segment });
      })
      .catch(() => !cancelled && setLoaded({ status: 'error' }));
    return () => {
      cancelled = true;
    };
  }, [api, syncApi, id]);

  if (id !== null && Number.isNaN(id)) return <Page.Error />;
  if (loaded.status === 'error') return <Page.Error />;
  if (loaded.status === 'loading') return <Page.Loading />;
  return (
    <SegmentEditor key={id ?? 'new'} id={id} segment={loaded.segment} profiles={loaded.profiles} />
  );
};
