import { Button } from '@strapi/design-system';
import { Trash } from '@strapi/icons';
import { ConfirmDialog } from '../../../components/ConfirmDialog';
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
    <ConfirmDialog
      trigger={
        <Button variant="danger-light" startIcon={<Trash />} disabled={disabled}>
          {t('mapping.delete', 'Delete')}
        </Button>
      }
      disabled={disabled}
      title={t('mapping.delete.title', 'Delete {name}?', { name })}
      body={t(
        'mapping.delete.body',
        'Changes to these entries are no longer synced. Members already on the platform are left as they are.'
      )}
      confirmLabel={t('mapping.delete.confirm', 'Yes, delete')}
      onConfirm={onConfirm}
    />
  );
};
