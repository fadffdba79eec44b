import { Button } from '@strapi/design-system';
import { ConfirmDialog } from '../../../components/ConfirmDialog';
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
    <ConfirmDialog
      trigger={
        <Button variant="danger-light" disabled={disabled}>
          {t('settings.disconnect', 'Disconnect')}
        </Button>
      }
      disabled={disabled}
      title={t('settings.disconnect.title', 'Disconnect {account}?', { account: accountName })}
      body={t(
        'settings.disconnect.body',
        'The API key or token is deleted and the plugin’s webhooks are removed from Mailchimp. Campaigns, job history and the audit log are kept; connecting the same account again restores it.'
      )}
      confirmLabel={t('settings.disconnect.confirm', 'Yes, disconnect')}
      onConfirm={onConfirm}
    />
  );
};
