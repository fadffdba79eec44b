import {
  Box,
  Button,
  Divider,
  Field,
  Flex,
  Modal,
  TextInput,
  Typography,
} from '@strapi/design-system';
import { useNotification } from '@strapi/strapi/admin';
import { useEffect, useState, type ChangeEvent } from 'react';
import { useConnectionsApi } from '../../../api/connections';
import { readApiError } from '../../../utils/apiError';
import { useT } from '../../../utils/useT';

interface Props {
  open: boolean;
  oauthAvailable: boolean;
  onClose(): void;
  onConnected(): void;
}

/** Add a Mailchimp account: an API key checked as it is typed and verified live, or OAuth. */
export const AddConnectionModal = ({ open, oauthAvailable, onClose, onConnected }: Props) => {
  const t = useT();
  const api = useConnectionsApi();
  const { toggleNotification } = useNotification();
  const [apiKey, setApiKey] = useState('');
  const [senderName, setSenderName] = useState('');
  const [senderEmail, setSenderEmail] = useState('');
  const [formatError, setFormatError] = useState<string | null>(null);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const [submitting, setSubmitting] = useState(false);

  // Inline format check, debounced: the server holds the one definition of a valid key.
  useEffect(() => {
    if (apiKey.trim() === '') return setFormatError(null);
    const timer = setTimeout(() => {
      api
        .checkKey(apiKey)
        .then((result) => setFormatError(result.ok ? null : (result.reason ?? null)))
        .catch(() => setFormatError(null));
    }, 300);
    return () => clearTimeout(timer);
  }, [api, apiKey]);

  const reset = () => {
    setApiKey('');
    setSenderName('');
    setSenderEmail('');
    setFieldErrors({});
    setFormatError(null);
  };

  const submit = async () => {
    setSubmitting(true);
    setFieldErrors({});
    try {
      const connection = await api.connect({
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

  return (
    <Modal.Root open={open} onOpenChange={(next: boolean) => !next && onClose()}>
      <Modal.Content>
        <Modal.Header>
          <Modal.Title>{t('settings.connect.title', 'Connect Mailchimp')}</Modal.Title>
        </Modal.Header>
        <Modal.Body>
          <Flex direction="column" alignItems="stretch" gap={4}>
            {oauthAvailable ? (
              <>
                <Button variant="secondary" onClick={startOAuth} fullWidth>
                  {t('settings.connect.oauth', 'Connect with Mailchimp')}
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
            <Field.Root
              name="apiKey"
              error={keyError}
              hint={t(
                'settings.connect.apiKey.hint',
                'Mailchimp › Account › Extras › API keys. It ends with your data center, like -us6.'
              )}
              required
            >
              <Field.Label>{t('settings.connect.apiKey', 'API key')}</Field.Label>
              <TextInput
                name="apiKey"
                autoComplete="off"
                placeholder="0123456789abcdef0123456789abcdef-us6"
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
            disabled={apiKey.trim() === '' || Boolean(formatError)}
          >
            {t('settings.connect.submit', 'Verify and connect')}
          </Button>
        </Modal.Footer>
      </Modal.Content>
    </Modal.Root>
  );
};
