import { Flex, Typography } from '@strapi/design-system';
import type { SegmentOption, ThresholdView } from '../../../api/triggers';
import { DataTable } from '../../../components/DataTable';
import { useT } from '../../../utils/useT';
import { actionInWords } from '../describe';
import { RowControls, StateBadge } from './RowControls';

interface Props {
  thresholds: ThresholdView[];
  segments: SegmentOption[];
  canManage: boolean;
  onEdit(threshold: ThresholdView): void;
  onSetPaused(threshold: ThresholdView, paused: boolean): void;
  onDelete(threshold: ThresholdView): void;
}

/** Thresholds: at how many points which actions run, and whether re-crossing fires again. */
export const ThresholdsTable = ({
  thresholds,
  segments,
  canManage,
  onEdit,
  onSetPaused,
  onDelete,
}: Props) => {
  const t = useT();
  return (
    <DataTable
      rows={thresholds}
      empty={t('triggers.thresholds.empty', 'No thresholds yet.')}
      heads={[
        t('triggers.thresholds.name', 'Name'),
        t('triggers.thresholds.points', 'At points'),
        t('triggers.thresholds.do', 'Do'),
        t('triggers.thresholds.refire', 'Fires again on re-cross'),
        t('triggers.thresholds.fired', 'Fired'),
        t('triggers.rules.state', 'State'),
        t('triggers.rules.actions', 'Actions'),
      ]}
      rowKey={(threshold) => threshold.id}
      rowTestId={(threshold) => `threshold-${threshold.id}`}
      cells={(threshold) => [
        <Typography fontWeight="bold">{threshold.name}</Typography>,
        <Typography>≥ {threshold.points}</Typography>,
        <Flex direction="column" alignItems="flex-start" gap={1}>
          {threshold.actions.map((action, index) => (
            <Typography key={index} variant="pi">
              {actionInWords(t, action, segments)}
            </Typography>
          ))}
        </Flex>,
        <Typography variant="pi">
          {threshold.refireOnRecross ? t('triggers.yes', 'Yes') : t('triggers.no', 'No')}
        </Typography>,
        <Typography data-testid="threshold-fired">{threshold.firedCount}</Typography>,
        <StateBadge paused={threshold.paused} />,
        canManage ? (
          <RowControls
            paused={threshold.paused}
            onEdit={() => onEdit(threshold)}
            onSetPaused={(paused) => onSetPaused(threshold, paused)}
            deleteTitle={t('triggers.thresholds.delete.title', 'Delete this threshold?')}
            deleteBody={t(
              'triggers.thresholds.delete.body',
              'Actions it already ran are not undone.'
            )}
            onDelete={() => onDelete(threshold)}
          />
        ) : null,
      ]}
    />
  );
};
