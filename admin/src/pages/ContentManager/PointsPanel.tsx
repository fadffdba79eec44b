import type { PanelComponent, PanelComponentProps } from '@strapi/content-manager/strapi-admin';
import { useRBAC } from '@strapi/strapi/admin';
import { PERMISSIONS } from '../../permissions';
import { useT } from '../../utils/useT';
import { PointsSummary } from './PointsSummary';
import { usePointsByEntry } from './usePointsByEntry';

/**
 * The edit-view side panel "Points": the entry's points and latest history per profile that
 * watches its type. Hidden without `triggers.read` and on entries no profile watches.
 */
export const PointsPanel: PanelComponent = ({ model, documentId }: PanelComponentProps) => {
  const t = useT();
  const { allowedActions, isLoading } = useRBAC({ read: PERMISSIONS.triggersRead });
  const canRead = !isLoading && Boolean(allowedActions.canRead);
  const points = usePointsByEntry(model, documentId, canRead);
  if (!canRead || !points || points.length === 0) return null;
  return {
    title: t('panel.points.title', 'Points'),
    content: <PointsSummary points={points} />,
  };
};
PointsPanel.displayName = 'EmailMarketingPointsPanel';
