import { Button, Dialog, Field, Flex, Radio, Typography } from '@strapi/design-system';
import { WarningCircle } from '@strapi/icons';
import { useState, type ReactNode } from 'react';
import type { RemoteOnDelete } from '../../../api/segments';
import { useT } from '../../../utils/useT';

interface Props {
  name: string;
  /** The button that opens the dialog. */
  trigger: ReactNode;
  disabled?: boolean;
  onConfirm(remote: RemoteOnDelete): void;
}

/** Asks before deleting a segment, and whether its platform segment (or tag) goes too. */
export const DeleteSegmentDialog = ({ name, trigger, disabled, onConfirm }: Props) => {
  const t = useT();
  const [remote, setRemote] = useState<RemoteOnDelete>('keep');
  return (
    <Dialog.Root onOpenChange={(open: boolean) => open && setRemote('keep')}>
      <Dialog.Trigger disabled={disabled}>{trigger}</Dialog.Trigger>
      <Dialog.Content>
        <Dialog.Header>{t('segments.delete.title', 'Delete {name}?', { name })}</Dialog.Header>
        <Dialog.Body icon={<WarningCircle fill="danger600" />}>
          <Flex direction="column" alignItems="stretch" gap={4}>
            <Typography>
              {t(
                'segments.delete.body',
                'The segment stops syncing. What happens to it on the platform?'
              )}
            </Typography>
            <Field.Root name="remote">
              <Field.Label>{t('segments.delete.remote', 'Platform segment')}</Field.Label>
              <Radio.Group
                value={remote}
                onValueChange={(value: string) => setRemote(value as RemoteOnDelete)}
                aria-label={t('segments.delete.remote', 'Platform segment')}
              >
                <Radio.Item value="keep">
                  {t('segments.delete.keep', 'Keep it, with its members')}
                </Radio.Item>
                <Radio.Item value="remove">
                  {t('segments.delete.remove', 'Remove it from the platform')}
                </Radio.Item>
              </Radio.Group>
            </Field.Root>
          </Flex>
        </Dialog.Body>
        <Dialog.Footer>
          <Dialog.Cancel>
            <Button fullWidth variant="tertiary">
              {t('settings.cancel', 'Cancel')}
            </Button>
          </Dialog.Cancel>
          <Dialog.Action>
            <Button fullWidth variant="danger-light" onClick={() => onConfirm(remote)}>
              {t('segments.delete.confirm', 'Yes, delete')}
            </Button>
          </Dialog.Action>
        </Dialog.Footer>
      </Dialog.Content>
    </Dialog.Root>
  );
};
