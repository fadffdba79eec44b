import { EMAIL_PATTERN } from '../sync/contact-payload';

/** The token's version: a new scheme gets a new prefix, and old links are refused clearly. */
const VERSION = 'u1';

export interface TokenSigner {
  sign(value: string): string;
  /** Constant-time comparison of a signature with the expected one. */
  verifySignature(value: string, signature: string): boolean;
}

export type TokenCheck =
  | { ok: true; email: string }
  | { ok: false; reason: 'malformed' | 'signature' | 'expired' };

export const normaliseEmail = (email: string) => email.trim().toLowerCase();

/** What the signature covers: the purpose, the version, the address and the expiry. */
const signed = (email: string, expires: string) => `unsubscribe|${VERSION}|${email}|${expires}`;

/**
 * `u1.<address, base64url>.<expiry: unix seconds, or 0 for never>.<HMAC-SHA256, base64url>`.
 * The address is readable (the link is the person's own); only the key holder can mint one.
 */
export const mintUnsubscribeToken = (
  signer: TokenSigner,
  email: string,
  expiresAt: Date | null
): string => {
  const address = normaliseEmail(email);
  if (!EMAIL_PATTERN.test(address))
    throw new Error(`"${email}" is not an email address: no unsubscribe token minted.`);
  const expires = expiresAt ? String(Math.floor(expiresAt.getTime() / 1000)) : '0';
  return [
    VERSION,
    Buffer.from(address).toString('base64url'),
    expires,
    signer.sign(signed(address, expires)),
  ].join('.');
};

export const verifyUnsubscribeToken = (
  signer: TokenSigner,
  token: string,
  now = new Date()
): TokenCheck => {
  const parts = token.split('.');
  if (parts.length !== 4 || parts[0] !== VERSION || !/^\d+$/.test(parts[2]))
    return { ok: false, reason: 'malformed' };
  const email = Buffer.from(parts[1], 'base64url').toString('utf8');
  if (!EMAIL_PATTERN.test(email) || email !== normaliseEmail(email))
    return { ok: false, reason: 'malformed' };
  if (!signer.verifySignature(signed(email, parts[2]), parts[3]))
    return { ok: false, reason: 'signature' };
  const expires = Number(parts[2]);
  if (expires !== 0 && expires * 1000 < now.getTime()) return { ok: false, reason: 'expired' };
  return { ok: true, email };
};
