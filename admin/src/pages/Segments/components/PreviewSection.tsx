import { Flex, Loader, Table, Tbody, Td, Th, Thead, Tr, Typography } from '@strapi/design-system';
import { useIntl } from 'react-intl';
import type { SegmentPreview } from '../../../api/segments';
import { useT } from '../../../utils/useT';
import type { PreviewState } from '../useSegmentPreview';

const SampleTable = ({ sample }: { sample: SegmentPreview['sample'] }) => {
  const t = useT();
  return (
    <Table colCount={2} rowCount={sample.length + 1}>
      <Thead>
        <Tr>
          <Th>
            <Typography variant="sigma">{t('segments.preview.contact', 'Contact')}</Typography>
          </Th>
          <Th>
            <Typography variant="sigma">{t('segments.preview.email', 'Email')}</Typography>
          </Th>
        </Tr>
      </Thead>
      <Tbody>
        {sample.map((contact) => (
          <Tr key={contact.documentId} data-testid="segment-preview-row">
            <Td>
              <Typography>{contact.label}</Typography>
            </Td>
            <Td>
              <Typography>{contact.email ?? '—'}</Typography>
            </Td>
          </Tr>
        ))}
      </Tbody>
    </Table>
  );
};

/** The live count of the unsaved filters and the first matching contacts; a 400 said plainly. */
export const PreviewSection = ({ state }: { state: PreviewState }) => {
  const t = useT();
  const { formatNumber } = useIntl();

  if (state.status === 'idle')
    return (
      <Typography variant="pi" textColor="neutral600">
        {t('segments.preview.idle', 'Choose a sync profile to see who matches.')}
      </Typography>
    );
  if (state.status === 'incomplete')
    return (
      <Typography variant="pi" textColor="neutral600" data-testid="segment-preview-incomplete">
        {t('segments.preview.incomplete', 'Complete every condition to see the count.')}
      </Typography>
    );
  if (state.status === 'error')
    return (
      <Typography textColor="danger600" role="alert" data-testid="segment-preview-error">
        {state.error.message}
      </Typography>
    );

  const preview = state.status === 'ready' ? state.preview : state.last;
  return (
    <Flex direction="column" alignItems="stretch" gap={4}>
      <Flex gap={2}>
        <Typography variant="beta" data-testid="segment-count">
          {preview
            ? t('segments.preview.count', '{count} matching contacts', {
                count: formatNumber(preview.count),
              })
            : t('segments.preview.counting', 'Counting…')}
        </Typography>
        {state.status === 'loading' ? (
          <Loader small>{t('segments.preview.counting', 'Counting…')}</Loader>
        ) : null}
      </Flex>
      {preview && preview.sample.length > 0 ? <SampleTable sample={preview.sample} /> : null}
      {preview && preview.count > preview.sample.length ? (
        <Typography variant="pi" textColor="neutral600">
          {t('segments.preview.more', 'The first {shown} of {count}.', {
            shown: formatNumber(preview.sample.length),
            count: formatNumber(preview.count),
          })}
        </Typography>
      ) : null}
    </Flex>
  );
};
