import { Flex, Table, Tbody, Td, Th, Thead, Tr, Typography } from '@strapi/design-system';
import type { PreviewContact } from '../../../api/sync';
import { useT } from '../../../utils/useT';
import { ContactStatusBadge } from './ContactStatusBadge';

const show = (value: unknown) =>
  typeof value === 'object' && value !== null ? JSON.stringify(value) : String(value);

/** The first contacts exactly as they would be sent: status, merge fields, tags, errors. */
export const PreviewTable = ({ contacts }: { contacts: PreviewContact[] }) => {
  const t = useT();
  return (
    <Table colCount={5} rowCount={contacts.length + 1}>
      <Thead>
        <Tr>
          <Th>
            <Typography variant="sigma">{t('mapping.preview.email', 'Email')}</Typography>
          </Th>
          <Th>
            <Typography variant="sigma">{t('mapping.preview.status', 'Status')}</Typography>
          </Th>
          <Th>
            <Typography variant="sigma">
              {t('mapping.preview.mergeFields', 'Merge fields')}
            </Typography>
          </Th>
          <Th>
            <Typography variant="sigma">{t('mapping.preview.tags', 'Tags')}</Typography>
          </Th>
          <Th>
            <Typography variant="sigma">{t('mapping.preview.errors', 'Errors')}</Typography>
          </Th>
        </Tr>
      </Thead>
      <Tbody>
        {contacts.map((contact) => (
          <Tr key={contact.documentId} data-testid="preview-row">
            <Td>
              <Typography>{contact.email ?? '—'}</Typography>
            </Td>
            <Td>
              <Flex direction="column" alignItems="flex-start" gap={1}>
                <ContactStatusBadge status={contact.status} />
                {contact.skipReason ? (
                  <Typography variant="pi" textColor="neutral600">
                    {contact.skipReason}
                  </Typography>
                ) : null}
              </Flex>
            </Td>
            <Td>
              <Flex direction="column" alignItems="flex-start">
                {Object.entries(contact.mergeFields).map(([tag, value]) => (
                  <Typography key={tag} variant="pi">
                    <strong>{tag}</strong> {show(value)}
                  </Typography>
                ))}
              </Flex>
            </Td>
            <Td>
              <Typography variant="pi">{contact.tags.join(', ') || '—'}</Typography>
            </Td>
            <Td>
              <Flex direction="column" alignItems="flex-start">
                {contact.errors.map((error) => (
                  <Typography key={error.field} variant="pi" textColor="danger600">
                    {`${error.field}: ${error.message}`}
                  </Typography>
                ))}
              </Flex>
            </Td>
          </Tr>
        ))}
      </Tbody>
    </Table>
  );
};
