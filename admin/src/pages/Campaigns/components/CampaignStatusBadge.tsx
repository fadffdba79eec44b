import { Badge } from '@strapi/design-system';
import type { CampaignStatus } from '../../../api/campaigns';
import { useT } from '../../../utils/useT';

const COLORS: Record<CampaignStatus, { backgroundColor: string; textColor: string }> = {
  draft: { backgroundColor: 'neutral150', textColor: 'neutral700' },
  scheduled: { backgroundColor: 'secondary100', textColor: 'secondary700' },
  sending: { backgroundColor: 'primary100', textColor: 'primary700' },
  sent: { backgroundColor: 'success100', textColor: 'success700' },
  paused: { backgroundColor: 'warning100', textColor: 'warning700' },
  cancelled: { backgroundColor: 'neutral150', textColor: 'neutral600' },
  error: { backgroundColor: 'danger100', textColor: 'danger700' },
};

const LABELS: Record<CampaignStatus, string> = {
  draft: 'Draft',
  scheduled: 'Scheduled',
  sending: 'Sending',
  sent: 'Sent',
  paused: 'Paused',
  cancelled: 'Cancelled',
  error: 'Error',
};

export const CampaignStatusBadge = ({ status }: { status: CampaignStatus }) => {
  const t = useT();
  return (
    <Badge {...COLORS[status]} data-testid="campaign-status">
      {t(`campaigns.status.${status}`, LABELS[status])}
    </Badge>
  );
};
