import { Flex, Typography } from '@strapi/design-system';
import { useIntl } from 'react-intl';
import type { ProfileView } from '../../../api/sync';
import { useT } from '../../../utils/useT';

/** Counts by remote status, errors, and when the last full sync finished. */
export const ProfileStats = ({ profile }: { profile: ProfileView }) => {
  const t = useT();
  const { formatNumber, formatDate } = useIntl();
  const { stats } = profile;
  return (
    <Flex direction="column" alignItems="flex-start" gap={1} data-testid="profile-stats">
      <Typography variant="pi">
        {t(
          'mapping.stats',
          '{synced} of {contacts} synced · {subscribed} subscribed · {pending} pending · {unsubscribed} unsubscribed · {cleaned} cleaned · {errors} errors',
          {
            synced: formatNumber(stats.synced),
            contacts: formatNumber(stats.contacts),
            subscribed: formatNumber(stats.subscribed),
            pending: formatNumber(stats.pending),
            unsubscribed: formatNumber(stats.unsubscribed),
            cleaned: formatNumber(stats.cleaned),
            errors: formatNumber(stats.errors),
          }
        )}
      </Typography>
      <Typography variant="pi" textColor="neutral600" data-testid="last-full-sync">
        {profile.lastFullSyncAt
          ? t('mapping.lastFullSync', 'Last full sync {when}', {
              when: formatDate(profile.lastFullSyncAt, { dateStyle: 'medium', timeStyle: 'short' }),
            })
          : t('mapping.lastFullSync.never', 'Never fully synced')}
      </Typography>
    </Flex>
  );
};
