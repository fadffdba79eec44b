import { Box, Flex, Grid, Typography } from '@strapi/design-system';
import { Layouts, Page } from '@strapi/strapi/admin';
import { useIntl } from 'react-intl';
import { useOverview } from '../../api/overview';
import { getTranslation } from '../../utils/getTranslation';
import { ConnectionStatus } from './ConnectionStatus';
import { ContentTypeCounts } from './ContentTypeCounts';

const DashboardPage = () => {
  const { formatMessage } = useIntl();
  const overview = useOverview();

  if (overview.status === 'loading') return <Page.Loading />;
  if (overview.status === 'error') return <Page.Error />;
  const { data } = overview;

  return (
    <Layouts.Root>
      <Page.Title>
        {formatMessage({ id: getTranslation('plugin.name'), defaultMessage: 'Email marketing' })}
      </Page.Title>
      <Layouts.Header
        title={formatMessage({
          id: getTranslation('plugin.name'),
          defaultMessage: 'Email marketing',
        })}
        subtitle={formatMessage(
          {
            id: getTranslation('dashboard.versions'),
            defaultMessage: 'Plugin {plugin} · Strapi {strapi}',
          },
          { plugin: data.pluginVersion, strapi: data.strapiVersion }
        )}
      />
      <Layouts.Content>
        <Grid.Root gap={4}>
          <Grid.Item col={12} direction="column" alignItems="stretch">
            <ConnectionStatus connections={data.connections} />
          </Grid.Item>
          <Grid.Item col={12} direction="column" alignItems="stretch">
            <Box background="neutral0" hasRadius shadow="tableShadow" padding={6}>
              <Flex direction="column" alignItems="stretch" gap={4}>
                <Typography variant="delta" tag="h2">
                  {formatMessage({
                    id: getTranslation('dashboard.contacts.title'),
                    defaultMessage: 'Content types with an email field',
                  })}
                </Typography>
                <ContentTypeCounts contentTypes={data.contentTypes} />
              </Flex>
            </Box>
          </Grid.Item>
        </Grid.Root>
      </Layouts.Content>
    </Layouts.Root>
  );
};

export { DashboardPage };
