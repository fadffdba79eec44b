import { Button } from '@strapi/design-system';
import { Trash } from '@strapi/icons';
import { ConfirmDialog } from '../../../components/ConfirmDialog';
import { useT } from '../../../utils/useT';

/** Delete a draft, here and on the platform, asked once more. */
export const DeleteCampaignDialog = ({
  name,
  platform,
  disabled,
  onConfirm,
}: {
  name: string;
  platform: string;
  disabled: boolean;
  onConfirm(): void;
}) => {
  const t = useT();
  return (
    <ConfirmDialog
      trigger={
        <Button variant="danger-light" startIcon={<Trash />} disabled={disabled}>
          {t('campaigns.delete', 'Delete draft')}
        </Button>
      }
      disabled={disabled}
      title={t('campaigns.delete.title', 'Delete “{name}”?', { name })}
      body={t('campaigns.delete.body', 'The draft is removed here and on {platform}.', {
        platform,
      })}
      confirmLabel={t('campaigns.delete', 'Delete draft')}
      onConfirm={onConfirm}
    />
  );
};
