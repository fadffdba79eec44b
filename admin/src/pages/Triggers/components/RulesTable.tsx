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
import type { PointRuleView, TriggerEventOptions } from '../../../api/triggers';
import { ConfirmDialog } from '../../../components/ConfirmDialog';
import { useT } from '../../../utils/useT';
import { eventInWords, limitInWords, signed } from '../describe';

interface Props {
  rules: PointRuleView[];
  options: TriggerEventOptions | null;
  canManage: boolean;
  onEdit(rule: PointRuleView): void;
  onSetPaused(rule: PointRuleView, paused: boolean): void;
  onDelete(rule: PointRuleView): void;
}

/** Point rules: what earns points, how many, how often, and whether the rule is paused (why). */
export const RulesTable = ({ rules, options, canManage, onEdit, onSetPaused, onDelete }: Props) => {
  const t = useT();
  if (rules.length === 0)
    return <EmptyStateLayout content={t('triggers.rules.empty', 'No point rules yet.')} />;
  const heads = [
    t('triggers.rules.name', 'Name'),
    t('triggers.rules.event', 'When'),
    t('triggers.rules.points', 'Points'),
    t('triggers.rules.limit', 'Limit'),
    t('triggers.rules.awarded', 'Awarded'),
    t('triggers.rules.state', 'State'),
    t('triggers.rules.actions', 'Actions'),
  ];
  return (
    <Table colCount={heads.length} rowCount={rules.length + 1}>
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
        {rules.map((rule) => (
          <Tr key={rule.id} data-testid={`rule-${rule.id}`}>
            <Td>
              <Typography fontWeight="bold">{rule.name}</Typography>
            </Td>
            <Td>
              <Typography data-testid="rule-event">
                {eventInWords(t, rule.event, options)}
              </Typography>
            </Td>
            <Td>
              <Typography textColor={rule.points < 0 ? 'danger600' : 'success600'}>
                {signed(rule.points)}
              </Typography>
            </Td>
            <Td>
              <Typography variant="pi">{limitInWords(t, rule.limit)}</Typography>
            </Td>
            <Td>
              <Typography>{rule.awardedCount}</Typography>
            </Td>
            <Td>
              <Flex direction="column" alignItems="flex-start" gap={1}>
                {rule.paused ? (
                  <Badge backgroundColor="warning100" textColor="warning700">
                    {t('triggers.rules.paused', 'Paused')}
                  </Badge>
                ) : (
                  <Badge backgroundColor="success100" textColor="success700">
                    {t('triggers.rules.active', 'Active')}
                  </Badge>
                )}
                {rule.paused && rule.pausedReason ? (
                  <Typography variant="pi" textColor="danger600" data-testid="rule-paused-reason">
                    {rule.pausedReason}
                  </Typography>
                ) : null}
              </Flex>
            </Td>
            <Td>
              {canManage ? (
                <Flex gap={1}>
                  <IconButton
                    label={t('triggers.edit', 'Edit')}
                    variant="ghost"
                    onClick={() => onEdit(rule)}
                  >
                    <Pencil />
                  </IconButton>
                  <Button
                    size="S"
                    variant="secondary"
                    onClick={() => onSetPaused(rule, !rule.paused)}
                  >
                    {rule.paused ? t('triggers.resume', 'Resume') : t('triggers.pause', 'Pause')}
                  </Button>
                  <ConfirmDialog
                    trigger={
                      <IconButton label={t('triggers.delete', 'Delete')} variant="ghost">
                        <Trash />
                      </IconButton>
                    }
                    title={t('triggers.rules.delete.title', 'Delete this rule?')}
                    body={t(
                      'triggers.rules.delete.body',
                      'Points already awarded stay in the contacts’ history.'
                    )}
                    confirmLabel={t('triggers.delete', 'Delete')}
                    onConfirm={() => onDelete(rule)}
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
