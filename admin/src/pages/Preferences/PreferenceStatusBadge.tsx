import { Badge } from '@strapi/design-system';
import { useT } from '../../utils/useT';

const COLORS: Record<string, { backgroundColor: string; textColor: string }> = {
  subscribed: { backgroundColor: 'success100', textColor: 'success700' },
  pending: { backgroundColor: 'warning100', textColor: 'warning700' },
  unsubscribed: { backgroundColor: 'neutral150', textColor: 'neutral700' },
  cleaned: { backgroundColor: 'danger100', textColor: 'danger700' },
  forgotten: { backgroundColor: 'danger100', textColor: 'danger700' },
  transactional: { backgroundColor: 'neutral150', textColor: 'neutral700' },
  none: { backgroundColor: 'neutral150', textColor: 'neutral600' },
};

/** A person's consent status across platforms (the preference), coloured by what it means. */
export const PreferenceStatusBadge = ({ status }: { status: string | null }) => {
  const t = useT();
  const key = status ?? 'none';
  return (
    <Badge {...(COLORS[key] ?? COLORS.none)} data-testid="preference-status">
      {t(`preferences.status.${key}`, key)}
    </Badge>
  );
};
