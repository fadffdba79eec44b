import { Table, Tbody, Td, Th, Thead, Tr, Typography } from '@strapi/design-system';
import type { CampaignMetrics } from '../../../api/campaigns';
import { useT } from '../../../utils/useT';
import { useFormatters } from './useFormatters';

type MetricKey = Exclude<keyof CampaignMetrics, 'takenAt'>;

interface Row {
  key: MetricKey;
  label: string;
  kind: 'count' | 'rate';
  /** How it is computed, shown as the row's help text. */
  formula: string;
}

/** The report's figures in the order a reader follows them, each with its formula. */
const ROWS: Row[] = [
  { key: 'recipients', label: 'Recipients', kind: 'count', formula: 'Emails sent' },
  {
    key: 'delivered',
    label: 'Delivered',
    kind: 'count',
    formula: 'Recipients − hard bounces − soft bounces',
  },
  { key: 'opens', label: 'Opens', kind: 'count', formula: 'Every open, repeats included' },
  { key: 'uniqueOpens', label: 'Unique opens', kind: 'count', formula: 'People who opened' },
  { key: 'openRate', label: 'Open rate', kind: 'rate', formula: 'Unique opens ÷ delivered' },
  { key: 'clicks', label: 'Clicks', kind: 'count', formula: 'Every click, repeats included' },
  { key: 'uniqueClicks', label: 'Unique clicks', kind: 'count', formula: 'People who clicked' },
  {
    key: 'clickThroughRate',
    label: 'Click-through rate',
    kind: 'rate',
    formula: 'Unique clicks ÷ delivered',
  },
  {
    key: 'clickToOpenRate',
    label: 'Click-to-open rate',
    kind: 'rate',
    formula: 'Unique clicks ÷ unique opens',
  },
  { key: 'hardBounces', label: 'Hard bounces', kind: 'count', formula: 'Permanent failures' },
  { key: 'softBounces', label: 'Soft bounces', kind: 'count', formula: 'Temporary failures' },
  {
    key: 'bounceRate',
    label: 'Bounce rate',
    kind: 'rate',
    formula: '(Hard bounces + soft bounces) ÷ recipients',
  },
  { key: 'unsubscribes', label: 'Unsubscribes', kind: 'count', formula: 'People who left' },
  {
    key: 'unsubscribeRate',
    label: 'Unsubscribe rate',
    kind: 'rate',
    formula: 'Unsubscribes ÷ delivered',
  },
  {
    key: 'spamComplaints',
    label: 'Spam complaints',
    kind: 'count',
    formula: 'Reported as spam',
  },
];

/** The latest snapshot's metrics; each row states its formula. */
export const MetricsTable = ({ metrics }: { metrics: CampaignMetrics }) => {
  const t = useT();
  const format = useFormatters();
  return (
    <>
      <Typography variant="pi" textColor="neutral600" data-testid="metrics-help">
        {t(
          'campaigns.metrics.help',
          'Figures from the platform’s report, taken {when}. Each rate is computed as its row says; a rate is 0 when what it divides by is 0.',
          { when: format.when(metrics.takenAt) }
        )}
      </Typography>
      <Table colCount={3} rowCount={ROWS.length + 1} data-testid="metrics-table">
        <Thead>
          <Tr>
            <Th>
              <Typography variant="sigma">{t('campaigns.metrics.metric', 'Metric')}</Typography>
            </Th>
            <Th>
              <Typography variant="sigma">{t('campaigns.metrics.value', 'Value')}</Typography>
            </Th>
            <Th>
              <Typography variant="sigma">{t('campaigns.metrics.formula', 'Formula')}</Typography>
            </Th>
          </Tr>
        </Thead>
        <Tbody>
          {ROWS.map((row) => (
            <Tr key={row.key} data-testid={`metric-${row.key}`}>
              <Td>
                <Typography>{t(`campaigns.metric.${row.key}`, row.label)}</Typography>
              </Td>
              <Td>
                <Typography fontWeight="bold" data-testid="metric-value">
                  {row.kind === 'rate'
                    ? format.rate(metrics[row.key])
                    : format.count(metrics[row.key])}
                </Typography>
              </Td>
              <Td>
                <Typography variant="pi" textColor="neutral600">
                  {t(`campaigns.formula.${row.key}`, row.formula)}
                </Typography>
              </Td>
            </Tr>
          ))}
        </Tbody>
      </Table>
    </>
  );
};
