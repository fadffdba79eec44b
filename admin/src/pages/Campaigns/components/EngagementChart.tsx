import { Typography } from '@strapi/design-system';
import {
  CartesianGrid,
  Legend,
  Line,
  LineChart,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import { useTheme } from 'styled-components';
import { useIntl } from 'react-intl';
import type { CampaignDetail } from '../../../api/campaigns';
import { useT } from '../../../utils/useT';
import { browserTimeZone } from '../schedule';

interface Point {
  at: number;
  uniqueOpens: number;
  uniqueClicks: number;
}

/**
 * Opens and clicks over time. Two sources, drawn apart because they count different things:
 * the stored snapshots (totals at each refresh) and the platform's hourly breakdown.
 */
export const EngagementChart = ({ campaign }: { campaign: CampaignDetail }) => {
  const t = useT();
  const { formatDate } = useIntl();
  const snapshots: Point[] = campaign.snapshots.map((s) => ({
    at: Date.parse(s.takenAt),
    uniqueOpens: s.uniqueOpens,
    uniqueClicks: s.uniqueClicks,
  }));
  const hourly: Point[] = (campaign.timeseries ?? []).map((p) => ({
    at: Date.parse(p.at),
    uniqueOpens: p.uniqueOpens,
    uniqueClicks: p.uniqueClicks,
  }));
  // Refreshes minutes apart would all read the same minute: show seconds on short spans.
  const times = [...snapshots, ...hourly].map((p) => p.at);
  const short = Math.max(...times) - Math.min(...times) < 3_600_000;
  const tick = (at: number) =>
    formatDate(at, {
      month: 'short',
      day: 'numeric',
      hour: '2-digit',
      minute: '2-digit',
      ...(short ? { second: '2-digit' } : {}),
      timeZone: browserTimeZone(),
    });

  if (snapshots.length === 0 && hourly.length === 0)
    return (
      <Typography variant="pi" textColor="neutral600">
        {t('campaigns.chart.empty', 'No report yet: refresh once the campaign is sent.')}
      </Typography>
    );

  return (
    <>
      {snapshots.length > 0 ? (
        <TimeChart
          testId="snapshots-chart"
          title={t('campaigns.chart.snapshots', 'Totals at each refresh')}
          data={snapshots}
          tick={tick}
        />
      ) : null}
      {hourly.length > 0 ? (
        <TimeChart
          testId="hourly-chart"
          title={t('campaigns.chart.hourly', 'Per hour after the send (platform)')}
          data={hourly}
          tick={tick}
        />
      ) : null}
    </>
  );
};

const TimeChart = ({
  testId,
  title,
  data,
  tick,
}: {
  testId: string;
  title: string;
  data: Point[];
  tick(at: number): string;
}) => {
  const t = useT();
  const theme = useTheme();
  return (
    <div data-testid={testId}>
      <Typography variant="omega" fontWeight="bold" tag="h3">
        {title}
      </Typography>
      <div style={{ width: '100%', height: 260 }}>
        <ResponsiveContainer width="100%" height="100%">
          <LineChart data={data} margin={{ top: 8, right: 16, bottom: 8, left: 8 }}>
            <CartesianGrid strokeDasharray="3 3" stroke={theme.colors.neutral200} />
            <XAxis
              dataKey="at"
              type="number"
              scale="time"
              domain={['dataMin', 'dataMax']}
              tickFormatter={tick}
              tick={{ fontSize: 12, fill: theme.colors.neutral600 }}
            />
            <YAxis allowDecimals={false} tick={{ fontSize: 12, fill: theme.colors.neutral600 }} />
            <Tooltip labelFormatter={(at) => tick(Number(at))} />
            <Legend />
            <Line
              type="monotone"
              dataKey="uniqueOpens"
              name={t('campaigns.metric.uniqueOpens', 'Unique opens')}
              stroke={theme.colors.primary600}
              isAnimationActive={false}
            />
            <Line
              type="monotone"
              dataKey="uniqueClicks"
              name={t('campaigns.metric.uniqueClicks', 'Unique clicks')}
              stroke={theme.colors.success500}
              isAnimationActive={false}
            />
          </LineChart>
        </ResponsiveContainer>
      </div>
    </div>
  );
};
