import { Button, Dialog } from '@strapi/design-system';
import { PaperPlane, WarningCircle } from '@strapi/icons';
import { useIntl } from 'react-intl';
import { useT } from '../../../utils/useT';

interface Props {
  name: string;
  recipientCount: number | null;
  disabled: boolean;
  onConfirm(): void;
}

/** "Send now", confirmed with the number of people it reaches. */
export const SendNowDialog = ({ name, recipientCount, disabled, onConfirm }: Props) => {
  const t = useT();
  const { formatNumber } = useIntl();
  return (
    <Dialog.Root>
      <Dialog.Trigger disabled={disabled}>
        <Button startIcon={<PaperPlane />} disabled={disabled}>
          {t('campaigns.action.send', 'Send now')}
        </Button>
      </Dialog.Trigger>
      <Dialog.Content>
        <Dialog.Header>{t('campaigns.send.title', 'Send this campaign now?')}</Dialog.Header>
        <Dialog.Body icon={<WarningCircle fill="danger600" />}>
          <span data-testid="send-confirmation">
            {recipientCount === null
              ? t(
                  'campaigns.send.bodyUnknown',
                  '“{name}” goes to every subscribed member of its audience or segment. This cannot be undone.',
                  { name }
                )
              : t(
                  'campaigns.send.body',
                  '“{name}” goes to {count} recipients. This cannot be undone.',
                  { name, count: formatNumber(recipientCount) }
                )}
          </span>
        </Dialog.Body>
        <Dialog.Footer>
          <Dialog.Cancel>
            <Button fullWidth variant="tertiary">
              {t('settings.cancel', 'Cancel')}
            </Button>
          </Dialog.Cancel>
          <Dialog.Action>
            <Button fullWidth variant="danger-light" onClick={onConfirm}>
              {t('campaigns.send.confirm', 'Send to {count} recipients', {
                count: recipientCount === null ? '?' : formatNumber(recipientCount),
              })}
            </Button>
          </Dialog.Action>
        </Dialog.Footer>
      </Dialog.Content>
    </Dialog.Root>
  );
};
