import { Field, Grid, SingleSelect, SingleSelectOption } from '@strapi/design-system';
import { useConnectionLabel, type ConnectionView } from '../../../api/connections';
import { useConnectionAudiences } from '../../../api/useConnectionAudiences';
import { useT } from '../../../utils/useT';
import type { ProfileForm } from '../useProfileForm';

/** SingleSelect values cannot be null: this one stands for "the default". */
const DEFAULT = '__default__';

interface Props {
  profile: ProfileForm;
  connections: ConnectionView[];
  disabled: boolean;
}

/** Which connection and audience the contacts go to; null means "the default". */
export const AudienceSection = ({ profile, connections, disabled }: Props) => {
  const t = useT();
  const { form, errors, change } = profile;
  const { live, defaultConnection, connection, audiences, loadError, loading } =
    useConnectionAudiences(connections, form.connectionId);

  const label = useConnectionLabel();
  const defaultAudience = audiences.find((a) => a.id === connection?.defaultAudienceId);

  return (
    <Grid.Root gap={4}>
      <Grid.Item col={6} s={12} direction="column" alignItems="stretch">
        <Field.Root
          name="connectionId"
          error={errors.connectionId}
          hint={
            live.length === 0
              ? t('mapping.connection.none', 'Connect Mailchimp in Settings first.')
              : undefined
          }
        >
          <Field.Label>{t('mapping.connection', 'Connection')}</Field.Label>
          <SingleSelect
            data-testid="mapping-connection"
            value={form.connectionId === null ? DEFAULT : String(form.connectionId)}
            disabled={disabled}
            onChange={(value: string | number) =>
              change({
                connectionId: value === DEFAULT ? null : Number(value),
                audienceId: null,
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
          <Field.Hint />
        </Field.Root>
      </Grid.Item>
      <Grid.Item col={6} s={12} direction="column" alignItems="stretch">
        <Field.Root name="audienceId" error={errors.audienceId ?? loadError}>
          <Field.Label>{t('mapping.audience', 'Audience')}</Field.Label>
          <SingleSelect
            data-testid="mapping-audience"
            value={form.audienceId ?? DEFAULT}
            disabled={disabled || !connection}
            loading={loading}
            onChange={(value: string | number) =>
              change({ audienceId: value === DEFAULT ? null : String(value) })
            }
          >
            <SingleSelectOption value={DEFAULT}>
              {defaultAudience
                ? t('mapping.audience.default', 'The connection’s default ({audience})', {
                    audience: defaultAudience.name,
                  })
                : t('mapping.audience.defaultNone', 'The connection’s default audience')}
            </SingleSelectOption>
            {audiences.map((a) => (
              <SingleSelectOption key={a.id} value={a.id}>
                {a.name}
              </SingleSelectOption>
            ))}
          </SingleSelect>
          <Field.Error />
        </Field.Root>
      </Grid.Item>
    </Grid.Root>
  );
};
