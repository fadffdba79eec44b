import { Button, Dialog } from '@strapi/design-system';
import { WarningCircle } from '@strapi/icons';
import { useT } from '../../../utils/useT';

interface Props {
  accountName: string;
  onConfirm(): void;
  disabled?: boolean;
}

/** Asks before disconnecting: credentials go, history stays. */
export const DisconnectDialog = ({ accountName, onConfirm, disabled }: Props) => {
  const t = useT();
  return (
    <Dialog.Root>
      <Dialog.Trigger>
        <Button variant="danger-light" disabled={disabled}>
          {t('settings.disconnect', 'Disconnect')}
        </Button>
      </Dialog.Trigger>
      <Dialog.Content>
        <Dialog.Header>
          {t('settings.disconnect.title', 'Disconnect {account}?', { account: accountName })}
        </Dialog.Header>
        <Dialog.Body icon={<WarningCircle fill="danger600" />}>
          {t(
            'settings.disconnect.body',
            'The API key or token is deleted and the plugin’s webhooks are removed from Mailchimp. Campaigns, job history and the audit log are kept; connecting the same account again restores it.'
          )}
        </Dialog.Body>
        <Dialog.Footer>
          <Dialog.Cancel>
            <Button fullWidth variant="tertiary">
              {t('settings.cancel', 'Cancel')}
            </Button>
          </Dialog.Cancel>
          <Dialog.Action>
            <Button fullWidth variant="danger-light" onClick={onConfirm}>
              {t('settings.disconnect.confirm', 'Yes, disconnect')}
            </Button>
          </Dialog.Action>
        </Dialog.Footer>
      </Dialog.Content>
    </Dialog.Root>
  );
};
