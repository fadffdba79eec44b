import { Badge } from '@strapi/design-system';
import { useT } from '../../../utils/useT';

const COLORS: Record<string, { backgroundColor: string; textColor: string }> = {
  subscribed: { backgroundColor: 'success100', textColor: 'success700' },
  pending: { backgroundColor: 'warning100', textColor: 'warning700' },
  transactional: { backgroundColor: 'neutral150', textColor: 'neutral700' },
  unsubscribed: { backgroundColor: 'neutral150', textColor: 'neutral700' },
  cleaned: { backgroundColor: 'danger100', textColor: 'danger700' },
  archived: { backgroundColor: 'neutral150', textColor: 'neutral600' },
  skipped: { backgroundColor: 'neutral150', textColor: 'neutral600' },
};

/** A member's status on the platform (or in a preview), coloured by what it means. */
export const ContactStatusBadge = ({ status }: { status: string | null }) => {
  const t = useT();
  const key = status ?? 'none';
  return (
    <Badge {...(COLORS[key] ?? COLORS.skipped)} data-testid="contact-status">
      {t(`mapping.status.${key}`, status ?? 'Not on the platform')}
    </Badge>
  );
};
