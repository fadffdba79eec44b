import { Button, Flex, Typography } from '@strapi/design-system';
import { ArrowClockwise, Check, Duplicate, Trash } from '@strapi/icons';
import { BackButton, Layouts, Page, useNotification, useRBAC } from '@strapi/strapi/admin';
import { useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { useSegmentsApi, type RemoteOnDelete, type SegmentView } from '../../api/segments';
import type { ProfileView } from '../../api/sync';
import { PERMISSIONS } from '../../permissions';
import { readApiError } from '../../utils/apiError';
import { useT } from '../../utils/useT';
import { Section } from '../Mapping/components/Section';
import { ConditionsSection } from './components/ConditionsSection';
import { DeleteSegmentDialog } from './components/DeleteSegmentDialog';
import { DetailsSection } from './components/DetailsSection';
import { PreviewSection } from './components/PreviewSection';
import { SegmentState } from './components/SegmentState';
import { useSegmentAttributes } from './useSegmentAttributes';
import { emptySegment, sameInput, toInput, useSegmentForm } from './useSegmentForm';
import { useSegmentPolling } from './useSegmentPolling';
import { useSegmentPreview } from './useSegmentPreview';

interface Props {
  id: number | null;
  segment: SegmentView | null;
  profiles: ProfileView[];
}

/** Create or edit a segment with a live count; once saved, its state and "Sync now". */
export const SegmentEditor = ({ id, segment: loaded, profiles }: Props) => {
  const t = useT();
  const api = useSegmentsApi();
  const navigate = useNavigate();
  const { toggleNotification } = useNotification();
  const { allowedActions } = useRBAC({ manage: PERMISSIONS.segmentsManage });
  const canManage = Boolean(allowedActions.canManage);
  const [initial] = useState(() => (loaded ? toInput(loaded) : emptySegment()));
  const segment = useSegmentForm(initial);
  const saved = useSegmentPolling(id, loaded);
  const attributes = useSegmentAttributes(segment.form.profileId);
  const attributeList = attributes.status === 'ready' ? attributes.data : [];
  const preview = useSegmentPreview(segment.form, attributeList);
  const [busy, setBusy] = useState<'save' | 'sync' | 'delete' | 'duplicate' | null>(null);
  const { form } = segment;
  const disabled = !canManage || busy !== null;
  const syncing = saved.requested || saved.segment?.status === 'syncing';
  // Sync sends what is saved: with unsaved edits the button would sync something else
  // (saving syncs them).
  const dirty = saved.segment !== null && !sameInput(form, toInput(saved.segment));
  // The preview's 400 names the condition at fault; the rows show it as their own error.
  const errors = {
    ...(preview.status === 'error' ? preview.error.fields : {}),
    ...segment.errors,
  };

  const fail = (error: unknown) => {
    const info = readApiError(error);
    segment.setErrors(info.fields);
    toggleNotification({ type: 'danger', message: info.message });
  };

  /** Runs one action with the buttons disabled; `done` false keeps them so (we navigate away). */
  const run = async (kind: NonNullable<typeof busy>, action: () => Promise<boolean | void>) => {
    setBusy(kind);
    let release = true;
    try {
      release = (await action()) !== false;
    } catch (error) {
      fail(error);
    } finally {
      if (release) setBusy(null);
    }
  };

  const save = () =>
    run('save', async () => {
      segment.setErrors({});
      if (id === null) {
        const created = await api.create(form);
        toggleNotification({ type: 'success', message: t('segments.saved', 'Saved') });
        navigate(`../${created.id}`, { replace: true });
        return false;
      }
      saved.setSegment(await api.update(id, form));
      // Saving enqueues a sync (the segment comes back pending): follow it.
      void saved.reload();
      toggleNotification({ type: 'success', message: t('segments.saved', 'Saved') });
      return true;
    });

  const syncNow = () =>
    run('sync', async () => {
      if (id === null) return;
      await api.syncNow(id);
      saved.watch();
    });

  const duplicate = () =>
    run('duplicate', async () => {
      if (id === null) return;
      const copy = await api.duplicate(id);
      toggleNotification({
        type: 'success',
        message: t('segments.duplicated', 'Created {name}', { name: copy.name }),
      });
      navigate(`../${copy.id}`);
      return false;
    });

  const remove = (remote: RemoteOnDelete) =>
    run('delete', async () => {
      if (id === null) return;
      const result = await api.remove(id, remote);
      toggleNotification({
        type: 'success',
        message: result.remoteRemoved
          ? t('segments.deleted.remote', 'Deleted, also on the platform')
          : t('segments.deleted', 'Deleted'),
      });
      navigate('..', { replace: true });
      return false;
    });

  const title = id === null ? t('segments.new', 'New segment') : form.name || initial.name;

  return (
    <Layouts.Root>
      <Page.Title>{title}</Page.Title>
      <Layouts.Header
        navigationAction={<BackButton fallback=".." />}
        title={title}
        subtitle={t(
          'segments.editor.subtitle',
          'Which contacts of a sync profile belong to this segment.'
        )}
        primaryAction={
          canManage ? (
            <Flex gap={2}>
              {id !== null ? (
                <>
                  <Button
                    variant="tertiary"
                    startIcon={<Duplicate />}
                    loading={busy === 'duplicate'}
                    disabled={busy !== null}
                    onClick={() => void duplicate()}
                  >
                    {t('segments.duplicate', 'Duplicate')}
                  </Button>
                  <Button
                    variant="secondary"
                    startIcon={<ArrowClockwise />}
                    loading={busy === 'sync'}
                    disabled={busy !== null || syncing || dirty}
                    onClick={() => void syncNow()}
                  >
                    {t('segments.syncNow', 'Sync now')}
                  </Button>
                </>
              ) : null}
              <Button
                startIcon={<Check />}
                loading={busy === 'save'}
                disabled={busy !== null}
                onClick={() => void save()}
              >
                {t('segments.save', 'Save')}
              </Button>
            </Flex>
          ) : undefined
        }
      />
      <Layouts.Content>
        <Flex direction="column" alignItems="stretch" gap={4}>
          {saved.segment ? (
            <Section title={t('segments.state', 'On the platform')} testId="segment-state-section">
              <SegmentState segment={saved.segment} requested={saved.requested} />
              {dirty && canManage ? (
                <Typography variant="pi" textColor="neutral600">
                  {t('segments.dirty', 'Unsaved changes: saving them syncs the segment.')}
                </Typography>
              ) : null}
            </Section>
          ) : null}
          <Section title={t('segments.section.details', 'Segment')}>
            <DetailsSection segment={segment} profiles={profiles} disabled={disabled} />
          </Section>
          <Section title={t('segments.section.filters', 'Filters')} testId="segment-filters">
            <ConditionsSection
              segment={segment}
              attributes={attributeList}
              attributesLoaded={attributes.status === 'ready'}
              attributesError={attributes.status === 'error' ? attributes.message : null}
              errors={errors}
              disabled={disabled}
            />
          </Section>
          <Section title={t('segments.section.preview', 'Who matches')} testId="segment-preview">
            <PreviewSection state={preview} />
          </Section>
          {canManage && id !== null ? (
            <Flex justifyContent="flex-end">
              <DeleteSegmentDialog
                name={form.name || initial.name}
                disabled={busy !== null}
                onConfirm={(remote) => void remove(remote)}
                trigger={
                  <Button variant="danger-light" startIcon={<Trash />} disabled={busy !== null}>
                    {t('segments.delete', 'Delete')}
                  </Button>
                }
              />
            </Flex>
          ) : null}
        </Flex>
      </Layouts.Content>
    </Layouts.Root>
  );
};
