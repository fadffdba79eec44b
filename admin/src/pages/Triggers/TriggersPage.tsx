import { Button, EmptyStateLayout, Flex } from '@strapi/design-system';
import { ArrowClockwise, Plus } from '@strapi/icons';
import { Layouts, Page, useNotification, useRBAC } from '@strapi/strapi/admin';
import { useEffect, useState } from 'react';
import { useSyncApi, type ProfileView } from '../../api/sync';
import {
  useTriggersApi,
  type PointRuleInput,
  type PointRuleView,
  type ThresholdInput,
  type ThresholdView,
} from '../../api/triggers';
import { PERMISSIONS } from '../../permissions';
import { readApiError } from '../../utils/apiError';
import { useT } from '../../utils/useT';
import { ContactPointsModal, type ContactTarget } from './components/ContactPointsModal';
import { Leaderboard } from './components/Leaderboard';
import { ProfileSelect } from './components/ProfileSelect';
import { RuleEditorModal } from './components/RuleEditorModal';
import { RulesTable } from './components/RulesTable';
import { ThresholdEditorModal } from './components/ThresholdEditorModal';
import { ThresholdsTable } from './components/ThresholdsTable';
import { TriggersSection } from './components/TriggersSection';
import { useTriggersData } from './useTriggersData';

const ruleInput = (rule: PointRuleView, paused: boolean): PointRuleInput => ({
  name: rule.name,
  profileId: rule.profileId,
  event: rule.event,
  points: rule.points,
  limit: rule.limit ?? null,
  paused,
});

const thresholdInput = (threshold: ThresholdView, paused: boolean): ThresholdInput => ({
  name: threshold.name,
  profileId: threshold.profileId,
  points: threshold.points,
  actions: threshold.actions,
  refireOnRecross: threshold.refireOnRecross,
  paused,
});

const Triggers = () => {
  const t = useT();
  const syncApi = useSyncApi();
  const api = useTriggersApi();
  const { toggleNotification } = useNotification();
  const { allowedActions } = useRBAC({ manage: PERMISSIONS.triggersManage });
  const canManage = Boolean(allowedActions.canManage);
  const [profiles, setProfiles] = useState<ProfileView[] | null | 'error'>(null);
  const [profileId, setProfileId] = useState<number | null>(null);
  const { state, reload, refreshLeaders } = useTriggersData(profileId);
  // undefined: the editor is closed; null: a new one.
  const [rule, setRule] = useState<PointRuleView | null | undefined>(undefined);
  const [threshold, setThreshold] = useState<ThresholdView | null | undefined>(undefined);
  const [contact, setContact] = useState<ContactTarget | null>(null);

  useEffect(() => {
    syncApi.profiles().then(
      (list) => {
        setProfiles(list);
        setProfileId((current) => current ?? list[0]?.id ?? null);
      },
      () => setProfiles('error')
    );
  }, [syncApi]);

  const run = async (action: () => Promise<unknown>, done: string) => {
    try {
      await action();
      toggleNotification({ type: 'success', message: done });
      await reload();
    } catch (error) {
      toggleNotification({ type: 'danger', message: readApiError(error).message });
    }
  };

  const waiting = state.status === 'loading' || (state.status === 'idle' && profileId !== null);
  if (profiles === null || waiting) return <Page.Loading />;
  if (profiles === 'error' || state.status === 'error') return <Page.Error />;

  const header = (
    <Layouts.Header
      title={t('triggers.title', 'Triggers')}
      subtitle={t(
        'triggers.subtitle',
        'Contacts earn points from what happens in Strapi and in campaigns; thresholds act on them.'
      )}
    />
  );
  if (profiles.length === 0 || profileId === null || state.status !== 'ready')
    return (
      <Layouts.Root>
        <Page.Title>{t('triggers.title', 'Triggers')}</Page.Title>
        {header}
        <Layouts.Content>
          <EmptyStateLayout
            content={t('triggers.noProfile', 'Map a content type first (Field mapping).')}
          />
        </Layouts.Content>
      </Layouts.Root>
    );

  const { rules, thresholds, options, leaders, segments } = state.data;
  const saved = (message: string) => () => {
    setRule(undefined);
    setThreshold(undefined);
    toggleNotification({ type: 'success', message });
    void reload();
  };

  return (
    <Layouts.Root>
      <Page.Title>{t('triggers.title', 'Triggers')}</Page.Title>
      {header}
      <Layouts.Content>
        <Flex direction="column" alignItems="stretch" gap={4}>
          <ProfileSelect profiles={profiles} value={profileId} onChange={setProfileId} />
          <TriggersSection
            title={t('triggers.rules.title', 'Point rules')}
            testId="rules"
            action={
              canManage ? (
                <Button startIcon={<Plus />} onClick={() => setRule(null)}>
                  {t('triggers.rules.new', 'New rule')}
                </Button>
              ) : undefined
            }
          >
            <RulesTable
              rules={rules}
              options={options}
              canManage={canManage}
              onEdit={setRule}
              onSetPaused={(r, paused) =>
                void run(
                  () => api.updateRule(r.id, ruleInput(r, paused)),
                  paused
                    ? t('triggers.rules.pausedDone', 'Rule paused')
                    : t('triggers.rules.resumedDone', 'Rule resumed')
                )
              }
              onDelete={(r) =>
                void run(() => api.removeRule(r.id), t('triggers.rules.deleted', 'Rule deleted'))
              }
            />
          </TriggersSection>
          <TriggersSection
            title={t('triggers.thresholds.title', 'Thresholds')}
            testId="thresholds"
            action={
              canManage ? (
                <Button startIcon={<Plus />} onClick={() => setThreshold(null)}>
                  {t('triggers.thresholds.new', 'New threshold')}
                </Button>
              ) : undefined
            }
          >
            <ThresholdsTable
              thresholds={thresholds}
              segments={segments}
              canManage={canManage}
              onEdit={setThreshold}
              onSetPaused={(th, paused) =>
                void run(
                  () => api.updateThreshold(th.id, thresholdInput(th, paused)),
                  paused
                    ? t('triggers.thresholds.pausedDone', 'Threshold paused')
                    : t('triggers.thresholds.resumedDone', 'Threshold resumed')
                )
              }
              onDelete={(th) =>
                void run(
                  () => api.removeThreshold(th.id),
                  t('triggers.thresholds.deleted', 'Threshold deleted')
                )
              }
            />
          </TriggersSection>
          <TriggersSection
            title={t('triggers.leaders.title', 'Leaderboard')}
            testId="leaderboard"
            action={
              canManage ? (
                <Button
                  variant="tertiary"
                  startIcon={<ArrowClockwise />}
                  onClick={() =>
                    void run(
                      () => api.recalculate(profileId),
                      t('triggers.recalculate.queued', 'Recalculation from history queued')
                    )
                  }
                >
                  {t('triggers.recalculateAll', 'Recalculate all from history')}
                </Button>
              ) : undefined
            }
          >
            <Leaderboard
              leaders={leaders}
              onOpen={(row) =>
                setContact({ profileId, documentId: row.documentId, email: row.email })
              }
            />
          </TriggersSection>
        </Flex>
      </Layouts.Content>
      <RuleEditorModal
        rule={rule}
        profileId={profileId}
        options={options}
        onClose={() => setRule(undefined)}
        onSaved={saved(t('triggers.rules.saved', 'Rule saved'))}
      />
      <ThresholdEditorModal
        threshold={threshold}
        profileId={profileId}
        segments={segments}
        onClose={() => setThreshold(undefined)}
        onSaved={saved(t('triggers.thresholds.saved', 'Threshold saved'))}
      />
      <ContactPointsModal
        target={contact}
        canManage={canManage}
        onClose={() => setContact(null)}
        onChanged={() => void refreshLeaders()}
      />
    </Layouts.Root>
  );
};

/** Point rules, thresholds and the leaderboard of one profile, for admins with `triggers.read`. */
const TriggersPage = () => (
  <Page.Protect permissions={PERMISSIONS.triggersRead}>
    <Triggers />
  </Page.Protect>
);

export { TriggersPage };
