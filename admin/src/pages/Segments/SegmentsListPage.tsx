import { Box, EmptyStateLayout, LinkButton } from '@strapi/design-system';
import { Plus } from '@strapi/icons';
import { BackButton, Layouts, Page, useNotification, useRBAC } from '@strapi/strapi/admin';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { useSegmentsApi, type RemoteOnDelete, type SegmentView } from '../../api/segments';
import { PERMISSIONS } from '../../permissions';
import { readApiError } from '../../utils/apiError';
import { useT } from '../../utils/useT';
import { SegmentsTable } from './components/SegmentsTable';
import { useSegments } from './useSegments';

/** Every segment with its state on the platform; create, duplicate, sync, delete for managers. */
export const SegmentsListPage = () => {
  const t = useT();
  const api = useSegmentsApi();
  const { state, reload, watch } = useSegments();
  const { toggleNotification } = useNotification();
  const { allowedActions } = useRBAC({ manage: PERMISSIONS.segmentsManage });
  const canManage = Boolean(allowedActions.canManage);
  const [busyId, setBusyId] = useState<number | null>(null);

  /** Runs one row action, then reloads the list; a failure says why. */
  const act = async (segment: SegmentView, run: () => Promise<string>, after = reload) => {
    setBusyId(segment.id);
    try {
      toggleNotification({ type: 'success', message: await run() });
      await after();
    } catch (error) {
      toggleNotification({ type: 'danger', message: readApiError(error).message });
    } finally {
      setBusyId(null);
    }
  };

  const duplicate = (s: SegmentView) =>
    act(s, async () => {
      const copy = await api.duplicate(s.id);
      return t('segments.duplicated', 'Created {name}', { name: copy.name });
    });
  const sync = (s: SegmentView) =>
    act(
      s,
      async () => {
        await api.syncNow(s.id);
        return t('segments.syncRequested', 'Sync started');
      },
      async () => watch()
    );
  const remove = (s: SegmentView, remote: RemoteOnDelete) =>
    act(s, async () => {
      const result = await api.remove(s.id, remote);
      return result.remoteRemoved
        ? t('segments.deleted.remote', 'Deleted, also on the platform')
        : t('segments.deleted', 'Deleted');
    });

  if (state.status === 'loading') return <Page.Loading />;
  if (state.status === 'error') return <Page.Error />;

  const newButton = canManage ? (
    <LinkButton tag={Link} to="new" startIcon={<Plus />}>
      {t('segments.new', 'New segment')}
    </LinkButton>
  ) : undefined;

  return (
    <Layouts.Root>
      <Page.Title>{t('segments.title', 'Segments')}</Page.Title>
      <Layouts.Header
        navigationAction={<BackButton fallback=".." />}
        title={t('segments.title', 'Segments')}
        subtitle={t(
          'segments.subtitle',
          'Groups of contacts chosen by filters, kept in sync as a segment or tag on the platform.'
        )}
        primaryAction={newButton}
      />
      <Layouts.Content>
        <Box background="neutral0" hasRadius shadow="tableShadow" padding={6}>
          {state.data.length === 0 ? (
            <EmptyStateLayout content={t('segments.empty', 'No segment yet.')} action={newButton} />
          ) : (
            <SegmentsTable
              segments={state.data}
              canManage={canManage}
              busyId={busyId}
              onDuplicate={(s) => void duplicate(s)}
              onSync={(s) => void sync(s)}
              onDelete={(s, remote) => void remove(s, remote)}
            />
          )}
        </Box>
      </Layouts.Content>
    </Layouts.Root>
  );
};
