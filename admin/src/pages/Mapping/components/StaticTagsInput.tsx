import { Button, Field, Flex, Tag, TextInput } from '@strapi/design-system';
import { Cross, Plus } from '@strapi/icons';
import { useState, type ChangeEvent, type KeyboardEvent } from 'react';
import { useT } from '../../../utils/useT';

interface Props {
  tags: string[];
  error?: string;
  disabled: boolean;
  onChange(tags: string[]): void;
}

/** A free list of tags applied to everyone in the profile: type, Enter or "Add"; × removes. */
export const StaticTagsInput = ({ tags, error, disabled, onChange }: Props) => {
  const t = useT();
  const [draft, setDraft] = useState('');
  const add = () => {
    const tag = draft.trim();
    if (tag && !tags.includes(tag)) onChange([...tags, tag]);
    setDraft('');
  };
  return (
    <Field.Root
      name="staticTags"
      error={error}
      hint={t('mapping.staticTags.hint', 'Applied to every contact of this profile.')}
    >
      <Field.Label>{t('mapping.staticTags', 'Static tags')}</Field.Label>
      <Flex gap={2}>
        <TextInput
          name="staticTag"
          value={draft}
          disabled={disabled}
          placeholder={t('mapping.staticTags.placeholder', 'e.g. Website')}
          onChange={(e: ChangeEvent<HTMLInputElement>) => setDraft(e.target.value)}
          onKeyDown={(e: KeyboardEvent<HTMLInputElement>) => {
            if (e.key !== 'Enter') return;
            e.preventDefault();
            add();
          }}
        />
        <Button
          variant="secondary"
          startIcon={<Plus />}
          disabled={disabled || !draft.trim()}
          onClick={add}
        >
          {t('mapping.staticTags.add', 'Add')}
        </Button>
      </Flex>
      {tags.length > 0 ? (
        <Flex gap={2} wrap="wrap" paddingTop={2}>
          {tags.map((tag) => (
            <Tag
              key={tag}
              icon={<Cross />}
              disabled={disabled}
              label={t('mapping.staticTags.remove', 'Remove {tag}', { tag })}
              onClick={() => onChange(tags.filter((x) => x !== tag))}
            >
              {tag}
            </Tag>
          ))}
        </Flex>
      ) : null}
      <Field.Error />
      <Field.Hint />
    </Field.Root>
  );
};
