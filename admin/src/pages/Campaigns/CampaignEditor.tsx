import { Alert, Flex, Typography } from '@strapi/design-system';
import { BackButton, Layouts, Page, useNotification, useRBAC } from '@strapi/strapi/admin';
import { useCallback, useEffect, useState } from 'react';
import { useNavigate } from 'react-router-dom';
import {
  useCampaignsApi,
  type CampaignDetail,
  type CampaignInput,
  type EntrySource,
} from '../../api/campaigns';
import type { ConnectionView } from '../../api/connections';
import { PERMISSIONS } from '../../permissions';
import { readApiError } from '../../utils/apiError';
import { useT } from '../../utils/useT';
import { Section } from '../Mapping/components/Section';
import { ActionsBar, type Busy } from './components/ActionsBar';
import { AudienceFields } from './components/AudienceFields';
import { CampaignStatusBadge } from './components/CampaignStatusBadge';
import { ContentFields } from './components/ContentFields';
import { DeleteCampaignDialog } from './components/DeleteCampaignDialog';
import { MessageFields } from './components/MessageFields';
import { PreviewFrame } from './components/PreviewFrame';
import { ReportSection } from './components/ReportSection';
import { useFormatters } from './components/useFormatters';
import { toInput, toPayload, useCampaignForm } from './useCampaignForm';

interface Props {
  initialDetail: CampaignDetail | null;
  initial: CampaignInput;
  connections: ConnectionView[];
  sources: EntrySource[];
}

/** While the platform is sending, ask it again this often. */
const SENDING_REFRESH_MS = 10000;

/** Compose a campaign, act on it (test, send, schedule…), and follow its report. */
export const CampaignEditor = ({ initialDetail, initial, connections, sources }: Props) => {
  const t = useT();
  const api = useCampaignsApi();
  const navigate = useNavigate();
  const format = useFormatters();
  const { toggleNotification } = useNotification();
  const { allowedActions } = useRBAC({
    manage: PERMISSIONS.campaignsManage,
    send: PERMISSIONS.campaignsSend,
  });
  const canManage = Boolean(allowedActions.canManage);
  const canSend = Boolean(allowedActions.canSend);
  const campaign = useCampaignForm(initial);
  const [detail, setDetail] = useState<CampaignDetail | null>(initialDetail);
  const [busy, setBusy] = useState<Busy>(null);
  const [refreshing, setRefreshing] = useState(false);
  const id = detail?.id ?? null;
  const status = detail?.status ?? 'draft';
  const editable = canManage && status === 'draft' && busy === null;
  const platformName = detail?.platform ?? t('campaigns.platform.unknown', 'the platform');

  const fail = (error: unknown) => {
    const info = readApiError(error);
    campaign.setErrors(info.fields);
    toggleNotification({ type: 'danger', message: info.message });
  };
  const ok = (message: string) => toggleNotification({ type: 'success', message });

  const reload = useCallback(
    async (campaignId: number) => {
      setDetail(await api.detail(campaignId));
    },
    [api]
  );

  /** Saves the form (create or update) and returns the campaign's id. */
  const persist = async (): Promise<number> => {
    const payload = toPayload(campaign.form);
    if (id === null) {
      const created = await api.create(payload);
      campaign.reset(toInput(created));
      navigate(`../${created.id}`, { replace: true });
      return created.id;
    }
    if (campaign.dirty) {
      await api.update(id, payload);
      campaign.reset(campaign.form);
    }
    return id;
  };

  /** Runs one action: saves a changed draft first, then reloads the campaign. */
  const run = async (
    kind: Exclude<Busy, null>,
    action: (campaignId: number) => Promise<string>
  ) => {
    setBusy(kind);
    campaign.setErrors({});
    try {
      const campaignId = status === 'draft' && canManage ? await persist() : id!;
      const message = await action(campaignId);
      await reload(campaignId);
      ok(message);
    } catch (error) {
      fail(error);
      throw error;
    } finally {
      setBusy(null);
    }
  };
  const fire = (kind: Exclude<Busy, null>, action: (campaignId: number) => Promise<string>) => {
    run(kind, action).catch(() => undefined); // fail() has told the user
  };

  const refresh = useCallback(async () => {
    if (id === null) return;
    setRefreshing(true);
    try {
      // Asking the platform is a manager's action; others reload what the scheduled refresh stored.
      setDetail(await (canManage ? api.refresh(id) : api.detail(id)));
    } catch (error) {
      toggleNotification({ type: 'danger', message: readApiError(error).message });
    } finally {
      setRefreshing(false);
    }
  }, [api, id, canManage, toggleNotification]);

  useEffect(() => {
    if (status !== 'sending') return;
    const timer = setInterval(() => void refresh(), SENDING_REFRESH_MS);
    return () => clearInterval(timer);
  }, [status, refresh]);

  const remove = async () => {
    if (id === null) return;
    setBusy('save');
    try {
      await api.remove(id);
      ok(t('campaigns.deleted', 'Campaign deleted'));
      navigate('..', { replace: true });
    } catch (error) {
      fail(error);
      setBusy(null);
    }
  };

  const title =
    id === null ? t('campaigns.new', 'New campaign') : campaign.form.name || initial.name;
  const when = detail?.sentAt
    ? t('campaigns.list.sentAt', 'Sent {when}', { when: format.when(detail.sentAt) })
    : detail?.scheduledAt
      ? t('campaigns.list.scheduledAt', 'Scheduled {when}', {
          when: format.when(detail.scheduledAt),
        })
      : null;

  return (
    <Layouts.Root>
      <Page.Title>{title}</Page.Title>
      <Layouts.Header
        navigationAction={<BackButton fallback=".." />}
        title={title}
        subtitle={
          <Flex gap={2} data-testid="campaign-header">
            <CampaignStatusBadge status={status} />
            {when ? (
              <Typography variant="pi" textColor="neutral600" data-testid="campaign-when">
                {when}
              </Typography>
            ) : null}
          </Flex>
        }
        primaryAction={
          <ActionsBar
            saved={detail}
            name={campaign.form.name}
            canManage={canManage}
            canSend={canSend}
            busy={busy}
            onSave={() => fire('save', async () => t('campaigns.saved', 'Draft saved'))}
            onTest={async (emails) => {
              let sent = 0;
              await run('test', async (campaignId) => {
                sent = (await api.sendTest(campaignId, emails)).sent;
                return t('campaigns.test.sent', 'Test sent to {count} addresses', { count: sent });
              });
              return sent;
            }}
            onSend={() =>
              fire('send', async (campaignId) => {
                await api.send(campaignId);
                return t('campaigns.sent', 'Sending started');
              })
            }
            onSchedule={(scheduledAt) =>
              run('schedule', async (campaignId) => {
                await api.schedule(campaignId, scheduledAt);
                return t('campaigns.scheduled', 'Campaign scheduled');
              })
            }
            onUnschedule={() =>
              fire('unschedule', async (campaignId) => {
                await api.unschedule(campaignId);
                return t('campaigns.unscheduled', 'Back to draft');
              })
            }
            onCancel={() =>
              fire('cancel', async (campaignId) => {
                await api.cancel(campaignId);
                return t('campaigns.cancelled', 'Sending cancelled');
              })
            }
          />
        }
      />
      <Layouts.Content>
        <Flex direction="column" alignItems="stretch" gap={4}>
          {detail?.lastError ? (
            <Alert
              variant="danger"
              closeLabel={t('campaigns.close', 'Close')}
              title={t('campaigns.lastError', 'Platform error')}
              data-testid="campaign-last-error"
            >
              {detail.lastError}
            </Alert>
          ) : null}
          {detail && (status !== 'draft' || detail.metrics) ? (
            <ReportSection
              campaign={detail}
              refreshing={refreshing}
              onRefresh={canManage ? () => void refresh() : undefined}
            />
          ) : null}
          <Section title={t('campaigns.section.audience', 'Audience')}>
            <AudienceFields campaign={campaign} connections={connections} disabled={!editable} />
          </Section>
          <Section title={t('campaigns.section.message', 'Message')}>
            <MessageFields campaign={campaign} disabled={!editable} />
          </Section>
          <Section title={t('campaigns.section.content', 'Content')}>
            <ContentFields campaign={campaign} sources={sources} disabled={!editable} />
          </Section>
          <Section title={t('campaigns.section.preview', 'Preview')} testId="preview">
            <PreviewFrame form={campaign.form} />
          </Section>
          {canManage && detail && (status === 'draft' || status === 'error') ? (
            <Flex justifyContent="space-between">
              <Typography variant="pi" textColor="neutral600">
                {t('campaigns.delete.hint', 'Deleting a draft also removes it from {platform}.', {
                  platform: platformName,
                })}
              </Typography>
              <DeleteCampaignDialog
                name={campaign.form.name}
                platform={platformName}
                disabled={busy !== null}
                onConfirm={() => void remove()}
              />
            </Flex>
          ) : null}
        </Flex>
      </Layouts.Content>
    </Layouts.Root>
  );
};
