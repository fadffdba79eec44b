import { Button, Flex, Typography } from '@strapi/design-system';
import { ArrowClockwise } from '@strapi/icons';
import type { CampaignDetail } from '../../../api/campaigns';
import { useT } from '../../../utils/useT';
import { Section } from '../../Mapping/components/Section';
import { EngagementChart } from './EngagementChart';
import { MetricsTable } from './MetricsTable';

interface Props {
  campaign: CampaignDetail;
  refreshing: boolean;
  /** Absent without campaigns.manage: the button is hidden (the route would answer 403). */
  onRefresh?: () => void;
}

/** The latest report, its formulas, and opens/clicks over time; Refresh asks the platform now. */
export const ReportSection = ({ campaign, refreshing, onRefresh }: Props) => {
  const t = useT();
  return (
    <Section title={t('campaigns.report.title', 'Report')} testId="campaign-report">
      <Flex justifyContent="space-between" gap={4}>
        <Typography variant="pi" textColor="neutral600">
          {t(
            'campaigns.report.hint',
            'Reports are refreshed daily at 07:30 UTC, every 6 hours until a campaign is final, and when you ask.'
          )}
        </Typography>
        {onRefresh ? (
          <Button
            variant="secondary"
            startIcon={<ArrowClockwise />}
            loading={refreshing}
            disabled={!campaign.remoteId}
            onClick={onRefresh}
          >
            {t('campaigns.action.refresh', 'Refresh')}
          </Button>
        ) : null}
      </Flex>
      {campaign.metrics ? (
        <MetricsTable metrics={campaign.metrics} />
      ) : (
        <Typography variant="pi" textColor="neutral600">
          {t('campaigns.report.none', 'No report yet.')}
        </Typography>
      )}
      <EngagementChart campaign={campaign} />
    </Section>
  );
};
