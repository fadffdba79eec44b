import { Field, Grid, SingleSelect, SingleSelectOption } from '@strapi/design-system';
import { useEffect, useState } from 'react';
import { useCampaignsApi, type SegmentOption } from '../../../api/campaigns';
import { useConnectionLabel, type ConnectionView } from '../../../api/connections';
import { useConnectionAudiences } from '../../../api/useConnectionAudiences';
import { useT } from '../../../utils/useT';
import type { CampaignForm } from '../useCampaignForm';

/** SingleSelect values cannot be null: these stand for "the default" and "no segment". */
const DEFAULT = '__default__';
const WHOLE = '__whole__';

interface Props {
  campaign: CampaignForm;
  connections: ConnectionView[];
  disabled: boolean;
}

/** Which connection, audience and (optionally) plugin segment the campaign goes to. */
export const AudienceFields = ({ campaign, connections, disabled }: Props) => {
  const t = useT();
  const api = useCampaignsApi();
  const { form, errors, change } = campaign;
  const { live, defaultConnection, connection, audiences, loadError, loading } =
    useConnectionAudiences(connections, form.connectionId);
  const [segments, setSegments] = useState<SegmentOption[]>([]);

  // Segments need segments.read; without it the campaign goes to the whole audience.
  useEffect(() => {
    api.segments().then(setSegments, () => setSegments([]));
  }, [api]);

  // A new campaign starts on the connection's default audience.
  const fallbackAudience = connection?.defaultAudienceId ?? audiences[0]?.id;
  useEffect(() => {
    if (!disabled && !form.audienceId && fallbackAudience) change({ audienceId: fallbackAudience });
  }, [disabled, form.audienceId, fallbackAudience, change]);

  const label = useConnectionLabel();
  const audienceSegments = segments.filter((s) => s.audienceId === form.audienceId);

  return (
    <Grid.Root gap={4}>
      <Grid.Item col={4} s={12} direction="column" alignItems="stretch">
        <Field.Root name="connectionId" error={errors.connectionId}>
          <Field.Label>{t('campaigns.field.connection', 'Connection')}</Field.Label>
          <SingleSelect
            value={form.connectionId == null ? DEFAULT : String(form.connectionId)}
            disabled={disabled}
            onChange={(value: string | number) =>
              change({
                connectionId: value === DEFAULT ? null : Number(value),
                audienceId: '',
                segmentId: null,
              })
            }
          >
            <SingleSelectOption value={DEFAULT}>
              {defaultConnection
                ? t('mapping.connection.default', 'The default connection ({account})', {
                    account: label(defaultConnection),
                  })
                : t('mapping.connection.defaultNone', 'The default connection')}
            </SingleSelectOption>
            {live.map((c) => (
              <SingleSelectOption key={c.id} value={String(c.id)}>
                {label(c)}
              </SingleSelectOption>
            ))}
          </SingleSelect>
          <Field.Error />
        </Field.Root>
      </Grid.Item>
      <Grid.Item col={4} s={12} direction="column" alignItems="stretch">
        <Field.Root name="audienceId" error={errors.audienceId ?? loadError} required>
          <Field.Label>{t('campaigns.field.audience', 'Audience')}</Field.Label>
          <SingleSelect
            value={form.audienceId || undefined}
            placeholder={t('campaigns.field.audience.placeholder', 'Choose an audience')}
            disabled={disabled || !connection}
            loading={loading}
            onChange={(value: string | number) =>
              change({ audienceId: String(value), segmentId: null })
            }
          >
            {audiences.map((a) => (
              <SingleSelectOption key={a.id} value={a.id}>
                {a.name}
              </SingleSelectOption>
            ))}
          </SingleSelect>
          <Field.Error />
        </Field.Root>
      </Grid.Item>
      <Grid.Item col={4} s={12} direction="column" alignItems="stretch">
        <Field.Root
          name="segmentId"
          error={errors.segmentId}
          hint={t('campaigns.field.segment.hint', 'Only this segment’s members receive it.')}
        >
          <Field.Label>{t('campaigns.field.segment', 'Segment')}</Field.Label>
          <SingleSelect
            value={form.segmentId == null ? WHOLE : String(form.segmentId)}
            disabled={disabled}
            onChange={(value: string | number) =>
              change({ segmentId: value === WHOLE ? null : Number(value) })
            }
          >
            <SingleSelectOption value={WHOLE}>
              {t('campaigns.field.segment.none', 'The whole audience')}
            </SingleSelectOption>
            {audienceSegments.map((s) => (
              <SingleSelectOption key={s.id} value={String(s.id)}>
                {`${s.name} (${s.memberCount})`}
              </SingleSelectOption>
            ))}
          </SingleSelect>
          <Field.Error />
          <Field.Hint />
        </Field.Root>
      </Grid.Item>
    </Grid.Root>
  );
};
