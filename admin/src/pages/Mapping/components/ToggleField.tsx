import { Field, Toggle } from '@strapi/design-system';
import type { ChangeEvent } from 'react';
import { useT } from '../../../utils/useT';

interface Props {
  name: string;
  label: string;
  hint: string;
  error?: string;
  checked: boolean;
  disabled?: boolean;
  onChange(checked: boolean): void;
}

/** An on/off setting of the mapping, with its hint and server error. */
export const ToggleField = ({ name, label, hint, error, checked, disabled, onChange }: Props) => {
  const t = useT();
  return (
    <Field.Root name={name} error={error} hint={hint}>
      <Field.Label>{label}</Field.Label>
      <Toggle
        name={name}
        checked={checked}
        disabled={disabled}
        onLabel={t('mapping.on', 'On')}
        offLabel={t('mapping.off', 'Off')}
        onChange={(e: ChangeEvent<HTMLInputElement>) => onChange(e.target.checked)}
      />
      <Field.Error />
      <Field.Hint />
    </Field.Root>
  );
};
