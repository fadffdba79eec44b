import { TextInput } from '@strapi/design-system';
import { useState, type ChangeEvent } from 'react';

interface Props {
  value: string[];
  label: string;
  placeholder: string;
  disabled: boolean;
  onChange(value: string[]): void;
}

const parse = (text: string) =>
  text
    .split(',')
    .map((part) => part.trim())
    .filter(Boolean);

/**
 * "is one of" over free text: comma-separated values. The text is kept as typed (a trailing
 * comma included) and parsed on each change, so typing is never rewritten under the cursor.
 */
export const ListValueInput = ({ value, label, placeholder, disabled, onChange }: Props) => {
  const [text, setText] = useState(value.join(', '));
  return (
    <TextInput
      aria-label={label}
      value={text}
      placeholder={placeholder}
      disabled={disabled}
      onChange={(e: ChangeEvent<HTMLInputElement>) => {
        setText(e.target.value);
        onChange(parse(e.target.value));
      }}
    />
  );
};
