import {
  Badge,
  Button,
  EmptyStateLayout,
  Flex,
  IconButton,
  Table,
  Tbody,
  Td,
  Th,
  Thead,
  Tr,
  Typography,
} from '@strapi/design-system';
import { Pencil, Trash } from '@strapi/icons';
import type { SegmentOption, ThresholdView } from '../../../api/triggers';
import { ConfirmDialog } from '../../../components/ConfirmDialog';
import { useT } from '../../../utils/useT';
import { actionInWords } from '../describe';

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
  if (thresholds.length === 0)
    return <EmptyStateLayout content={t('triggers.thresholds.empty', 'No thresholds yet.')} />;
  const heads = [
    t('triggers.thresholds.name', 'Name'),
    t('triggers.thresholds.points', 'At points'),
    t('triggers.thresholds.do', 'Do'),
    t('triggers.thresholds.refire', 'Fires again on re-cross'),
    t('triggers.thresholds.fired', 'Fired'),
    t('triggers.rules.state', 'State'),
    t('triggers.rules.actions', 'Actions'),
  ];
  return (
    <Table colCount={heads.length} rowCount={thresholds.length + 1}>
      <Thead>
        <Tr>
          {heads.map((head) => (
            <Th key={head}>
              <Typography variant="sigma">{head}</Typography>
            </Th>
          ))}
        </Tr>
      </Thead>
      <Tbody>
        {thresholds.map((threshold) => (
          <Tr key={threshold.id} data-testid={`threshold-${threshold.id}`}>
            <Td>
              <Typography fontWeight="bold">{threshold.name}</Typography>
            </Td>
            <Td>
              <Typography>≥ {threshold.points}</Typography>
            </Td>
            <Td>
              <Flex direction="column" alignItems="flex-start" gap={1}>
                {threshold.actions.map((action, index) => (
                  <Typography key={index} variant="pi">
                    {actionInWords(t, action, segments)}
                  </Typography>
                ))}
              </Flex>
            </Td>
            <Td>
              <Typography variant="pi">
                {threshold.refireOnRecross ? t('triggers.yes', 'Yes') : t('triggers.no', 'No')}
              </Typography>
            </Td>
            <Td>
              <Typography data-testid="threshold-fired">{threshold.firedCount}</Typography>
            </Td>
            <Td>
              {threshold.paused ? (
                <Badge backgroundColor="warning100" textColor="warning700">
                  {t('triggers.rules.paused', 'Paused')}
                </Badge>
              ) : (
                <Badge backgroundColor="success100" textColor="success700">
                  {t('triggers.rules.active', 'Active')}
                </Badge>
              )}
            </Td>
            <Td>
              {canManage ? (
                <Flex gap={1}>
                  <IconButton
                    label={t('triggers.edit', 'Edit')}
                    variant="ghost"
                    onClick={() => onEdit(threshold)}
                  >
                    <Pencil />
                  </IconButton>
                  <Button
                    size="S"
                    variant="secondary"
                    onClick={() => onSetPaused(threshold, !threshold.paused)}
                  >
                    {threshold.paused
                      ? t('triggers.resume', 'Resume')
                      : t('triggers.pause', 'Pause')}
                  </Button>
                  <ConfirmDialog
                    trigger={
                      <IconButton label={t('triggers.delete', 'Delete')} variant="ghost">
                        <Trash />
                      </IconButton>
                    }
                    title={t('triggers.thresholds.delete.title', 'Delete this threshold?')}
                    body={t(
                      'triggers.thresholds.delete.body',
                      'Actions it already ran are not undone.'
                    )}
                    confirmLabel={t('triggers.delete', 'Delete')}
                    onConfirm={() => onDelete(threshold)}
                  />
                </Flex>
              ) : null}
            </Td>
          </Tr>
        ))}
      </Tbody>
    </Table>
  );
};
