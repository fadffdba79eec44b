import { Field, NumberInput, Toggle } from '@strapi/design-system';
import type { ChangeEvent } from 'react';
import { useTriggersApi, type SegmentOption, type ThresholdView } from '../../../api/triggers';
import { useT } from '../../../utils/useT';
import { formToThreshold, thresholdToForm, type ThresholdForm } from '../thresholdForm';
import { useEditorForm } from '../useEditorForm';
import { EditorModal, NameField } from './EditorModal';
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
  const { open, form, patch, errors, formError, saving, save } = useEditorForm(
    threshold,
    thresholdToForm,
    (current: ThresholdForm) => {
      const input = formToThreshold(current, profileId, threshold?.paused ?? false);
      return threshold ? api.updateThreshold(threshold.id, input) : api.createThreshold(input);
    },
    onSaved
  );

  return (
    <EditorModal
      open={open}
      title={
        threshold
          ? t('triggers.threshold.edit', 'Edit threshold')
          : t('triggers.threshold.new', 'New threshold')
      }
      formError={formError}
      saving={saving}
      onClose={onClose}
      onSave={() => void save()}
    >
      <NameField
        value={form.name}
        error={errors.name}
        placeholder={t('triggers.threshold.name.placeholder', 'e.g. Hot lead')}
        onChange={(name) => patch({ name })}
      />
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
    </EditorModal>
  );
};
