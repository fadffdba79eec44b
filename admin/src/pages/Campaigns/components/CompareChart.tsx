import { Typography } from '@strapi/design-system';
import {
  Bar,
  BarChart,
  CartesianGrid,
  Legend,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import { useTheme } from 'styled-components';
import type { CampaignView } from '../../../api/campaigns';
import { useT } from '../../../utils/useT';
import { useFormatters } from './useFormatters';

/** Open and click-through rates of every sent campaign with a report, side by side. */
export const CompareChart = ({ campaigns }: { campaigns: CampaignView[] }) => {
  const t = useT();
  const theme = useTheme();
  const { rate } = useFormatters();
  const data = campaigns
    .filter((c) => c.metrics && (c.status === 'sent' || c.status === 'sending'))
    .map((c) => ({
      name: c.name,
      openRate: c.metrics!.openRate,
      clickThroughRate: c.metrics!.clickThroughRate,
    }))
    .reverse(); // oldest first, as a reader compares over time

  if (data.length === 0)
    return (
      <Typography variant="pi" textColor="neutral600">
        {t('campaigns.compare.empty', 'Sent campaigns with a report appear here.')}
      </Typography>
    );

  const openLabel = t('campaigns.metric.openRate', 'Open rate');
  const ctrLabel = t('campaigns.metric.clickThroughRate', 'Click-through rate');
  return (
    <div data-testid="compare-chart" style={{ width: '100%', height: 280 }}>
      <ResponsiveContainer width="100%" height="100%">
        <BarChart data={data} margin={{ top: 8, right: 16, bottom: 8, left: 8 }}>
          <CartesianGrid strokeDasharray="3 3" stroke={theme.colors.neutral200} />
          <XAxis dataKey="name" tick={{ fontSize: 12, fill: theme.colors.neutral600 }} />
          <YAxis
            tickFormatter={(value: number) => rate(value)}
            tick={{ fontSize: 12, fill: theme.colors.neutral600 }}
          />
          <Tooltip formatter={(value) => rate(Number(value))} />
          <Legend />
          <Bar
            dataKey="openRate"
            name={openLabel}
            fill={theme.colors.primary600}
            isAnimationActive={false}
          />
          <Bar
            dataKey="clickThroughRate"
            name={ctrLabel}
            fill={theme.colors.success500}
            isAnimationActive={false}
          />
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
};
