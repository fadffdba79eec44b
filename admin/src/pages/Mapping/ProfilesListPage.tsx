import { Box, EmptyStateLayout, LinkButton } from '@strapi/design-system';
import { Plus } from '@strapi/icons';
import { BackButton, Layouts, Page, useRBAC } from '@strapi/strapi/admin';
import { useEffect, useState } from 'react';
import { Link } from 'react-router-dom';
import { useConnectionsApi, type AudienceView } from '../../api/connections';
import { useSyncApi, type SyncSource } from '../../api/sync';
import { PERMISSIONS } from '../../permissions';
import { useT } from '../../utils/useT';
import { ProfilesTable } from './components/ProfilesTable';
import { useProfiles } from './useProfiles';

/** Every sync profile with its stats and running progress; "New mapping" for managers. */
export const ProfilesListPage = () => {
  const t = useT();
  const { state } = useProfiles();
  const syncApi = useSyncApi();
  const connectionsApi = useConnectionsApi();
  const { allowedActions } = useRBAC({ manage: PERMISSIONS.mappingManage });
  const [sources, setSources] = useState<SyncSource[]>([]);
  const [audiences, setAudiences] = useState<AudienceView[]>([]);

  // Names for the table; the list still shows uids and ids if these fail.
  useEffect(() => {
    syncApi.sources().then(setSources, () => undefined);
    connectionsApi
      .list()
      .then((r) =>
        Promise.all(
          r.connections
            .filter((c) => c.status !== 'disconnected')
            .map((c) =>
              connectionsApi.audiences(c.id).then(
                (a) => a.audiences,
                () => []
              )
            )
        )
      )
      .then(
        (lists) => setAudiences(lists.flat()),
        () => undefined
      );
  }, [syncApi, connectionsApi]);

  if (state.status === 'loading') return <Page.Loading />;
  if (state.status === 'error') return <Page.Error />;

  const newButton = allowedActions.canManage ? (
    <LinkButton tag={Link} to="new" startIcon={<Plus />}>
      {t('mapping.new', 'New mapping')}
    </LinkButton>
  ) : undefined;

  return (
    <Layouts.Root>
      <Page.Title>{t('mapping.title', 'Field mapping')}</Page.Title>
      <Layouts.Header
        navigationAction={<BackButton fallback=".." />}
        title={t('mapping.title', 'Field mapping')}
        subtitle={t(
          'mapping.subtitle',
          'Which content types are synced to which audience, and how their fields map.'
        )}
        primaryAction={newButton}
      />
      <Layouts.Content>
        <Box background="neutral0" hasRadius shadow="tableShadow" padding={6}>
          {state.data.length === 0 ? (
            <EmptyStateLayout
              content={t('mapping.empty', 'No content type is synced yet.')}
              action={newButton}
            />
          ) : (
            <ProfilesTable profiles={state.data} sources={sources} audiences={audiences} />
          )}
        </Box>
      </Layouts.Content>
    </Layouts.Root>
  );
};
