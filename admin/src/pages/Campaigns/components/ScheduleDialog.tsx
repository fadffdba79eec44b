import {
  Button,
  DatePicker,
  Field,
  Flex,
  Grid,
  Modal,
  TimePicker,
  Typography,
} from '@strapi/design-system';
import { Clock } from '@strapi/icons';
import { useState } from 'react';
import { useIntl } from 'react-intl';
import { readApiError } from '../../../utils/apiError';
import { useT } from '../../../utils/useT';
import {
  MIN_LEAD_MINUTES,
  atLocalTime,
  browserTimeZone,
  firstValidSlot,
  localTimeOf,
  scheduleProblem,
} from '../schedule';

const PROPOSAL_MARGIN_MS = 5 * 60 * 1000;

interface Props {
  disabled: boolean;
  /** The campaign's platform, by name ("Mailchimp"). */
  platform: string;
  onSchedule(scheduledAt: string): Promise<void>;
}

/**
 * Pick a day and a quarter hour in the browser's time zone; the dialog shows the UTC time
 * that will be stored, and the server's own message when it refuses.
 */
export const ScheduleDialog = ({ disabled, platform, onSchedule }: Props) => {
  const t = useT();
  const { formatDate } = useIntl();
  const zone = browserTimeZone();
  const [open, setOpen] = useState(false);
  const [day, setDay] = useState<Date | undefined>();
  const [time, setTime] = useState<string | undefined>();
  const [serverError, setServerError] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);

  const start = () => {
    // A few minutes of margin, so the proposed slot is still valid when the dialog is confirmed.
    const slot = firstValidSlot(new Date(Date.now() + PROPOSAL_MARGIN_MS));
    setDay(slot);
    setTime(localTimeOf(slot));
    setServerError(undefined);
  };

  const at = day && time ? atLocalTime(day, time) : null;
  const problem = at ? scheduleProblem(at, new Date()) : null;
  const problemText =
    problem === 'notQuarter'
      ? t('campaigns.schedule.notQuarter', 'Choose a quarter hour (:00, :15, :30 or :45).')
      : problem === 'tooSoon'
        ? t('campaigns.schedule.tooSoon', 'Choose a time at least {minutes} minutes from now.', {
            minutes: MIN_LEAD_MINUTES,
          })
        : undefined;

  // The check above is a hint: the server holds the rule and says why it refuses, with the
  // nearest valid times, so the button stays enabled and its message takes precedence.
  const submit = async () => {
    if (!at) return;
    setBusy(true);
    setServerError(undefined);
    try {
      await onSchedule(at.toISOString());
      setOpen(false);
    } catch (err) {
      setServerError(readApiError(err).message);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal.Root
      open={open}
      onOpenChange={(next: boolean) => {
        if (next) start();
        setOpen(next);
      }}
    >
      <Modal.Trigger>
        <Button variant="secondary" startIcon={<Clock />} disabled={disabled}>
          {t('campaigns.action.schedule', 'Schedule')}
        </Button>
      </Modal.Trigger>
      <Modal.Content>
        <Modal.Header>
          <Modal.Title>{t('campaigns.schedule.title', 'Schedule the send')}</Modal.Title>
        </Modal.Header>
        <Modal.Body>
          <Flex direction="column" alignItems="stretch" gap={4}>
            <Typography variant="pi" textColor="neutral600">
              {t(
                'campaigns.schedule.hint',
                'Times are in your time zone ({zone}). {platform} sends on quarter hours, at least {minutes} minutes ahead.',
                { zone, platform, minutes: MIN_LEAD_MINUTES }
              )}
            </Typography>
            <Grid.Root gap={4}>
              <Grid.Item col={6} direction="column" alignItems="stretch">
                <Field.Root name="scheduleDate">
                  <Field.Label>{t('campaigns.schedule.date', 'Date')}</Field.Label>
                  <DatePicker
                    value={day}
                    minDate={new Date()}
                    onChange={(value: Date | undefined) => {
                      setDay(value);
                      setServerError(undefined);
                    }}
                    onClear={() => setDay(undefined)}
                    clearLabel={t('campaigns.schedule.clear', 'Clear')}
                  />
                </Field.Root>
              </Grid.Item>
              <Grid.Item col={6} direction="column" alignItems="stretch">
                <Field.Root name="scheduleTime">
                  <Field.Label>{t('campaigns.schedule.time', 'Time')}</Field.Label>
                  <TimePicker
                    value={time}
                    step={15}
                    onChange={(value?: string) => {
                      setTime(value);
                      setServerError(undefined);
                    }}
                    clearLabel={t('campaigns.schedule.clear', 'Clear')}
                  />
                </Field.Root>
              </Grid.Item>
            </Grid.Root>
            {at ? (
              <Typography data-testid="schedule-utc">
                {t('campaigns.schedule.utc', 'Stored as {utc} (UTC)', {
                  utc: formatDate(at, {
                    year: 'numeric',
                    month: 'short',
                    day: 'numeric',
                    hour: '2-digit',
                    minute: '2-digit',
                    hourCycle: 'h23',
                    timeZone: 'UTC',
                  }),
                })}
              </Typography>
            ) : null}
            {serverError || problemText ? (
              <Typography textColor="danger600" data-testid="schedule-error">
                {serverError ?? problemText}
              </Typography>
            ) : null}
          </Flex>
        </Modal.Body>
        <Modal.Footer>
          <Modal.Close>
            <Button variant="tertiary">{t('settings.cancel', 'Cancel')}</Button>
          </Modal.Close>
          <Button loading={busy} disabled={!at} onClick={() => void submit()}>
            {t('campaigns.schedule.submit', 'Schedule')}
          </Button>
        </Modal.Footer>
      </Modal.Content>
    </Modal.Root>
  );
};
