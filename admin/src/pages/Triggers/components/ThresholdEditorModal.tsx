import {
  Button,
  Field,
  Flex,
  Modal,
  NumberInput,
  TextInput,
  Toggle,
  Typography,
} from '@strapi/design-system';
import { useEffect, useState, type ChangeEvent } from 'react';
import { useTriggersApi, type SegmentOption, type ThresholdView } from '../../../api/triggers';
import { readApiError } from '../../../utils/apiError';
import { useT } from '../../../utils/useT';
import { formToThreshold, thresholdToForm, type ThresholdForm } from '../thresholdForm';
import { ActionsEditor } from './ActionsEditor';

interface Props {
  /** `undefined`: closed; `null`: a new threshold; else the threshold being edited. */
  threshold: ThresholdView | null | undefined;
  profileId: number;
  segments: SegmentOption[];
  onClose(): void;
  onSaved(): void;
}

/** "When a contact's points reach <n>, do <actions> once" (again after a re-cross if asked). */
export const ThresholdEditorModal = ({
  threshold,
  profileId,
  segments,
  onClose,
  onSaved,
}: Props) => {
  const t = useT();
  const api = useTriggersApi();
  const [form, setForm] = useState<ThresholdForm>(() => thresholdToForm(threshold ?? null));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const open = threshold !== undefined;

  useEffect(() => {
    if (!open) return;
    setForm(thresholdToForm(threshold ?? null));
    setErrors({});
    setFormError(null);
  }, [open, threshold]);

  const patch = (next: Partial<ThresholdForm>) => setForm((f) => ({ ...f, ...next }));

  const save = async () => {
    setSaving(true);
    setErrors({});
    setFormError(null);
    try {
      const input = formToThreshold(form, profileId, threshold?.paused ?? false);
      if (threshold) await api.updateThreshold(threshold.id, input);
      else await api.createThreshold(input);
      onSaved();
    } catch (error) {
      const info = readApiError(error);
      setErrors(info.fields);
      setFormError(info.message);
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal.Root open={open} onOpenChange={(next: boolean) => !next && onClose()}>
      <Modal.Content>
        <Modal.Header>
          <Modal.Title>
            {threshold
              ? t('triggers.threshold.edit', 'Edit threshold')
              : t('triggers.threshold.new', 'New threshold')}
          </Modal.Title>
        </Modal.Header>
        <Modal.Body>
          <Flex direction="column" alignItems="stretch" gap={4}>
            <Field.Root name="name" error={errors.name} required>
              <Field.Label>{t('triggers.rule.name', 'Name')}</Field.Label>
              <TextInput
                name="name"
                value={form.name}
                placeholder={t('triggers.threshold.name.placeholder', 'e.g. Hot lead')}
                onChange={(e: ChangeEvent<HTMLInputElement>) => patch({ name: e.target.value })}
              />
              <Field.Error />
            </Field.Root>
            <Field.Root
              name="points"
              error={errors.points}
              hint={t(
                'triggers.threshold.points.hint',
                'Fires once when a contact’s points in this profile reach this number.'
              )}
              required
            >
              <Field.Label>{t('triggers.threshold.points', 'When points reach')}</Field.Label>
              <NumberInput
                name="points"
                value={form.points}
                onValueChange={(points: number | undefined) => patch({ points })}
              />
              <Field.Error />
              <Field.Hint />
            </Field.Root>
            <ActionsEditor
              rows={form.actions}
              segments={segments}
              errors={errors}
              onChange={(actions) => patch({ actions })}
            />
            <Field.Root
              name="refireOnRecross"
              hint={t(
                'triggers.threshold.refire.hint',
                'When points drop below and rise again, run the actions again.'
              )}
            >
              <Field.Label>{t('triggers.threshold.refire', 'Fire again on re-cross')}</Field.Label>
              <Toggle
                name="refireOnRecross"
                checked={form.refireOnRecross}
                onLabel={t('mapping.on', 'On')}
                offLabel={t('mapping.off', 'Off')}
                onChange={(e: ChangeEvent<HTMLInputElement>) =>
                  patch({ refireOnRecross: e.target.checked })
                }
              />
              <Field.Hint />
            </Field.Root>
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
          <Button onClick={() => void save()} loading={saving}>
            {t('triggers.save', 'Save')}
          </Button>
        </Modal.Footer>
      </Modal.Content>
    </Modal.Root>
  );
};
