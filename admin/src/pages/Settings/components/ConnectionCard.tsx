import {
  Badge,
  Box,
  Button,
  Field,
  Flex,
  Grid,
  TextInput,
  Typography,
} from '@strapi/design-system';
import { useNotification } from '@strapi/strapi/admin';
import { useCallback, useEffect, useState, type ChangeEvent } from 'react';
import { useIntl } from 'react-intl';
import {
  useConnectionsApi,
  type AudiencesResponse,
  type ConnectionView,
} from '../../../api/connections';
import { readApiError } from '../../../utils/apiError';
import { useT } from '../../../utils/useT';
import { AudiencePicker } from './AudiencePicker';
import { DisconnectDialog } from './DisconnectDialog';

interface Props {
  connection: ConnectionView;
  /** The platform's display name, as the server reports it. */
  platform: string;
  canUpdate: boolean;
  onChanged(): void;
}

const STATUS_BADGE = {
  connected: { textColor: 'success700', backgroundColor: 'success100' },
  error: { textColor: 'danger700', backgroundColor: 'danger100' },
  disconnected: { textColor: 'neutral700', backgroundColor: 'neutral150' },
} as const;

/** One connected account: its audience, sender and state, and what an admin can do with it. */
export const ConnectionCard = ({ connection, platform, canUpdate, onChanged }: Props) => {
  const t = useT();
  const { formatDate } = useIntl();
  const api = useConnectionsApi();
  const { toggleNotification } = useNotification();
  const [audiences, setAudiences] = useState<AudiencesResponse | null>(null);
  const [loadingAudiences, setLoadingAudiences] = useState(false);
  const [audienceId, setAudienceId] = useState(connection.defaultAudienceId);
  const [senderName, setSenderName] = useState(connection.senderName ?? '');
  const [senderEmail, setSenderEmail] = useState(connection.senderEmail ?? '');
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState<string | null>(null);
  const live = connection.status !== 'disconnected';

  const loadAudiences = useCallback(
    async (refresh: boolean) => {
      setLoadingAudiences(true);
      try {
        setAudiences(await api.audiences(connection.id, refresh));
      } catch (error) {
        setFieldErrors({ defaultAudienceId: readApiError(error).message });
      } finally {
        setLoadingAudiences(false);
      }
    },
    [api, connection.id]
  );

  useEffect(() => {
    if (live) void loadAudiences(false);
  }, [live, loadAudiences]);

  const act = async (name: string, action: () => Promise<unknown>, success: string) => {
    setBusy(name);
    setFieldErrors({});
    try {
      await action();
      toggleNotification({ type: 'success', message: success });
      onChanged();
    } catch (error) {
      const info = readApiError(error);
      if (Object.keys(info.fields).length > 0) setFieldErrors(info.fields);
      else toggleNotification({ type: 'danger', message: info.message });
    } finally {
      setBusy(null);
    }
  };

  const sourceLabel = {
    connection: t('settings.sender.source.connection', 'set on this connection'),
    audience: t('settings.sender.source.audience', 'the audience’s campaign defaults'),
    account: t('settings.sender.source.account', 'the {platform} account’s login', { platform }),
    server: t('settings.sender.source.server', 'this server’s host name'),
  };

  return (
    <Box
      background="neutral0"
      hasRadius
      shadow="tableShadow"
      padding={6}
      data-testid={`connection-card-${connection.id}`}
    >
      <Flex direction="column" alignItems="stretch" gap={5}>
        <Flex justifyContent="space-between" alignItems="flex-start" gap={4}>
          <Flex direction="column" alignItems="flex-start" gap={1}>
            <Flex gap={2}>
              <Typography variant="delta" tag="h2" data-testid="connection-account">
                {connection.accountName ??
                  t('settings.unknownAccount', '{platform} account', { platform })}
              </Typography>
              <Badge {...STATUS_BADGE[connection.status]} data-testid="connection-status">
                {t(`settings.status.${connection.status}`, connection.status)}
              </Badge>
              {connection.isDefault ? (
                <Badge active>{t('settings.default', 'Default')}</Badge>
              ) : null}
            </Flex>
            <Typography variant="pi" textColor="neutral600">
              {[
                platform,
                connection.dataCenter
                  ? t('settings.dataCenter', 'data center {dc}', { dc: connection.dataCenter })
                  : null,
                connection.authKind === 'oauth'
                  ? 'OAuth'
                  : t('settings.apiKeyShort', 'API key {hint}', {
                      hint: connection.credentialHint,
                    }),
                connection.loginEmail,
                connection.lastVerifiedAt
                  ? t('settings.lastVerified', 'verified {when}', {
                      when: formatDate(connection.lastVerifiedAt, {
                        dateStyle: 'medium',
                        timeStyle: 'short',
                      }),
                    })
                  : null,
              ]
                .filter(Boolean)
                .join(' · ')}
            </Typography>
            {connection.lastError ? (
              <Typography variant="pi" textColor="danger600" role="alert">
                {connection.lastError}
              </Typography>
            ) : null}
          </Flex>
          {canUpdate && live ? (
            <Flex gap={2}>
              {!connection.isDefault ? (
                <Button
                  variant="secondary"
                  loading={busy === 'default'}
                  onClick={() =>
                    act(
                      'default',
                      () => api.makeDefault(connection.id),
                      t('settings.default.done', 'Now the default connection')
                    )
                  }
                >
                  {t('settings.makeDefault', 'Make default')}
                </Button>
              ) : null}
              <Button
                variant="secondary"
                loading={busy === 'verify'}
                onClick={() =>
                  act(
                    'verify',
                    () => api.verify(connection.id),
                    t('settings.verify.done', 'Verification finished')
                  )
                }
              >
                {t('settings.verify', 'Verify again')}
              </Button>
              <DisconnectDialog
                accountName={connection.accountName ?? ''}
                disabled={busy !== null}
                onConfirm={() =>
                  act(
                    'disconnect',
                    () => api.disconnect(connection.id),
                    t('settings.disconnect.done', 'Disconnected')
                  )
                }
              />
            </Flex>
          ) : null}
        </Flex>

        {live ? (
          <Grid.Root gap={4}>
            <Grid.Item col={12} direction="column" alignItems="stretch">
              <AudiencePicker
                audiences={audiences}
                value={audienceId}
                error={fieldErrors.defaultAudienceId}
                loading={loadingAudiences}
                disabled={!canUpdate}
                onChange={setAudienceId}
                onRefresh={() => loadAudiences(true)}
              />
            </Grid.Item>
            <Grid.Item col={6} s={12} direction="column" alignItems="stretch">
              <Field.Root name="senderName" error={fieldErrors.senderName}>
                <Field.Label>{t('settings.sender.name', 'Sender name')}</Field.Label>
                <TextInput
                  name="senderName"
                  disabled={!canUpdate}
                  value={senderName}
                  onChange={(e: ChangeEvent<HTMLInputElement>) => setSenderName(e.target.value)}
                />
                <Field.Error />
              </Field.Root>
            </Grid.Item>
            <Grid.Item col={6} s={12} direction="column" alignItems="stretch">
              <Field.Root name="senderEmail" error={fieldErrors.senderEmail}>
                <Field.Label>{t('settings.sender.email', 'Sender email')}</Field.Label>
                <TextInput
                  name="senderEmail"
                  type="email"
                  disabled={!canUpdate}
                  value={senderEmail}
                  onChange={(e: ChangeEvent<HTMLInputElement>) => setSenderEmail(e.target.value)}
                />
                <Field.Error />
              </Field.Root>
            </Grid.Item>
            <Grid.Item col={12} direction="column" alignItems="stretch">
              <Flex justifyContent="space-between" alignItems="center">
                {connection.sender ? (
                  <Typography variant="omega" textColor="neutral700" data-testid="resolved-sender">
                    {t(
                      'settings.sender.resolved',
                      'Campaigns are sent from {name} ({email}), from {source}.',
                      {
                        name: connection.sender.name,
                        email: connection.sender.email,
                        source: sourceLabel[connection.sender.source],
                      }
                    )}
                  </Typography>
                ) : (
                  <span />
                )}
                {canUpdate ? (
                  <Button
                    loading={busy === 'save'}
                    onClick={() =>
                      act(
                        'save',
                        () =>
                          api.update(connection.id, {
                            defaultAudienceId: audienceId,
                            senderName,
                            senderEmail,
                          }),
                        t('settings.saved', 'Saved')
                      )
                    }
                  >
                    {t('settings.save', 'Save')}
                  </Button>
                ) : null}
              </Flex>
            </Grid.Item>
          </Grid.Root>
        ) : (
          <Typography variant="omega" textColor="neutral600">
            {t(
              'settings.disconnected.hint',
              'Disconnected: credentials were deleted; history is kept. Add the same account again to restore it.'
            )}
          </Typography>
        )}
      </Flex>
    </Box>
  );
};
