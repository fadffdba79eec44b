import { Button, Field, Flex, Modal, TextInput } from '@strapi/design-system';
import { Download } from '@strapi/icons';
import { useEffect, useState, type ChangeEvent } from 'react';
import { useConnectionsApi } from '../../../api/connections';
import type { CampaignView } from '../../../api/campaigns';
import { useCampaignsApi } from '../../../api/campaigns';
import { readApiError } from '../../../utils/apiError';
import { useT } from '../../../utils/useT';

/** Track a campaign made on the platform: its id there, on the default connection. */
export const ImportDialog = ({ onImported }: { onImported(campaign: CampaignView): void }) => {
  const t = useT();
  const api = useCampaignsApi();
  const [open, setOpen] = useState(false);
  const [remoteId, setRemoteId] = useState('');
  const [error, setError] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);
  const connectionsApi = useConnectionsApi();
  const [platform, setPlatform] = useState<string | null>(null);
  // The default connection's platform names where the id comes from.
  useEffect(() => {
    if (!open) return;
    connectionsApi
      .list()
      .then(({ connections }) =>
        setPlatform(connections.find((c) => c.isDefault)?.providerLabel ?? null)
      )
      .catch(() => setPlatform(null));
  }, [open, connectionsApi]);

  const submit = async () => {
    setBusy(true);
    setError(undefined);
    try {
      const campaign = await api.importRemote(remoteId.trim(), null);
      setOpen(false);
      setRemoteId('');
      onImported(campaign);
    } catch (err) {
      const info = readApiError(err);
      setError(info.fields.remoteId ?? info.message);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal.Root open={open} onOpenChange={setOpen}>
      <Modal.Trigger>
        <Button variant="secondary" startIcon={<Download />}>
          {t('campaigns.import', 'Import')}
        </Button>
      </Modal.Trigger>
      <Modal.Content>
        <Modal.Header>
          <Modal.Title>{t('campaigns.import.title', 'Import a platform campaign')}</Modal.Title>
        </Modal.Header>
        <Modal.Body>
          <Flex direction="column" alignItems="stretch" gap={4}>
            <Field.Root
              name="remoteId"
              error={error}
              hint={t(
                'campaigns.import.hint',
                'The campaign’s id on {platform} (in its URL or the API), on the default connection.',
                { platform: platform ?? t('campaigns.platform.unknown', 'the platform') }
              )}
            >
              <Field.Label>{t('campaigns.import.remoteId', 'Platform campaign id')}</Field.Label>
              <TextInput
                value={remoteId}
                onChange={(e: ChangeEvent<HTMLInputElement>) => setRemoteId(e.target.value)}
              />
              <Field.Error />
              <Field.Hint />
            </Field.Root>
          </Flex>
        </Modal.Body>
        <Modal.Footer>
          <Modal.Close>
            <Button variant="tertiary">{t('settings.cancel', 'Cancel')}</Button>
          </Modal.Close>
          <Button loading={busy} disabled={!remoteId.trim()} onClick={() => void submit()}>
            {t('campaigns.import.submit', 'Import campaign')}
          </Button>
        </Modal.Footer>
      </Modal.Content>
    </Modal.Root>
  );
};
