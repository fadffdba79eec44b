import { Button, Field, Modal, TextInput } from '@strapi/design-system';
import { Mail } from '@strapi/icons';
import { useState, type ChangeEvent } from 'react';
import { readApiError } from '../../../utils/apiError';
import { useT } from '../../../utils/useT';

export const MAX_TEST_ADDRESSES = 5;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]{2,}$/;

/** The addresses typed, split on commas, semicolons and spaces. */
export const splitAddresses = (text: string) =>
  text
    .split(/[\s,;]+/)
    .map((s) => s.trim())
    .filter(Boolean);

interface Props {
  disabled: boolean;
  onSend(emails: string[]): Promise<number>;
}

/** "Send a test": up to five addresses, checked before they go to the server. */
export const SendTestDialog = ({ disabled, onSend }: Props) => {
  const t = useT();
  const [open, setOpen] = useState(false);
  const [text, setText] = useState('');
  const [error, setError] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);
  const emails = splitAddresses(text);

  const check = (): string | undefined => {
    if (emails.length === 0) return t('campaigns.test.none', 'Enter at least one address.');
    if (emails.length > MAX_TEST_ADDRESSES)
      return t('campaigns.test.tooMany', 'At most {max} addresses ({count} entered).', {
        max: MAX_TEST_ADDRESSES,
        count: emails.length,
      });
    const bad = emails.find((e) => !EMAIL.test(e));
    return bad
      ? t('campaigns.test.invalid', '“{email}” is not a valid email address.', { email: bad })
      : undefined;
  };

  const submit = async () => {
    const problem = check();
    setError(problem);
    if (problem) return;
    setBusy(true);
    try {
      await onSend(emails);
      setOpen(false);
    } catch (err) {
      setError(readApiError(err).message);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal.Root open={open} onOpenChange={setOpen}>
      <Modal.Trigger>
        <Button variant="secondary" startIcon={<Mail />} disabled={disabled}>
          {t('campaigns.action.test', 'Send a test')}
        </Button>
      </Modal.Trigger>
      <Modal.Content>
        <Modal.Header>
          <Modal.Title>{t('campaigns.test.title', 'Send a test email')}</Modal.Title>
        </Modal.Header>
        <Modal.Body>
          <Field.Root
            name="testEmails"
            error={error}
            hint={t(
              'campaigns.test.hint',
              'Up to {max} addresses, separated by commas. The draft is saved first.',
              { max: MAX_TEST_ADDRESSES }
            )}
          >
            <Field.Label>{t('campaigns.test.addresses', 'Addresses')}</Field.Label>
            <TextInput
              value={text}
              placeholder="me@example.com, colleague@example.com"
              onChange={(e: ChangeEvent<HTMLInputElement>) => {
                setText(e.target.value);
                setError(undefined);
              }}
            />
            <Field.Error />
            <Field.Hint />
          </Field.Root>
        </Modal.Body>
        <Modal.Footer>
          <Modal.Close>
            <Button variant="tertiary">{t('settings.cancel', 'Cancel')}</Button>
          </Modal.Close>
          <Button loading={busy} onClick={() => void submit()}>
            {t('campaigns.test.submit', 'Send test')}
          </Button>
        </Modal.Footer>
      </Modal.Content>
    </Modal.Root>
  );
};
