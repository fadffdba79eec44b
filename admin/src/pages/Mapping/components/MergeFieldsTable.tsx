import {
  Badge,
  Button,
  Field,
  Flex,
  SingleSelect,
  SingleSelectOption,
  Table,
  Tbody,
  Td,
  Th,
  Thead,
  Tr,
  Typography,
} from '@strapi/design-system';
import { Plus } from '@strapi/icons';
import type { AudienceMergeField, MergeMapping, SourceAttribute } from '../../../api/sync';
import { useT } from '../../../utils/useT';
import { suggestMergeType } from '../suggestMergeField';

/** SingleSelect values cannot be null: this one stands for "not sent". */
const UNMAPPED = '__unmapped__';

interface Props {
  attributes: SourceAttribute[];
  mergeFields: AudienceMergeField[];
  mappings: MergeMapping[];
  /** Server errors: `mergeFields` for the table, `mergeFields.<index>…` for one row. */
  errors: Record<string, string>;
  disabled: boolean;
  canCreate: boolean;
  creating: string | null;
  onChange(mappings: MergeMapping[]): void;
  onCreate(attribute: SourceAttribute): void;
}

const rowError = (errors: Record<string, string>, index: number) =>
  Object.entries(errors).find(([key]) => key.startsWith(`mergeFields.${index}`))?.[1];

/** Strapi attribute (with its type) → audience merge tag (with its type), one row per attribute. */
export const MergeFieldsTable = ({
  attributes,
  mergeFields,
  mappings,
  errors,
  disabled,
  canCreate,
  creating,
  onChange,
  onCreate,
}: Props) => {
  const t = useT();
  const tagOf = (attribute: string) => mappings.find((m) => m.attribute === attribute)?.tag;

  const assign = (attribute: string, tag: string | null) => {
    const rest = mappings.filter((m) => m.attribute !== attribute);
    onChange(tag === null ? rest : [...rest, { attribute, tag }]);
  };

  // Errors of mappings whose attribute has no row (it is not on the content type any more).
  const shown = new Set(attributes.map((a) => a.name));
  const orphans = mappings.flatMap((m, index) => {
    const error = shown.has(m.attribute) ? undefined : rowError(errors, index);
    return error ? [`${m.attribute} → ${m.tag}: ${error}`] : [];
  });

  return (
    <>
      {orphans.map((message) => (
        <Typography key={message} textColor="danger600" role="alert">
          {message}
        </Typography>
      ))}
      <Table colCount={4} rowCount={attributes.length + 1}>
        <Thead>
          <Tr>
            <Th>
              <Typography variant="sigma">
                {t('mapping.merge.attribute', 'Strapi attribute')}
              </Typography>
            </Th>
            <Th>
              <Typography variant="sigma">{t('mapping.merge.tag', 'Merge field')}</Typography>
            </Th>
            <Th>
              <Typography variant="sigma">{t('mapping.merge.type', 'Merge field type')}</Typography>
            </Th>
            <Th>
              <Typography variant="sigma">{t('mapping.merge.actions', 'Actions')}</Typography>
            </Th>
          </Tr>
        </Thead>
        <Tbody>
          {attributes.map((attribute) => {
            const tag = tagOf(attribute.name);
            const field = mergeFields.find((f) => f.tag === tag);
            const index = mappings.findIndex((m) => m.attribute === attribute.name);
            const error = index >= 0 ? rowError(errors, index) : undefined;
            return (
              <Tr key={attribute.name} data-testid={`merge-row-${attribute.name}`}>
                <Td>
                  <Flex gap={2}>
                    <Typography fontWeight="bold">{attribute.name}</Typography>
                    <Badge>{attribute.type}</Badge>
                  </Flex>
                </Td>
                <Td style={{ minWidth: 260 }}>
                  <Field.Root name={`mergeFields.${attribute.name}`} error={error}>
                    <SingleSelect
                      aria-label={t('mapping.merge.tagFor', 'Merge field for {attribute}', {
                        attribute: attribute.name,
                      })}
                      size="S"
                      value={tag ?? UNMAPPED}
                      disabled={disabled}
                      onChange={(value: string | number) =>
                        assign(attribute.name, value === UNMAPPED ? null : String(value))
                      }
                    >
                      <SingleSelectOption value={UNMAPPED}>
                        {t('mapping.merge.unmapped', 'Not sent')}
                      </SingleSelectOption>
                      {tag && !field ? (
                        <SingleSelectOption value={tag}>
                          {t('mapping.merge.missing', '{tag} (not on this audience)', { tag })}
                        </SingleSelectOption>
                      ) : null}
                      {mergeFields.map((f) => (
                        <SingleSelectOption key={f.tag} value={f.tag}>
                          {`${f.tag} — ${f.name}`}
                        </SingleSelectOption>
                      ))}
                    </SingleSelect>
                    <Field.Error />
                  </Field.Root>
                </Td>
                <Td>
                  {field ? (
                    <Badge>{field.type}</Badge>
                  ) : (
                    <Typography textColor="neutral500">—</Typography>
                  )}
                </Td>
                <Td>
                  {canCreate && !tag ? (
                    <Button
                      size="S"
                      variant="tertiary"
                      startIcon={<Plus />}
                      loading={creating === attribute.name}
                      disabled={disabled || creating !== null}
                      onClick={() => onCreate(attribute)}
                    >
                      {t('mapping.merge.create', 'Create merge field ({type})', {
                        type: suggestMergeType(attribute),
                      })}
                    </Button>
                  ) : null}
                </Td>
              </Tr>
            );
          })}
        </Tbody>
      </Table>
    </>
  );
};
