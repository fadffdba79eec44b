import { Badge, Flex, Typography } from '@strapi/design-system';
import type { ContactPoints } from '../../api/triggers';
import { useT } from '../../utils/useT';
import { PointsHistory } from '../Triggers/components/PointsHistory';

/** How many of the latest history items the side panel shows; the Triggers page has all. */
const LAST_ITEMS = 5;

/** Per profile: the total, VIP, thresholds in force, and the latest history items. */
export const PointsSummary = ({ points }: { points: ContactPoints[] }) => {
  const t = useT();
  return (
    <Flex direction="column" alignItems="stretch" gap={4} data-testid="points-panel">
      {points.map((entry) => {
        const active = entry.firings.filter((f) => f.active);
        return (
          <Flex
            key={entry.profileId}
            direction="column"
            alignItems="stretch"
            gap={2}
            data-testid={`points-panel-profile-${entry.profileId}`}
          >
            <Flex gap={2} alignItems="baseline">
              <Typography variant="beta" data-testid="points-panel-total">
                {entry.points}
              </Typography>
              <Typography textColor="neutral600">
                {points.length > 1
                  ? t('panel.points.inProfile', 'points in profile {id}', { id: entry.profileId })
                  : t('triggers.points', 'points')}
              </Typography>
              {entry.vip ? (
                <Badge backgroundColor="secondary100" textColor="secondary700">
                  VIP
                </Badge>
              ) : null}
            </Flex>
            {active.length > 0 ? (
              <Typography variant="pi" data-testid="points-panel-firings">
                {t('panel.points.reached', 'Reached: {names}', {
                  names: active.map((f) => f.thresholdName).join(', '),
                })}
              </Typography>
            ) : null}
            <PointsHistory history={entry.history} limit={LAST_ITEMS} />
          </Flex>
        );
      })}
    </Flex>
  );
};
