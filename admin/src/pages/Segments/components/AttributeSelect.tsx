import { Box, SingleSelect, SingleSelectOption, Typography } from '@strapi/design-system';
import { Fragment } from 'react';
import type { SegmentAttribute } from '../../../api/segments';
import { useT } from '../../../utils/useT';

interface Props {
  attributes: SegmentAttribute[];
  value: string;
  label: string;
  disabled: boolean;
  hasError: boolean;
  onChange(attribute: SegmentAttribute): void;
}

/** 'organization.name' belongs to the group 'organization'; own attributes to ''. */
const groupOf = (path: string) => (path.includes('.') ? path.split('.')[0] : '');
/** 'Organization › Name' → 'Organization': the relation's label, as the server wrote it. */
const groupLabel = (attribute: SegmentAttribute) => attribute.label.split(' › ')[0];

/** The attribute of a condition: the content type's own first, then one group per relation. */
export const AttributeSelect = ({
  attributes,
  value,
  label,
  disabled,
  hasError,
  onChange,
}: Props) => {
  const t = useT();
  const groups = new Map<string, SegmentAttribute[]>();
  for (const attribute of attributes) {
    const key = groupOf(attribute.path);
    groups.set(key, [...(groups.get(key) ?? []), attribute]);
  }
  const ordered = [...groups.entries()].sort(([a], [b]) => (a === '' ? -1 : b === '' ? 1 : 0));

  return (
    <SingleSelect
      aria-label={label}
      value={value || undefined}
      placeholder={t('segments.condition.attribute.placeholder', 'Choose an attribute')}
      disabled={disabled}
      hasError={hasError}
      onChange={(path: string | number) => {
        const attribute = attributes.find((a) => a.path === path);
        if (attribute) onChange(attribute);
      }}
    >
      {ordered.map(([group, members]) => (
        <Fragment key={group || '_own'}>
          {/* The design system's select has no option groups: a heading row stands in. */}
          <Box paddingLeft={4} paddingTop={2} paddingBottom={1} aria-hidden>
            <Typography variant="sigma" textColor="neutral600">
              {group === ''
                ? t('segments.condition.ownAttributes', 'Attributes')
                : t('segments.condition.relation', 'Relation: {name}', {
                    name: groupLabel(members[0]),
                  })}
            </Typography>
          </Box>
          {members.map((attribute) => (
            <SingleSelectOption key={attribute.path} value={attribute.path}>
              {attribute.label}
            </SingleSelectOption>
          ))}
        </Fragment>
      ))}
    </SingleSelect>
  );
};
