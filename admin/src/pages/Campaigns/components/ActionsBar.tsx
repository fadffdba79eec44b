import { Button, Flex } from '@strapi/design-system';
import { Check, Cross } from '@strapi/icons';
import { ConfirmDialog } from '../../../components/ConfirmDialog';
import type { CampaignView } from '../../../api/campaigns';
import { useT } from '../../../utils/useT';
import { ScheduleDialog } from './ScheduleDialog';
import { SendNowDialog } from './SendNowDialog';
import { SendTestDialog } from './SendTestDialog';

export type Busy = 'save' | 'test' | 'send' | 'schedule' | 'unschedule' | 'cancel' | null;

interface Props {
  saved: CampaignView | null;
  name: string;
  canManage: boolean;
  canSend: boolean;
  busy: Busy;
  onSave(): void;
  onTest(emails: string[]): Promise<number>;
  onSend(): void;
  onSchedule(scheduledAt: string): Promise<void>;
  onUnschedule(): void;
  onCancel(): void;
}

/** What can be done with the campaign in its status; actions the admin lacks are not shown. */
export const ActionsBar = (props: Props) => {
  const t = useT();
  const { saved, canManage, canSend, busy } = props;
  const status = saved?.status ?? 'draft';
  const platform = saved?.platform ?? t('campaigns.platform.unknown', 'the platform');
  const idle = busy === null;
  return (
    <Flex gap={2} wrap="wrap" justifyContent="flex-end">
      {canManage && saved && (status === 'draft' || status === 'scheduled') ? (
        <SendTestDialog disabled={!idle} onSend={props.onTest} />
      ) : null}
      {canSend && saved && status === 'draft' ? (
        <ScheduleDialog disabled={!idle} platform={platform} onSchedule={props.onSchedule} />
      ) : null}
      {canSend && saved && status === 'scheduled' ? (
        <Button
          variant="secondary"
          startIcon={<Cross />}
          loading={busy === 'unschedule'}
          disabled={!idle}
          onClick={props.onUnschedule}
        >
          {t('campaigns.action.unschedule', 'Unschedule')}
        </Button>
      ) : null}
      {canSend && saved && status === 'sending' ? (
        <ConfirmDialog
          trigger={
            <Button variant="danger-light" startIcon={<Cross />} loading={busy === 'cancel'}>
              {t('campaigns.action.cancel', 'Cancel sending')}
            </Button>
          }
          disabled={!idle}
          title={t('campaigns.cancel.title', 'Cancel this send?')}
          body={t(
            'campaigns.cancel.body',
            '{platform} stops sending; people who already received it keep it.',
            { platform }
          )}
          confirmLabel={t('campaigns.action.cancel', 'Cancel sending')}
          onConfirm={props.onCancel}
        />
      ) : null}
      {canSend && saved && status === 'draft' ? (
        <SendNowDialog
          name={props.name}
          recipientCount={saved.recipientCount}
          disabled={!idle}
          onConfirm={props.onSend}
        />
      ) : null}
      {canManage && status === 'draft' ? (
        <Button
          variant={saved ? 'secondary' : 'default'}
          startIcon={<Check />}
          loading={busy === 'save'}
          disabled={!idle}
          onClick={props.onSave}
        >
          {t('campaigns.action.save', 'Save draft')}
        </Button>
      ) : null}
    </Flex>
  );
};
