import { Button, EmptyStateLayout, Flex, Typography } from '@strapi/design-system';
import { Eye } from '@strapi/icons';
import { useState } from 'react';
import { useSyncApi, type PreviewContact } from '../../../api/sync';
import { readApiError } from '../../../utils/apiError';
import { useT } from '../../../utils/useT';
import type { ProfileForm } from '../useProfileForm';
import { PreviewTable } from './PreviewTable';

/** "Preview": the unsaved form sent to the server, the first 5 contacts shown as they would go. */
export const PreviewSection = ({ profile }: { profile: ProfileForm }) => {
  const t = useT();
  const api = useSyncApi();
  const [contacts, setContacts] = useState<PreviewContact[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [loading, setLoading] = useState(false);

  const run = async () => {
    setLoading(true);
    setError(null);
    try {
      setContacts((await api.preview(profile.form)).slice(0, 5));
    } catch (err) {
      const info = readApiError(err);
      setContacts(null);
      setError(info.message);
      profile.setErrors(info.fields);
    } finally {
      setLoading(false);
    }
  };

  return (
    <Flex direction="column" alignItems="stretch" gap={4}>
      <Flex justifyContent="space-between" gap={4}>
        <Typography variant="pi" textColor="neutral600">
          {t('mapping.preview.hint', 'The first 5 contacts as they would be sent, before saving.')}
        </Typography>
        <Button
          variant="secondary"
          startIcon={<Eye />}
          loading={loading}
          disabled={!profile.form.sourceUid}
          onClick={() => void run()}
        >
          {t('mapping.preview', 'Preview')}
        </Button>
      </Flex>
      {error ? (
        <Typography textColor="danger600" role="alert" data-testid="preview-error">
          {error}
        </Typography>
      ) : null}
      {contacts && contacts.length === 0 ? (
        <EmptyStateLayout content={t('mapping.preview.empty', 'No entries to send yet.')} />
      ) : null}
      {contacts && contacts.length > 0 ? <PreviewTable contacts={contacts} /> : null}
    </Flex>
  );
};
