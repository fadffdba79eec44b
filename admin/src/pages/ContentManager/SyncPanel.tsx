import type { PanelComponent, PanelComponentProps } from '@strapi/content-manager/strapi-admin';
import { useRBAC } from '@strapi/strapi/admin';
import { PERMISSIONS } from '../../permissions';
import { useT } from '../../utils/useT';
import { SyncStateList } from './SyncStateList';
import { useContactSyncState } from './useContactSyncState';

/**
 * The content manager's edit-view side panel "Email marketing": shown only on an entry whose
 * content type is mapped by at least one sync profile. A description component: hooks allowed.
 */
export const SyncPanel: PanelComponent = ({ model, documentId }: PanelComponentProps) => {
  const t = useT();
  const { states, syncNow } = useContactSyncState(model, documentId);
  const { allowedActions } = useRBAC({ manage: PERMISSIONS.mappingManage });
  if (!states || states.length === 0) return null;
  return {
    title: t('panel.title', 'Email marketing'),
    content: (
      <SyncStateList states={states} canSync={Boolean(allowedActions.canManage)} onSync={syncNow} />
    ),
  };
};
SyncPanel.displayName = 'EmailMarketingSyncPanel';
