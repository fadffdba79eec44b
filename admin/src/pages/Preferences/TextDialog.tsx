import { Button, Field, Flex, Modal, TextInput, Typography } from '@strapi/design-system';
import { useState, type ReactNode } from 'react';
import { readApiError } from '../../utils/apiError';
import { useT } from '../../utils/useT';

export interface DialogField {
  name: string;
  label: string;
  hint?: string;
  required?: boolean;
}

interface Props {
  trigger: ReactNode;
  title: string;
  intro: string;
  fields: DialogField[];
  confirmLabel: string;
  variant?: 'default' | 'danger';
  onSubmit(values: Record<string, string>): Promise<void>;
}

/** A modal with a few text fields and one action; the server's error shows inside it. */
export const TextDialog = ({
  trigger,
  title,
  intro,
  fields,
  confirmLabel,
  variant,
  onSubmit,
}: Props) => {
  const t = useT();
  const [open, setOpen] = useState(false);
  const [values, setValues] = useState<Record<string, string>>({});
  const [error, setError] = useState<{ message: string; fields: Record<string, string> } | null>(
    null
  );
  const [busy, setBusy] = useState(false);
  const submit = async () => {
    setBusy(true);
    setError(null);
    try {
      await onSubmit(values);
      setOpen(false);
      setValues({});
    } catch (caught) {
      setError(readApiError(caught));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal.Root open={open} onOpenChange={(next: boolean) => setOpen(next)}>
      <Modal.Trigger>{trigger}</Modal.Trigger>
      <Modal.Content>
        <Modal.Header>
          <Modal.Title>{title}</Modal.Title>
        </Modal.Header>
        <Modal.Body>
          <Flex direction="column" alignItems="stretch" gap={4}>
            <Typography>{intro}</Typography>
            {fields.map((field) => (
              <Field.Root
                key={field.name}
                name={field.name}
                required={field.required}
                hint={field.hint}
                error={error?.fields[field.name]}
              >
                <Field.Label>{field.label}</Field.Label>
                <TextInput
                  value={values[field.name] ?? ''}
                  onChange={(e: React.ChangeEvent<HTMLInputElement>) =>
                    setValues((v) => ({ ...v, [field.name]: e.target.value }))
                  }
                />
                <Field.Error />
                <Field.Hint />
              </Field.Root>
            ))}
            {error ? (
              <Typography textColor="danger600" role="alert">
                {error.message}
              </Typography>
            ) : null}
          </Flex>
        </Modal.Body>
        <Modal.Footer>
          <Modal.Close>
            <Button variant="tertiary">{t('settings.cancel', 'Cancel')}</Button>
          </Modal.Close>
          <Button
            variant={variant === 'danger' ? 'danger' : 'default'}
            loading={busy}
            onClick={() => void submit()}
          >
            {confirmLabel}
          </Button>
        </Modal.Footer>
      </Modal.Content>
    </Modal.Root>
  );
};
