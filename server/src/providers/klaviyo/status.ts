import type { ChangedMember } from '../types';
import type { EmailMarketing } from './types';

/** Suppressions that mean the address cannot receive mail (Mailchimp's "cleaned"). */
const CLEANED = new Set(['HARD_BOUNCE', 'INVALID_EMAIL', 'SPAM_COMPLAINT']);

/**
 * A profile's email-marketing state in the plugin's vocabulary, for one list:
 * - a bounce, invalid address or spam complaint → cleaned;
 * - unsubscribed (consent, an UNSUBSCRIBE/USER_SUPPRESSED suppression or this list's suppression) → unsubscribed;
 * - SUBSCRIBED → subscribed;
 * - NEVER_SUBSCRIBED → pending on a double opt-in list (the confirmation is awaited: Klaviyo
 *   has no pending consent value), transactional otherwise (known, no marketing consent).
 */
export const statusOf = (
  marketing: EmailMarketing | undefined,
  list: { id: string; doubleOptIn: boolean }
): string => {
  const suppressions = marketing?.suppression ?? [];
  if (suppressions.some((s) => CLEANED.has(s.reason))) return 'cleaned';
  if (
    marketing?.consent === 'UNSUBSCRIBED' ||
    suppressions.length > 0 ||
    (marketing?.list_suppressions ?? []).some((s) => s.list_id === list.id)
  )
    return 'unsubscribed';
  if (marketing?.consent === 'SUBSCRIBED') return 'subscribed';
  return list.doubleOptIn ? 'pending' : 'transactional';
};

/** Which suppression reasons a polled status stands for. */
export const REASONS: Record<ChangedMember['status'], string[]> = {
  unsubscribed: ['UNSUBSCRIBE', 'USER_SUPPRESSED'],
  cleaned: ['HARD_BOUNCE', 'INVALID_EMAIL', 'SPAM_COMPLAINT'],
};

/** Klaviyo's campaign statuses (SDK enum) → the plugin's. */
export const campaignStatusOf = (status: string) => {
  if (status === 'Draft' || status === 'Unknown') return 'draft' as const;
  if (status === 'Scheduled' || status === 'Preparing to schedule') return 'scheduled' as const;
  if (status === 'Sent' || status === 'Variations Sent') return 'sent' as const;
  if (status.startsWith('Cancelled')) return 'cancelled' as const;
  // Adding Recipients, Preparing to send, Queued without Recipients, Sending, Sending Segments.
  return 'sending' as const;
};
