import { Badge, Flex, Typography } from '@strapi/design-system';
import { useIntl } from 'react-intl';
import type { PointHistoryItem } from '../../../api/triggers';
import { useT } from '../../../utils/useT';
import { signed } from '../describe';

interface Props {
  history: PointHistoryItem[];
  /** Only the newest ones (the side panel); all when absent. */
  limit?: number;
}

/** The newest first: delta, the running total, the cause in words, the rule and the time. */
export const PointsHistory = ({ history, limit }: Props) => {
  const t = useT();
  const { formatDate } = useIntl();
  const items = [...history].sort((a, b) => b.at.localeCompare(a.at)).slice(0, limit);
  if (items.length === 0)
    return (
      <Typography variant="pi" textColor="neutral600">
        {t('triggers.history.empty', 'No points yet.')}
      </Typography>
    );
  return (
    <Flex tag="ol" direction="column" alignItems="stretch" gap={2} data-testid="points-history">
      {items.map((item) => (
        <Flex
          key={item.id}
          tag="li"
          direction="column"
          alignItems="flex-start"
          gap={0}
          data-testid="points-history-item"
        >
          <Flex gap={2}>
            <Badge
              backgroundColor={item.delta < 0 ? 'danger100' : 'success100'}
              textColor={item.delta < 0 ? 'danger700' : 'success700'}
            >
              {signed(item.delta)}
            </Badge>
            <Typography variant="omega">{item.cause}</Typography>
          </Flex>
          <Typography variant="pi" textColor="neutral600">
            {[
              t('triggers.history.total', 'total {total}', { total: item.total }),
              item.ruleName,
              formatDate(item.at, { dateStyle: 'medium', timeStyle: 'short' }),
            ]
              .filter(Boolean)
              .join(' · ')}
          </Typography>
        </Flex>
      ))}
    </Flex>
  );
};
