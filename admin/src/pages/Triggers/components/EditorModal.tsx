import { Button, Field, Flex, Modal, TextInput, Typography } from '@strapi/design-system';
import type { ChangeEvent, ReactNode } from 'react';
import { useT } from '../../../utils/useT';

interface Props {
  open: boolean;
  title: string;
  /** The message of the last failed save. */
  formError: string | null;
  saving: boolean;
  onClose(): void;
  onSave(): void;
  children: ReactNode;
}

/** The frame of the rule and threshold editors: title, fields, the save error, Cancel/Save. */
export const EditorModal = ({
  open,
  title,
  formError,
  saving,
  onClose,
  onSave,
  children,
}: Props) => {
  const t = useT();
  return (
    <Modal.Root open={open} onOpenChange={(next: boolean) => !next && onClose()}>
      <Modal.Content>
        <Modal.Header>
          <Modal.Title>{title}</Modal.Title>
        </Modal.Header>
        <Modal.Body>
          <Flex direction="column" alignItems="stretch" gap={4}>
            {children}
            {formError ? (
              <Typography textColor="danger600" role="alert">
                {formError}
              </Typography>
            ) : null}
          </Flex>
        </Modal.Body>
        <Modal.Footer>
          <Modal.Close>
            <Button variant="tertiary">{t('settings.cancel', 'Cancel')}</Button>
          </Modal.Close>
          <Button onClick={onSave} loading={saving}>
            {t('triggers.save', 'Save')}
          </Button>
        </Modal.Footer>
      </Modal.Content>
    </Modal.Root>
  );
};

/** The editors' required name input. */
export const NameField = ({
  value,
  error,
  placeholder,
  onChange,
}: {
  value: string;
  error?: string;
  placeholder: string;
  onChange(name: string): void;
}) => {
  const t = useT();
  return (
    <Field.Root name="name" error={error} required>
      <Field.Label>{t('triggers.rule.name', 'Name')}</Field.Label>
      <TextInput
        name="name"
        value={value}
        placeholder={placeholder}
        onChange={(e: ChangeEvent<HTMLInputElement>) => onChange(e.target.value)}
      />
      <Field.Error />
    </Field.Root>
  );
};
