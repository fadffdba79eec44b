import { Flex, IconButton } from '@strapi/design-system';
import { ArrowClockwise, Duplicate, Pencil, Trash } from '@strapi/icons';
import type { MouseEvent } from 'react';
import { useNavigate } from 'react-router-dom';
import type { RemoteOnDelete, SegmentView } from '../../../api/segments';
import { useT } from '../../../utils/useT';
import { DeleteSegmentDialog } from './DeleteSegmentDialog';

interface Props {
  segment: SegmentView;
  canManage: boolean;
  busy: boolean;
  onDuplicate(): void;
  onSync(): void;
  onDelete(remote: RemoteOnDelete): void;
}

/** A row's buttons: edit (or view) for everyone, the rest only with segments.manage. */
export const SegmentActions = ({
  segment,
  canManage,
  busy,
  onDuplicate,
  onSync,
  onDelete,
}: Props) => {
  const t = useT();
  const navigate = useNavigate();
  const { name } = segment;
  return (
    // The row itself opens the editor: a click on a button must not do that as well.
    <Flex gap={1} justifyContent="flex-end" onClick={(e: MouseEvent) => e.stopPropagation()}>
      <IconButton
        label={
          canManage
            ? t('segments.action.edit', 'Edit {name}', { name })
            : t('segments.action.view', 'View {name}', { name })
        }
        variant="ghost"
        onClick={() => navigate(String(segment.id))}
      >
        <Pencil />
      </IconButton>
      {canManage ? (
        <>
          <IconButton
            label={t('segments.action.duplicate', 'Duplicate {name}', { name })}
            variant="ghost"
            disabled={busy}
            onClick={onDuplicate}
          >
            <Duplicate />
          </IconButton>
          <IconButton
            label={t('segments.action.sync', 'Sync {name} now', { name })}
            variant="ghost"
            disabled={busy || segment.status === 'syncing'}
            onClick={onSync}
          >
            <ArrowClockwise />
          </IconButton>
          <DeleteSegmentDialog
            name={name}
            disabled={busy}
            onConfirm={onDelete}
            trigger={
              <IconButton
                label={t('segments.action.delete', 'Delete {name}', { name })}
                variant="ghost"
                disabled={busy}
              >
                <Trash />
              </IconButton>
            }
          />
        </>
      ) : null}
    </Flex>
  );
};
