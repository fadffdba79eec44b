import {
  Box,
  Button,
  Divider,
  Field,
  Flex,
  Modal,
  SingleSelect,
  SingleSelectOption,
  TextInput,
  Typography,
} from '@strapi/design-system';
import { useNotification } from '@strapi/strapi/admin';
import { useEffect, useState, type ChangeEvent } from 'react';
import { useConnectionsApi, type ProviderView } from '../../../api/connections';
import { readApiError } from '../../../utils/apiError';
import { useT } from '../../../utils/useT';

interface Props {
  open: boolean;
  oauthAvailable: boolean;
  /** The platforms the server can connect, as it reports them. */
  providers: ProviderView[];
  onClose(): void;
  onConnected(): void;
}

/**
 * Add an account on one of the platforms the server reports: an API key checked as it is typed
 * (by that platform's own rule, on the server) and verified live, or OAuth where offered.
 */
export const AddConnectionModal = ({
  open,
  oauthAvailable,
  providers,
  onClose,
  onConnected,
}: Props) => {
  const t = useT();
  const api = useConnectionsApi();
  const { toggleNotification } = useNotification();
  const [providerName, setProviderName] = useState<string | null>(null);
  const provider = providers.find((p) => p.name === providerName) ?? providers[0];
  const [apiKey, setApiKey] = useState('');
  const [senderName, setSenderName] = useState('');
  const [senderEmail, setSenderEmail] = useState('');
  const [formatError, setFormatError] = useState<string | null>(null);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const [submitting, setSubmitting] = useState(false);

  // Inline format check, debounced: the server holds the one definition of a valid key.
  useEffect(() => {
    if (apiKey.trim() === '' || !provider) return setFormatError(null);
    const timer = setTimeout(() => {
      api
        .checkKey(provider.name, apiKey)
        .then((result) => setFormatError(result.ok ? null : (result.reason ?? null)))
        .catch(() => setFormatError(null));
    }, 300);
    return () => clearTimeout(timer);
  }, [api, apiKey, provider]);

  const reset = () => {
    setApiKey('');
    setSenderName('');
    setSenderEmail('');
    setFieldErrors({});
    setFormatError(null);
  };

  const submit = async () => {
    if (!provider) return;
    setSubmitting(true);
    setFieldErrors({});
    try {
      const connection = await api.connect({
        provider: provider.name,
        apiKey,
        senderName: senderName || undefined,
        senderEmail: senderEmail || undefined,
      });
      toggleNotification({
        type: 'success',
        message: t('settings.connect.success', 'Connected to {account}', {
          account: connection.accountName ?? '',
        }),
      });
      reset();
      onConnected();
    } catch (error) {
      const info = readApiError(error);
      if (Object.keys(info.fields).length > 0) setFieldErrors(info.fields);
      else setFieldErrors({ form: info.message });
    } finally {
      setSubmitting(false);
    }
  };

  const startOAuth = async () => {
    try {
      window.location.href = (await api.oauthStart()).url;
    } catch (error) {
      toggleNotification({ type: 'danger', message: readApiError(error).message });
    }
  };

  const keyError = fieldErrors.apiKey ?? formatError ?? undefined;
  const offerOAuth = oauthAvailable && Boolean(provider?.credentialKinds.includes('oauth'));

  return (
    <Modal.Root open={open} onOpenChange={(next: boolean) => !next && onClose()}>
      <Modal.Content>
        <Modal.Header>
          <Modal.Title>{t('settings.connect.title', 'Add connection')}</Modal.Title>
        </Modal.Header>
        <Modal.Body>
          <Flex direction="column" alignItems="stretch" gap={4}>
            <Field.Root name="provider" error={fieldErrors.provider} required>
              <Field.Label>{t('settings.connect.provider', 'Platform')}</Field.Label>
              <SingleSelect
                name="provider"
                value={provider?.name}
                onChange={(next: string | number) => {
                  setProviderName(String(next));
                  setFormatError(null);
                  setFieldErrors({});
                }}
              >
                {providers.map((p) => (
                  <SingleSelectOption key={p.name} value={p.name}>
                    {p.displayName}
                  </SingleSelectOption>
                ))}
              </SingleSelect>
              <Field.Error />
            </Field.Root>
            {offerOAuth ? (
              <>
                <Button variant="secondary" onClick={startOAuth} fullWidth>
                  {t('settings.connect.oauth', 'Connect with {platform}', {
                    platform: provider?.displayName ?? '',
                  })}
                </Button>
                <Flex gap={2} alignItems="center">
                  <Box flex="1">
                    <Divider />
                  </Box>
                  <Typography variant="pi" textColor="neutral600">
                    {t('settings.connect.or', 'or use an API key')}
                  </Typography>
                  <Box flex="1">
                    <Divider />
                  </Box>
                </Flex>
              </>
            ) : null}
            <Field.Root name="apiKey" error={keyError} hint={provider?.keyHint} required>
              <Field.Label>{t('settings.connect.apiKey', 'API key')}</Field.Label>
              <TextInput
                name="apiKey"
                autoComplete="off"
                placeholder={provider?.keyPlaceholder}
                value={apiKey}
                onChange={(e: ChangeEvent<HTMLInputElement>) => setApiKey(e.target.value)}
              />
              <Field.Error />
              <Field.Hint />
            </Field.Root>
            <Field.Root
              name="senderName"
              error={fieldErrors.senderName}
              hint={t(
                'settings.connect.senderName.hint',
                'Optional: otherwise the audience’s default'
              )}
            >
              <Field.Label>{t('settings.sender.name', 'Sender name')}</Field.Label>
              <TextInput
                name="senderName"
                value={senderName}
                onChange={(e: ChangeEvent<HTMLInputElement>) => setSenderName(e.target.value)}
              />
              <Field.Error />
              <Field.Hint />
            </Field.Root>
            <Field.Root
              name="senderEmail"
              error={fieldErrors.senderEmail}
              hint={t(
                'settings.connect.senderEmail.hint',
                'Optional: otherwise the audience’s default, then the account’s login'
              )}
            >
              <Field.Label>{t('settings.sender.email', 'Sender email')}</Field.Label>
              <TextInput
                name="senderEmail"
                type="email"
                value={senderEmail}
                onChange={(e: ChangeEvent<HTMLInputElement>) => setSenderEmail(e.target.value)}
              />
              <Field.Error />
              <Field.Hint />
            </Field.Root>
            {fieldErrors.form ? (
              <Typography textColor="danger600" role="alert">
                {fieldErrors.form}
              </Typography>
            ) : null}
          </Flex>
        </Modal.Body>
        <Modal.Footer>
          <Modal.Close>
            <Button variant="tertiary">{t('settings.cancel', 'Cancel')}</Button>
          </Modal.Close>
          <Button
            onClick={submit}
            loading={submitting}
            disabled={!provider || apiKey.trim() === '' || Boolean(formatError)}
          >
            {t('settings.connect.submit', 'Verify and connect')}
          </Button>
        </Modal.Footer>
      </Modal.Content>
    </Modal.Root>
  );
};
