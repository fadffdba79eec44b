import { Badge } from '@strapi/design-system';
import type { SegmentStatus } from '../../../api/segments';
import { useT } from '../../../utils/useT';

const COLORS: Record<SegmentStatus, { backgroundColor: string; textColor: string }> = {
  pending: { backgroundColor: 'neutral150', textColor: 'neutral700' },
  syncing: { backgroundColor: 'primary100', textColor: 'primary700' },
  synced: { backgroundColor: 'success100', textColor: 'success700' },
  error: { backgroundColor: 'danger100', textColor: 'danger700' },
};

const LABELS: Record<SegmentStatus, string> = {
  pending: 'Pending',
  syncing: 'Syncing',
  synced: 'Synced',
  error: 'Error',
};

/** Where a segment stands with the platform: pending → syncing → synced or error. */
export const SegmentStatusBadge = ({ status }: { status: SegmentStatus }) => {
  const t = useT();
  return (
    <Badge {...COLORS[status]} data-testid="segment-status">
      {t(`segments.status.${status}`, LABELS[status])}
    </Badge>
  );
};
