import { useEffect, useState } from 'react';
import { readApiError } from '../../utils/apiError';

/**
 * The state of a rule or threshold editor: the form (reset each time it opens), the field
 * errors and message of the last failed save, and the save itself.
 * `item`: `undefined` closed, `null` a new one, else the one being edited.
 */
export const useEditorForm = <Item, Form>(
  item: Item | null | undefined,
  toForm: (item: Item | null) => Form,
  submit: (form: Form) => Promise<unknown>,
  onSaved: () => void
) => {
  const [form, setForm] = useState<Form>(() => toForm(item ?? null));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const open = item !== undefined;

  useEffect(() => {
    if (!open) return;
    setForm(toForm(item ?? null));
    setErrors({});
    setFormError(null);
  }, [open, item, toForm]);

  const patch = (next: Partial<Form>) => setForm((f) => ({ ...f, ...next }));

  const save = async () => {
    setSaving(true);
    setErrors({});
    setFormError(null);
    try {
      await submit(form);
      onSaved();
    } catch (error) {
      const info = readApiError(error);
      setErrors(info.fields);
      setFormError(info.message);
    } finally {
      setSaving(false);
    }
  };

  return { open, form, patch, errors, formError, saving, save };
};
