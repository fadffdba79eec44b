import { Badge, Flex, Typography } from '@strapi/design-system';
import { useIntl } from 'react-intl';
import type { ThresholdFiring } from '../../../api/triggers';
import { useT } from '../../../utils/useT';

/** Thresholds this contact crossed: when, what they did, and whether the firing still holds. */
export const FiringsList = ({ firings }: { firings: ThresholdFiring[] }) => {
  const t = useT();
  const { formatDate } = useIntl();
  if (firings.length === 0)
    return (
      <Typography variant="pi" textColor="neutral600">
        {t('triggers.firings.empty', 'No threshold reached yet.')}
      </Typography>
    );
  return (
    <Flex direction="column" alignItems="stretch" gap={2} data-testid="threshold-firings">
      {firings.map((firing) => (
        <Flex
          key={`${firing.thresholdId}-${firing.firedAt}`}
          direction="column"
          alignItems="flex-start"
          gap={0}
          data-testid="threshold-firing"
        >
          <Flex gap={2}>
            <Typography fontWeight="bold">{firing.thresholdName}</Typography>
            {firing.active ? null : (
              <Badge>{t('triggers.firings.reset', 'reset (points fell below)')}</Badge>
            )}
          </Flex>
          <Typography variant="pi" textColor="neutral600">
            {[
              formatDate(firing.firedAt, { dateStyle: 'medium', timeStyle: 'short' }),
              firing.actions.join(', '),
            ]
              .filter(Boolean)
              .join(' · ')}
          </Typography>
        </Flex>
      ))}
    </Flex>
  );
};
