import { Flex, ProgressBar, Typography } from '@strapi/design-system';
import { useIntl } from 'react-intl';
import type { JobView } from '../../api/jobs';
import { getTranslation } from '../../utils/getTranslation';

const formatEta = (seconds: number): string => {
  if (seconds < 60) return `${Math.ceil(seconds)} s`;
  if (seconds < 3600) return `${Math.floor(seconds / 60)} min ${Math.ceil(seconds % 60)} s`;
  return `${Math.floor(seconds / 3600)} h ${Math.floor((seconds % 3600) / 60)} min`;
};

/** done/total as a bar, with the rate and the time left at that rate (also used by Mapping). */
const JobProgress = ({
  job,
}: {
  job: Pick<JobView, 'id' | 'status' | 'progress'> & { type?: string };
}) => {
  const { formatMessage, formatNumber } = useIntl();
  const { progress } = job;
  if (!progress) return null;
  const percent =
    progress.total && progress.total > 0
      ? Math.min(100, Math.round((progress.done / progress.total) * 100))
      : null;
  const details = [
    progress.total !== null
      ? `${formatNumber(progress.done)} / ${formatNumber(progress.total)}`
      : formatNumber(progress.done),
    progress.ratePerSecond !== null
      ? formatMessage(
          { id: getTranslation('activity.progress.rate'), defaultMessage: '{rate}/s' },
          { rate: formatNumber(progress.ratePerSecond, { maximumFractionDigits: 1 }) }
        )
      : null,
    progress.etaSeconds !== null && job.status === 'running'
      ? formatMessage(
          { id: getTranslation('activity.progress.eta'), defaultMessage: 'ETA {eta}' },
          { eta: formatEta(progress.etaSeconds) }
        )
      : null,
  ].filter(Boolean);

  return (
    <Flex direction="column" alignItems="stretch" gap={1} data-testid={`job-progress-${job.id}`}>
      {percent !== null ? (
        // The design system's ProgressBar draws `value` but does not hand it to the Radix
        // root, so the accessible value is set here (screen readers and the browser test).
        <ProgressBar
          value={percent}
          aria-valuenow={percent}
          aria-valuetext={`${percent}%`}
          aria-label={job.type ?? 'progress'}
        />
      ) : null}
      <Typography variant="pi" textColor="neutral600" data-testid="job-progress-text">
        {details.join(' · ')}
      </Typography>
    </Flex>
  );
};

export { JobProgress };
