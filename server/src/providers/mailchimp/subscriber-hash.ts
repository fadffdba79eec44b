import { createHash } from 'crypto';

/** Mailchimp's member id: MD5 of the lower-cased, trimmed address. */
export const subscriberHash = (email: string) =>
  createHash('md5').update(email.trim().toLowerCase()).digest('hex');
