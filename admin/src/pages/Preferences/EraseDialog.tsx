import { Button, Field, Flex, Modal, TextInput, Typography } from '@strapi/design-system';
import { useState } from 'react';
import type { ErasureReport } from '../../api/preferences';
import { readApiError } from '../../utils/apiError';
import { useT } from '../../utils/useT';

interface Props {
  email: string;
  erase(confirm: string): Promise<ErasureReport>;
  /** After the report was read and the dialog closed. */
  onErased(): void;
}

/** Erasure cannot be undone: the address must be typed again, then the report says what went. */
export const EraseDialog = ({ email, erase, onErased }: Props) => {
  const t = useT();
  const [open, setOpen] = useState(false);
  const [typed, setTyped] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [report, setReport] = useState<ErasureReport | null>(null);
  const matches = typed.trim().toLowerCase() === email.toLowerCase();

  const close = (next: boolean) => {
    setOpen(next);
    if (next) return;
    setTyped('');
    setError(null);
    if (report) {
      setReport(null);
      onErased();
    }
  };
  const submit = async () => {
    setBusy(true);
    setError(null);
    try {
      setReport(await erase(typed));
    } catch (caught) {
      setError(readApiError(caught).message);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal.Root open={open} onOpenChange={close}>
      <Modal.Trigger>
        <Button variant="danger-light">{t('preferences.erase', 'Erase')}</Button>
      </Modal.Trigger>
      <Modal.Content>
        <Modal.Header>
          <Modal.Title>{t('preferences.erase.title', 'Erase this person')}</Modal.Title>
        </Modal.Header>
        <Modal.Body>
          {report ? (
            <Flex direction="column" alignItems="stretch" gap={2} data-testid="erasure-report">
              <Typography fontWeight="bold">
                {t('preferences.erase.done', 'Erased. What was deleted:')}
              </Typography>
              {report.platforms.map((p) => (
                <Typography key={`${p.connectionId}:${p.audienceId}`}>
                  {t('preferences.erase.platform', 'Audience {audience}: {outcome}', {
                    audience: p.audienceId,
                    outcome: p.error ? `${p.outcome} (${p.error})` : p.outcome,
                  })}
                </Typography>
              ))}
              <Typography>
                {t(
                  'preferences.erase.removed',
                  '{states} contact states, {events} webhook events and {jobs} queued jobs removed; {audit} audit events now name only the hash.',
                  {
                    states: report.removed.contactStates,
                    events: report.removed.webhookEvents,
                    jobs: report.removed.queuedJobs,
                    audit: report.removed.auditEventsAnonymised,
                  }
                )}
              </Typography>
              <Typography variant="pi" textColor="neutral600">
                {t(
                  'preferences.erase.hash',
                  'Kept: a tombstone with the hash {hash}, so no sync adds the address again.',
                  { hash: report.emailHash }
                )}
              </Typography>
            </Flex>
          ) : (
            <Flex direction="column" alignItems="stretch" gap={4}>
              <Typography>
                {t(
                  'preferences.erase.body',
                  'The person is deleted permanently from every audience of every connected account, the plugin forgets the address, and only its hash is kept so it is never added again. This cannot be undone.'
                )}
              </Typography>
              <Field.Root
                name="confirm"
                hint={t('preferences.erase.hint', 'Type {email} to confirm.', { email })}
                error={error ?? undefined}
              >
                <Field.Label>
                  {t('preferences.erase.confirm', 'Type the address to confirm')}
                </Field.Label>
                <TextInput
                  value={typed}
                  onChange={(e: React.ChangeEvent<HTMLInputElement>) => setTyped(e.target.value)}
                />
                <Field.Error />
                <Field.Hint />
              </Field.Root>
            </Flex>
          )}
        </Modal.Body>
        <Modal.Footer>
          <Modal.Close>
            <Button variant="tertiary">
              {report ? t('preferences.close', 'Close') : t('settings.cancel', 'Cancel')}
            </Button>
          </Modal.Close>
          {report ? null : (
            <Button
              variant="danger"
              disabled={!matches}
              loading={busy}
              onClick={() => void submit()}
            >
              {t('preferences.erase.action', 'Erase permanently')}
            </Button>
          )}
        </Modal.Footer>
      </Modal.Content>
    </Modal.Root>
  );
};
