import { Box, Button, EmptyStateLayout, Flex, LinkButton } from '@strapi/design-system';
import { ArrowClockwise, Plus } from '@strapi/icons';
import { Layouts, Page, useNotification, useRBAC } from '@strapi/strapi/admin';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { useCampaignsApi } from '../../api/campaigns';
import { PERMISSIONS } from '../../permissions';
import { readApiError } from '../../utils/apiError';
import { useT } from '../../utils/useT';
import { Section } from '../Mapping/components/Section';
import { CampaignsTable } from './components/CampaignsTable';
import { CompareChart } from './components/CompareChart';
import { ImportDialog } from './components/ImportDialog';
import { useCampaigns } from './useCampaigns';

/** Refresh-all runs as a job; the list is read again once it has had time to finish. */
const RELOAD_AFTER_REFRESH_MS = 4000;

/** Every campaign with its status and key rates, a comparison chart, import and refresh. */
export const CampaignsListPage = () => {
  const t = useT();
  const api = useCampaignsApi();
  const navigate = useNavigate();
  const { toggleNotification } = useNotification();
  const { state, reload } = useCampaigns();
  const { allowedActions } = useRBAC({ manage: PERMISSIONS.campaignsManage });
  const canManage = Boolean(allowedActions.canManage);
  const [refreshing, setRefreshing] = useState(false);

  if (state.status === 'loading') return <Page.Loading />;
  if (state.status === 'error') return <Page.Error />;

  const refreshAll = async () => {
    setRefreshing(true);
    try {
      await api.refreshAll();
      toggleNotification({
        type: 'success',
        message: t('campaigns.refreshAll.started', 'Refreshing every campaign’s report…'),
      });
      setTimeout(() => {
        void reload().finally(() => setRefreshing(false));
      }, RELOAD_AFTER_REFRESH_MS);
    } catch (error) {
      toggleNotification({ type: 'danger', message: readApiError(error).message });
      setRefreshing(false);
    }
  };

  const newButton = canManage ? (
    <LinkButton tag={Link} to="new" startIcon={<Plus />}>
      {t('campaigns.new', 'New campaign')}
    </LinkButton>
  ) : undefined;

  return (
    <Layouts.Root>
      <Page.Title>{t('campaigns.title', 'Campaigns')}</Page.Title>
      <Layouts.Header
        title={t('campaigns.title', 'Campaigns')}
        subtitle={t(
          'campaigns.subtitle',
          'Compose from your content, test, send or schedule, and follow each campaign’s report.'
        )}
        primaryAction={newButton}
        secondaryAction={
          canManage ? (
            <Flex gap={2}>
              <Button
                variant="tertiary"
                startIcon={<ArrowClockwise />}
                loading={refreshing}
                onClick={() => void refreshAll()}
              >
                {t('campaigns.refreshAll', 'Refresh all')}
              </Button>
              <ImportDialog onImported={(c) => navigate(String(c.id))} />
            </Flex>
          ) : undefined
        }
      />
      <Layouts.Content>
        <Flex direction="column" alignItems="stretch" gap={4}>
          <Box background="neutral0" hasRadius shadow="tableShadow" padding={6}>
            {state.data.length === 0 ? (
              <EmptyStateLayout
                content={t('campaigns.empty', 'No campaign yet.')}
                action={newButton}
              />
            ) : (
              <CampaignsTable campaigns={state.data} />
            )}
          </Box>
          {state.data.length > 0 ? (
            <Section title={t('campaigns.compare.title', 'Compare sent campaigns')}>
              <CompareChart campaigns={state.data} />
            </Section>
          ) : null}
        </Flex>
      </Layouts.Content>
    </Layouts.Root>
  );
};
