import { Badge, Button, Flex, IconButton } from '@strapi/design-system';
import { Pencil, Trash } from '@strapi/icons';
import { ConfirmDialog } from '../../../components/ConfirmDialog';
import { useT } from '../../../utils/useT';

/** Whether a rule or threshold is paused. */
export const StateBadge = ({ paused }: { paused: boolean }) => {
  const t = useT();
  return paused ? (
    <Badge backgroundColor="warning100" textColor="warning700">
      {t('triggers.rules.paused', 'Paused')}
    </Badge>
  ) : (
    <Badge backgroundColor="success100" textColor="success700">
      {t('triggers.rules.active', 'Active')}
    </Badge>
  );
};

interface Props {
  paused: boolean;
  onEdit(): void;
  onSetPaused(paused: boolean): void;
  deleteTitle: string;
  deleteBody: string;
  onDelete(): void;
}

/** Edit, pause/resume and delete (asked once more) for a rule or threshold row. */
export const RowControls = ({
  paused,
  onEdit,
  onSetPaused,
  deleteTitle,
  deleteBody,
  onDelete,
}: Props) => {
  const t = useT();
  return (
    <Flex gap={1}>
      <IconButton label={t('triggers.edit', 'Edit')} variant="ghost" onClick={onEdit}>
        <Pencil />
      </IconButton>
      <Button size="S" variant="secondary" onClick={() => onSetPaused(!paused)}>
        {paused ? t('triggers.resume', 'Resume') : t('triggers.pause', 'Pause')}
      </Button>
      <ConfirmDialog
        trigger={
          <IconButton label={t('triggers.delete', 'Delete')} variant="ghost">
            <Trash />
          </IconButton>
        }
        title={deleteTitle}
        body={deleteBody}
        confirmLabel={t('triggers.delete', 'Delete')}
        onConfirm={onDelete}
      />
    </Flex>
  );
};
