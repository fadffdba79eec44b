/** A Mailchimp API key: 32 hex characters, a dash, and the data center (`us1`, `us21`, …). */
export interface ParsedApiKey {
  key: string;
  dc: string;
}

export type ApiKeyCheck = { ok: true; value: ParsedApiKey } | { ok: false; reason: string };

/**
 * Checks the key's shape before any network call and says which part is wrong, so a pasted
 * key with a missing suffix or a lost character gets a precise message.
 */
export const parseApiKey = (input: string): ApiKeyCheck => {
  const key = input.trim();
  if (key === '') return { ok: false, reason: 'The API key is empty.' };
  const dash = key.lastIndexOf('-');
  if (dash === -1 || !/^us\d+$/.test(key.slice(dash + 1))) {
    return {
      ok: false,
      reason:
        'The API key must end with its data center, like "-us6" (copy the whole key from Mailchimp: Account › Extras › API keys).',
    };
  }
  const secret = key.slice(0, dash);
  if (!/^[0-9a-f]*$/i.test(secret)) {
    return {
      ok: false,
      reason:
        'The part before the data center must contain only hexadecimal characters (0-9, a-f).',
    };
  }
  if (secret.length !== 32) {
    return {
      ok: false,
      reason: `The part before the data center must be 32 characters long; this one has ${secret.length}.`,
    };
  }
  return { ok: true, value: { key, dc: key.slice(dash + 1) } };
};
