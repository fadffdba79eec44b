import { Table, Tbody, Td, Th, Thead, Tr, Typography } from '@strapi/design-system';
import { useNavigate } from 'react-router-dom';
import type { CampaignView } from '../../../api/campaigns';
import { useT } from '../../../utils/useT';
import { CampaignStatusBadge } from './CampaignStatusBadge';
import { useFormatters } from './useFormatters';

/** One row per campaign, newest first; a click opens it. */
export const CampaignsTable = ({ campaigns }: { campaigns: CampaignView[] }) => {
  const t = useT();
  const navigate = useNavigate();
  const format = useFormatters();
  const headers = [
    t('campaigns.list.name', 'Name'),
    t('campaigns.list.status', 'Status'),
    t('campaigns.list.audience', 'Audience / segment'),
    t('campaigns.list.when', 'Scheduled / sent'),
    t('campaigns.metric.recipients', 'Recipients'),
    t('campaigns.metric.openRate', 'Open rate'),
    t('campaigns.metric.clickThroughRate', 'Click-through rate'),
  ];

  return (
    <Table colCount={headers.length} rowCount={campaigns.length + 1}>
      <Thead>
        <Tr>
          {headers.map((header) => (
            <Th key={header}>
              <Typography variant="sigma">{header}</Typography>
            </Th>
          ))}
        </Tr>
      </Thead>
      <Tbody>
        {campaigns.map((c) => (
          <Tr
            key={c.id}
            data-testid={`campaign-${c.id}`}
            onClick={() => navigate(String(c.id))}
            style={{ cursor: 'pointer' }}
          >
            <Td>
              <Typography fontWeight="bold">{c.name}</Typography>
            </Td>
            <Td>
              <CampaignStatusBadge status={c.status} />
            </Td>
            <Td>
              <Typography>
                {c.audienceName ?? c.audienceId}
                {c.segmentName ? ` › ${c.segmentName}` : ''}
              </Typography>
            </Td>
            <Td>
              <Typography variant="pi">
                {c.sentAt
                  ? t('campaigns.list.sentAt', 'Sent {when}', { when: format.when(c.sentAt) })
                  : c.scheduledAt
                    ? t('campaigns.list.scheduledAt', 'Scheduled {when}', {
                        when: format.when(c.scheduledAt),
                      })
                    : '—'}
              </Typography>
            </Td>
            <Td>
              <Typography>
                {c.metrics
                  ? format.count(c.metrics.recipients)
                  : c.recipientCount !== null
                    ? `~${format.count(c.recipientCount)}`
                    : '—'}
              </Typography>
            </Td>
            <Td>
              <Typography>{c.metrics ? format.rate(c.metrics.openRate) : '—'}</Typography>
            </Td>
            <Td>
              <Typography>{c.metrics ? format.rate(c.metrics.clickThroughRate) : '—'}</Typography>
            </Td>
          </Tr>
        ))}
      </Tbody>
    </Table>
  );
};
