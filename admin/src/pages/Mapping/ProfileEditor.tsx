import { Button, Flex, Typography } from '@strapi/design-system';
import { ArrowClockwise, Check } from '@strapi/icons';
import { BackButton, Layouts, Page, useNotification, useRBAC } from '@strapi/strapi/admin';
import { useState } from 'react';
import { useNavigate } from 'react-router-dom';
import type { ConnectionView } from '../../api/connections';
import { useSyncApi, type ProfileInput, type SyncSource } from '../../api/sync';
import { PERMISSIONS } from '../../permissions';
import { readApiError } from '../../utils/apiError';
import { useT } from '../../utils/useT';
import { AudienceSection } from './components/AudienceSection';
import { ConsentSection } from './components/ConsentSection';
import { DeleteProfileDialog } from './components/DeleteProfileDialog';
import { DeliverySection } from './components/DeliverySection';
import { MergeFieldsSection } from './components/MergeFieldsSection';
import { PreviewSection } from './components/PreviewSection';
import { ProfileStats } from './components/ProfileStats';
import { Section } from './components/Section';
import { SourceSection } from './components/SourceSection';
import { SyncProgress } from './components/SyncProgress';
import { useProfileForm } from './useProfileForm';
import { useProfilePolling } from './useProfilePolling';

interface Props {
  id: number | null;
  initial: ProfileInput;
  sources: SyncSource[];
  connections: ConnectionView[];
}

/** Create or edit one sync profile; once saved, its state and "Sync now" with progress. */
export const ProfileEditor = ({ id, initial, sources, connections }: Props) => {
  const t = useT();
  const api = useSyncApi();
  const navigate = useNavigate();
  const { toggleNotification } = useNotification();
  const { allowedActions } = useRBAC({ manage: PERMISSIONS.mappingManage });
  const canManage = Boolean(allowedActions.canManage);
  const profile = useProfileForm(initial);
  const saved = useProfilePolling(id);
  const [busy, setBusy] = useState<'save' | 'sync' | 'delete' | null>(null);
  const { form } = profile;
  const source = sources.find((s) => s.uid === form.sourceUid);
  const disabled = !canManage || busy !== null;
  const running = saved.profile?.runningJob ?? null;

  const fail = (error: unknown) => {
    const info = readApiError(error);
    profile.setErrors(info.fields);
    toggleNotification({ type: 'danger', message: info.message });
  };

  const save = async () => {
    setBusy('save');
    profile.setErrors({});
    try {
      if (id === null) {
        const created = await api.create(form);
        toggleNotification({ type: 'success', message: t('mapping.saved', 'Saved') });
        navigate(`../${created.id}`, { replace: true });
      } else {
        saved.setProfile(await api.update(id, form));
        toggleNotification({ type: 'success', message: t('mapping.saved', 'Saved') });
      }
    } catch (error) {
      fail(error);
    } finally {
      setBusy(null);
    }
  };

  const syncNow = async () => {
    if (id === null) return;
    setBusy('sync');
    try {
      await api.syncNow(id);
      saved.watch();
    } catch (error) {
      fail(error);
    } finally {
      setBusy(null);
    }
  };

  const remove = async () => {
    if (id === null) return;
    setBusy('delete');
    try {
      await api.remove(id);
      toggleNotification({ type: 'success', message: t('mapping.deleted', 'Deleted') });
      navigate('..', { replace: true });
    } catch (error) {
      fail(error);
      setBusy(null);
    }
  };

  const title = id === null ? t('mapping.new', 'New mapping') : form.name || initial.name;

  return (
    <Layouts.Root>
      <Page.Title>{title}</Page.Title>
      <Layouts.Header
        navigationAction={<BackButton fallback=".." />}
        title={title}
        subtitle={t(
          'mapping.editor.subtitle',
          'Which entries become contacts, where they go and what they carry.'
        )}
        primaryAction={
          canManage ? (
            <Flex gap={2}>
              {id !== null ? (
                <Button
                  variant="secondary"
                  startIcon={<ArrowClockwise />}
                  loading={busy === 'sync'}
                  disabled={busy !== null || running !== null}
                  onClick={() => void syncNow()}
                >
                  {t('mapping.syncNow', 'Sync now')}
                </Button>
              ) : null}
              <Button
                startIcon={<Check />}
                loading={busy === 'save'}
                disabled={busy !== null}
                onClick={() => void save()}
              >
                {t('mapping.save', 'Save')}
              </Button>
            </Flex>
          ) : undefined
        }
      />
      <Layouts.Content>
        <Flex direction="column" alignItems="stretch" gap={4}>
          {saved.profile ? (
            <Section title={t('mapping.state', 'Sync state')} testId="sync-state">
              <ProfileStats profile={saved.profile} />
              {running ? <SyncProgress job={running} /> : null}
            </Section>
          ) : null}
          <Section title={t('mapping.section.source', 'Source')}>
            <SourceSection
              profile={profile}
              sources={sources}
              source={source}
              disabled={disabled}
            />
          </Section>
          <Section title={t('mapping.section.audience', 'Audience')}>
            <AudienceSection profile={profile} connections={connections} disabled={disabled} />
          </Section>
          <Section title={t('mapping.section.consent', 'Consent')}>
            <ConsentSection profile={profile} source={source} disabled={disabled} />
          </Section>
          <Section title={t('mapping.section.mergeFields', 'Merge fields')}>
            <MergeFieldsSection
              profile={profile}
              source={source}
              disabled={disabled}
              canManage={canManage}
            />
          </Section>
          <Section title={t('mapping.section.delivery', 'Tags and delivery')}>
            <DeliverySection profile={profile} source={source} disabled={disabled} />
          </Section>
          <Section title={t('mapping.section.preview', 'Preview')} testId="preview">
            <PreviewSection profile={profile} />
          </Section>
          {canManage && id !== null ? (
            <Flex justifyContent="space-between">
              <Typography variant="pi" textColor="neutral600">
                {t('mapping.delete.hint', 'Deleting stops the sync; members stay on the platform.')}
              </Typography>
              <DeleteProfileDialog
                name={form.name}
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
