import type { CredentialCheck } from '../types';

/**
 * A Klaviyo private API key: `pk_` and then letters and digits (34 of them in keys issued
 * today). The 6-character public key (site id) only works for the client-side API.
 */
export const checkKlaviyoKey = (input: string): CredentialCheck => {
  const key = input.trim();
  if (key === '') return { ok: false, reason: 'The API key is empty.' };
  if (/^[A-Za-z0-9]{6}$/.test(key))
    return {
      ok: false,
      reason:
        'This is a public API key (site id). Create a private API key in Klaviyo (Settings › API keys); it starts with "pk_".',
    };
  if (!key.startsWith('pk_'))
    return {
      ok: false,
      reason:
        'A Klaviyo private API key starts with "pk_" (Settings › API keys › Create Private API Key).',
    };
  const secret = key.slice(3);
  if (!/^[A-Za-z0-9]+$/.test(secret))
    return {
      ok: false,
      reason: 'After "pk_" the key has only letters and digits; this one has other characters.',
    };
  if (secret.length < 20)
    return {
      ok: false,
      reason: `After "pk_" the key is much longer (34 characters); this one has ${secret.length}. Copy the whole key.`,
    };
  return { ok: true };
};
