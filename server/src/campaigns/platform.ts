import type { ProviderName } from '../providers/types';

const LABELS: Record<ProviderName, string> = {
  mailchimp: 'Mailchimp',
  klaviyo: 'Klaviyo',
  resend: 'Resend',
};

/** The platform's name as people know it, for messages. */
export const platformLabel = (name: ProviderName | string) => LABELS[name as ProviderName] ?? name;

export const goneMessage = (name: ProviderName | string) =>
  `This campaign no longer exists on ${platformLabel(name)} (deleted there?). Its last metrics are kept; delete it here, or import the campaign again if it was moved.`;
