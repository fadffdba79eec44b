import { Badge } from '@strapi/design-system';
import { useIntl } from 'react-intl';
import type { JobStatus } from '../../api/jobs';
import { getTranslation } from '../../utils/getTranslation';

const COLORS: Record<JobStatus, { backgroundColor: string; textColor: string }> = {
  queued: { backgroundColor: 'neutral150', textColor: 'neutral700' },
  running: { backgroundColor: 'primary100', textColor: 'primary700' },
  done: { backgroundColor: 'success100', textColor: 'success700' },
  failed: { backgroundColor: 'danger100', textColor: 'danger700' },
  dead: { backgroundColor: 'danger100', textColor: 'danger700' },
  cancelled: { backgroundColor: 'neutral150', textColor: 'neutral600' },
};

const JobStatusBadge = ({ status }: { status: JobStatus }) => {
  const { formatMessage } = useIntl();
  return (
    <Badge {...COLORS[status]} data-testid="job-status">
      {formatMessage({ id: getTranslation(`activity.status.${status}`), defaultMessage: status })}
    </Badge>
  );
};

export { JobStatusBadge };
