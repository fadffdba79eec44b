import { Alert, Flex, Loader, Typography } from '@strapi/design-system';
import { useNotification } from '@strapi/strapi/admin';
import { useState } from 'react';
import { useSyncApi, type SourceAttribute, type SyncSource } from '../../../api/sync';
import { readApiError } from '../../../utils/apiError';
import { useT } from '../../../utils/useT';
import { suggestMergeName, suggestMergeTag, suggestMergeType } from '../suggestMergeField';
import { useAudienceMergeFields } from '../useAudienceMergeFields';
import type { ProfileForm } from '../useProfileForm';
import { MergeFieldsTable } from './MergeFieldsTable';

interface Props {
  profile: ProfileForm;
  source: SyncSource | undefined;
  disabled: boolean;
  canManage: boolean;
}

/** The audience's merge fields against the content type's attributes, with "create" per row. */
export const MergeFieldsSection = ({ profile, source, disabled, canManage }: Props) => {
  const t = useT();
  const api = useSyncApi();
  const { toggleNotification } = useNotification();
  const { form, errors, set } = profile;
  const audience = useAudienceMergeFields(form.connectionId, form.audienceId);
  const [creating, setCreating] = useState<string | null>(null);

  if (!source)
    return (
      <Typography textColor="neutral600">
        {t('mapping.merge.noSource', 'Choose a content type to map its attributes.')}
      </Typography>
    );

  const attributes = source.attributes.filter(
    (a) => a.name !== form.emailField && a.name !== form.consentField
  );

  const create = async (attribute: SourceAttribute) => {
    setCreating(attribute.name);
    try {
      const created = await api.createMergeField({
        connectionId: form.connectionId,
        audienceId: form.audienceId,
        name: suggestMergeName(attribute),
        tag: suggestMergeTag(attribute),
        type: suggestMergeType(attribute),
        ...(attribute.enum ? { options: { choices: attribute.enum } } : {}),
      });
      await audience.reload();
      profile.setForm((current) => ({
        ...current,
        mergeFields: [
          ...current.mergeFields.filter((m) => m.attribute !== attribute.name),
          { attribute: attribute.name, tag: created.tag },
        ],
      }));
      toggleNotification({
        type: 'success',
        message: t('mapping.merge.created', 'Merge field {tag} created', { tag: created.tag }),
      });
    } catch (error) {
      toggleNotification({ type: 'danger', message: readApiError(error).message });
    } finally {
      setCreating(null);
    }
  };

  return (
    <Flex direction="column" alignItems="stretch" gap={3}>
      {audience.error ? (
        <Alert
          variant="danger"
          closeLabel=""
          title={t('mapping.merge.loadFailed', 'Merge fields unavailable')}
        >
          {audience.error}
        </Alert>
      ) : null}
      {errors.mergeFields ? (
        <Typography textColor="danger600" role="alert">
          {errors.mergeFields}
        </Typography>
      ) : null}
      {audience.loading && audience.fields.length === 0 ? (
        <Loader small>{t('mapping.loading', 'Loading…')}</Loader>
      ) : (
        <MergeFieldsTable
          attributes={attributes}
          mergeFields={audience.fields}
          mappings={form.mergeFields}
          errors={errors}
          disabled={disabled}
          canCreate={canManage && !audience.error}
          creating={creating}
          onChange={(mappings) => set('mergeFields', mappings)}
          onCreate={(attribute) => void create(attribute)}
        />
      )}
    </Flex>
  );
};
