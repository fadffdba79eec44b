import { Button, Dialog } from '@strapi/design-system';
import { WarningCircle } from '@strapi/icons';
import type { ReactNode } from 'react';
import { useT } from '../utils/useT';

interface Props {
  /** The button that opens the dialog. */
  trigger: ReactNode;
  disabled?: boolean;
  title: string;
  body: string;
  confirmLabel: string;
  onConfirm(): void;
}

/** A destructive action asked once more, in Strapi's alert dialog. */
export const ConfirmDialog = ({
  trigger,
  disabled,
  title,
  body,
  confirmLabel,
  onConfirm,
}: Props) => {
  const t = useT();
  return (
    <Dialog.Root>
      <Dialog.Trigger disabled={disabled}>{trigger}</Dialog.Trigger>
      <Dialog.Content>
        <Dialog.Header>{title}</Dialog.Header>
        <Dialog.Body icon={<WarningCircle fill="danger600" />}>{body}</Dialog.Body>
        <Dialog.Footer>
          <Dialog.Cancel>
            <Button fullWidth variant="tertiary">
              {t('settings.cancel', 'Cancel')}
            </Button>
          </Dialog.Cancel>
          <Dialog.Action>
            <Button fullWidth variant="danger-light" onClick={onConfirm}>
              {confirmLabel}
            </Button>
          </Dialog.Action>
        </Dialog.Footer>
      </Dialog.Content>
    </Dialog.Root>
  );
};
