import { Button, Dialog } from '@strapi/design-system';
import { Trash, WarningCircle } from '@strapi/icons';
import { useT } from '../../../utils/useT';

interface Props {
  name: string;
  disabled?: boolean;
  onConfirm(): void;
}

/** Asks before deleting a profile: members stay on the platform, syncing stops. */
export const DeleteProfileDialog = ({ name, disabled, onConfirm }: Props) => {
  const t = useT();
  return (
    <Dialog.Root>
      <Dialog.Trigger>
        <Button variant="danger-light" startIcon={<Trash />} disabled={disabled}>
          {t('mapping.delete', 'Delete')}
        </Button>
      </Dialog.Trigger>
      <Dialog.Content>
        <Dialog.Header>{t('mapping.delete.title', 'Delete {name}?', { name })}</Dialog.Header>
        <Dialog.Body icon={<WarningCircle fill="danger600" />}>
          {t(
            'mapping.delete.body',
            'Changes to these entries are no longer synced. Members already on the platform are left as they are.'
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
              {t('mapping.delete.confirm', 'Yes, delete')}
            </Button>
          </Dialog.Action>
        </Dialog.Footer>
      </Dialog.Content>
    </Dialog.Root>
  );
};
