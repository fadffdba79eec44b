import { Alert, Box, Button, EmptyStateLayout, Flex } from '@strapi/design-system';
import { Plus } from '@strapi/icons';
import { Layouts, Page, useNotification, useRBAC } from '@strapi/strapi/admin';
import { useEffect, useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import { useConnections, useProviders } from '../../api/connections';
import { PERMISSIONS } from '../../permissions';
import { useT } from '../../utils/useT';
import { AddConnectionModal } from './components/AddConnectionModal';
import { ConnectionCard } from './components/ConnectionCard';

const ConnectionsSettings = () => {
  const t = useT();
  const { state, reload } = useConnections();
  const providers = useProviders();
  const { allowedActions } = useRBAC({ update: PERMISSIONS.settingsUpdate });
  const canUpdate = Boolean(allowedActions.canUpdate);
  const [adding, setAdding] = useState(false);
  const [params, setParams] = useSearchParams();
  const { toggleNotification } = useNotification();

  // Back from Mailchimp's OAuth screen: say how it went, once.
  useEffect(() => {
    const outcome = params.get('oauth');
    if (!outcome) return;
    toggleNotification(
      outcome === 'connected'
        ? {
            type: 'success',
            message: t('settings.connect.success', 'Connected to {account}', {
              account: params.get('account') ?? '',
            }),
          }
        : {
            type: 'danger',
            message:
              params.get('message') ?? t('settings.oauth.failed', 'Mailchimp did not connect.'),
          }
    );
    setParams({}, { replace: true });
  }, [params, setParams, t, toggleNotification]);

  if (state.status === 'loading' || providers === null) return <Page.Loading />;
  if (state.status === 'error') return <Page.Error />;
  const { connections, oauthAvailable, encryptionConfigured } = state.data;

  const addButton = canUpdate ? (
    <Button startIcon={<Plus />} onClick={() => setAdding(true)} disabled={!encryptionConfigured}>
      {t('settings.add', 'Add connection')}
    </Button>
  ) : undefined;

  return (
    <Layouts.Root>
      <Page.Title>{t('settings.connections', 'Connections')}</Page.Title>
      <Layouts.Header
        title={t('settings.connections', 'Connections')}
        subtitle={t(
          'settings.connections.subtitle',
          'The email-marketing platforms this Strapi project talks to. The default one is used wherever no other is chosen (a sync profile or campaign can choose another).'
        )}
        primaryAction={addButton}
      />
      <Layouts.Content>
        <Flex direction="column" alignItems="stretch" gap={4}>
          {!encryptionConfigured ? (
            <Alert
              variant="danger"
              title={t('settings.encryption.title', 'No encryption key')}
              closeLabel=""
            >
              {t(
                'settings.encryption.body',
                'Set EMAIL_MARKETING_ENCRYPTION_KEY or admin.secrets.encryptionKey: credentials are never stored unencrypted.'
              )}
            </Alert>
          ) : null}
          {connections.length === 0 ? (
            <Box background="neutral0" hasRadius shadow="tableShadow" padding={6}>
              <EmptyStateLayout
                content={t(
                  'settings.empty',
                  'No platform connected yet. Add a connection to start.'
                )}
                action={addButton}
              />
            </Box>
          ) : (
            connections.map((connection) => (
              <ConnectionCard
                key={connection.id}
                connection={connection}
                platform={
                  providers.find((p) => p.name === connection.provider)?.displayName ??
                  connection.provider
                }
                canUpdate={canUpdate}
                onChanged={reload}
              />
            ))
          )}
        </Flex>
      </Layouts.Content>
      <AddConnectionModal
        open={adding}
        oauthAvailable={oauthAvailable}
        providers={providers}
        onClose={() => setAdding(false)}
        onConnected={() => {
          setAdding(false);
          void reload();
        }}
      />
    </Layouts.Root>
  );
};

const ConnectionsSettingsPage = () => (
  <Page.Protect permissions={PERMISSIONS.settingsRead}>
    <ConnectionsSettings />
  </Page.Protect>
);

export default ConnectionsSettingsPage;
