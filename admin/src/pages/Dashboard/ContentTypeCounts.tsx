import {
  EmptyStateLayout,
  Table,
  Tbody,
  Td,
  Th,
  Thead,
  Tr,
  Typography,
} from '@strapi/design-system';
import { useIntl } from 'react-intl';
import type { Overview } from '../../api/overview';
import { getTranslation } from '../../utils/getTranslation';

interface Props {
  contentTypes: Overview['contentTypes'];
}

const ContentTypeCounts = ({ contentTypes }: Props) => {
  const { formatMessage, formatNumber } = useIntl();

  if (contentTypes.length === 0) {
    return (
      <EmptyStateLayout
        content={formatMessage({
          id: getTranslation('dashboard.contacts.empty'),
          defaultMessage: 'No collection type has an email attribute yet.',
        })}
      />
    );
  }

  return (
    <Table colCount={3} rowCount={contentTypes.length + 1}>
      <Thead>
        <Tr>
          <Th>
            <Typography variant="sigma">
              {formatMessage({
                id: getTranslation('dashboard.contacts.type'),
                defaultMessage: 'Content type',
              })}
            </Typography>
          </Th>
          <Th>
            <Typography variant="sigma">
              {formatMessage({
                id: getTranslation('dashboard.contacts.fields'),
                defaultMessage: 'Email fields',
              })}
            </Typography>
          </Th>
          <Th>
            <Typography variant="sigma">
              {formatMessage({
                id: getTranslation('dashboard.contacts.entries'),
                defaultMessage: 'Entries',
              })}
            </Typography>
          </Th>
        </Tr>
      </Thead>
      <Tbody>
        {contentTypes.map((ct) => (
          <Tr key={ct.uid} data-testid={`content-type-${ct.uid}`}>
            <Td>
              <Typography textColor="neutral800">{ct.displayName}</Typography>
              <Typography textColor="neutral500" variant="pi">
                {' '}
                {ct.uid}
              </Typography>
            </Td>
            <Td>
              <Typography>{ct.emailFields.join(', ')}</Typography>
            </Td>
            <Td>
              <Typography fontWeight="bold" data-testid="entry-count">
                {formatNumber(ct.count)}
              </Typography>
            </Td>
          </Tr>
        ))}
      </Tbody>
    </Table>
  );
};

export { ContentTypeCounts };
