import { Box, Flex, LinkButton, Typography } from '@strapi/design-system';
import { useIntl } from 'react-intl';
import { Link } from 'react-router-dom';
import type { Overview } from '../../api/overview';
import { PLUGIN_ID } from '../../pluginId';
import { getTranslation } from '../../utils/getTranslation';

interface Props {
  connections: Overview['connections'];
}

const ConnectionStatus = ({ connections }: Props) => {
  const { formatMessage } = useIntl();
  const defaultConnection = connections.find((connection) => connection.isDefault);

  return (
    <Box background="neutral0" hasRadius shadow="tableShadow" padding={6}>
      <Flex justifyContent="space-between" alignItems="center" gap={4}>
        <Flex direction="column" alignItems="flex-start" gap={1}>
          <Typography variant="delta" tag="h2" data-testid="connection-status">
            {defaultConnection
              ? formatMessage(
                  {
                    id: getTranslation('dashboard.connection.connected'),
                    defaultMessage: 'Connected to {provider} ({account})',
                  },
                  { provider: defaultConnection.provider, account: defaultConnection.accountName }
                )
              : formatMessage({
                  id: getTranslation('dashboard.connection.none'),
                  defaultMessage: 'No platform connected',
                })}
          </Typography>
          <Typography variant="omega" textColor="neutral600">
            {formatMessage({
              id: getTranslation('dashboard.connection.hint'),
              defaultMessage:
                'Connect Mailchimp in Settings to start syncing contacts to an audience.',
            })}
          </Typography>
        </Flex>
        <LinkButton tag={Link} to={`/settings/${PLUGIN_ID}/connections`} variant="secondary">
          {formatMessage({
            id: getTranslation('dashboard.connection.settings'),
            defaultMessage: 'Open settings',
          })}
        </LinkButton>
      </Flex>
    </Box>
  );
};

export { ConnectionStatus };
