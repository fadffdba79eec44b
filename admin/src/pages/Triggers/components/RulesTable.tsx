import { Flex, Typography } from '@strapi/design-system';
import type { PointRuleView, TriggerEventOptions } from '../../../api/triggers';
import { DataTable } from '../../../components/DataTable';
import { useT } from '../../../utils/useT';
import { eventInWords, limitInWords, signed } from '../describe';
import { RowControls, StateBadge } from './RowControls';

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
  return (
    <DataTable
      rows={rules}
      empty={t('triggers.rules.empty', 'No point rules yet.')}
      heads={[
        t('triggers.rules.name', 'Name'),
        t('triggers.rules.event', 'When'),
        t('triggers.rules.points', 'Points'),
        t('triggers.rules.limit', 'Limit'),
        t('triggers.rules.awarded', 'Awarded'),
        t('triggers.rules.state', 'State'),
        t('triggers.rules.actions', 'Actions'),
      ]}
      rowKey={(rule) => rule.id}
      rowTestId={(rule) => `rule-${rule.id}`}
      cells={(rule) => [
        <Typography fontWeight="bold">{rule.name}</Typography>,
        <Typography data-testid="rule-event">{eventInWords(t, rule.event, options)}</Typography>,
        <Typography textColor={rule.points < 0 ? 'danger600' : 'success600'}>
          {signed(rule.points)}
        </Typography>,
        <Typography variant="pi">{limitInWords(t, rule.limit)}</Typography>,
        <Typography>{rule.awardedCount}</Typography>,
        <Flex direction="column" alignItems="flex-start" gap={1}>
          <StateBadge paused={rule.paused} />
          {rule.paused && rule.pausedReason ? (
            <Typography variant="pi" textColor="danger600" data-testid="rule-paused-reason">
              {rule.pausedReason}
            </Typography>
          ) : null}
        </Flex>,
        canManage ? (
          <RowControls
            paused={rule.paused}
            onEdit={() => onEdit(rule)}
            onSetPaused={(paused) => onSetPaused(rule, paused)}
            deleteTitle={t('triggers.rules.delete.title', 'Delete this rule?')}
            deleteBody={t(
              'triggers.rules.delete.body',
              'Points already awarded stay in the contacts’ history.'
            )}
            onDelete={() => onDelete(rule)}
          />
        ) : null,
      ]}
    />
  );
};
