import { Box, EmptyStateLayout } from '@strapi/design-system';
import { Layouts, Page } from '@strapi/strapi/admin';
import { useIntl } from 'react-intl';
import { useOverview } from '../../api/overview';
import { PERMISSIONS } from '../../permissions';
import { getTranslation } from '../../utils/getTranslation';

/** Lists the platform connections; adding one arrives with the connections work. */
const ConnectionsSettings = () => {
  const { formatMessage } = useIntl();
  const overview = useOverview();

  if (overview.status === 'loading') return <Page.Loading />;
  if (overview.status === 'error') return <Page.Error />;

  return (
    <Layouts.Root>
      <Layouts.Header
        title={formatMessage({
          id: getTranslation('settings.connections'),
          defaultMessage: 'Connections',
        })}
        subtitle={formatMessage({
          id: getTranslation('settings.connections.subtitle'),
          defaultMessage: 'The email-marketing platforms this Strapi project talks to.',
        })}
      />
      <Layouts.Content>
        <Box background="neutral0" hasRadius shadow="tableShadow" padding={6}>
          {overview.data.connections.length === 0 ? (
            <EmptyStateLayout
              content={formatMessage({
                id: getTranslation('dashboard.connection.none'),
                defaultMessage: 'No platform connected',
              })}
            />
          ) : null}
        </Box>
      </Layouts.Content>
    </Layouts.Root>
  );
};

const ConnectionsSettingsPage = () => (
  <Page.Protect permissions={PERMISSIONS.read}>
    <ConnectionsSettings />
  </Page.Protect>
);

export default ConnectionsSettingsPage;
