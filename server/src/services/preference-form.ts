import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { PLUGIN_ID } from '../constants';
import type { PreferenceFormConfig } from '../config';
import { defaultConfig } from '../config';
import { applyFormUnsubscribe } from '../preferences/form-unsubscribe';
import { FORM_SUBSCRIBE_JOB } from '../preferences/job-types';
import { FixedWindowLimiter } from '../preferences/rate-limit';
import {
  mintUnsubscribeToken,
  normaliseEmail,
  verifyUnsubscribeToken,
} from '../preferences/unsubscribe-token';
import { EMAIL_PATTERN } from '../sync/contact-payload';
import { emailHash } from '../sync/state-store';
import { getService } from '../utils/get-service';

/** The one answer to every well-formed sign-up: it says nothing about the address. */
export const SUBSCRIBE_ANSWER = {
  status: 'accepted',
  message: 'If this address can receive our emails, a confirmation email is on its way.',
} as const;

const TOKEN_REFUSED: Record<'malformed' | 'signature' | 'expired', string> = {
  malformed: 'The unsubscribe token is malformed: use the whole link from the email.',
  signature: 'The unsubscribe token is not valid: its signature does not match.',
  expired: 'The unsubscribe token has expired: use the link in a more recent email.',
};

/**
 * The site's own preference form (public routes): sign-up with double opt-in, unsubscribe by a
 * signed token, a per-IP rate limit, and `unsubscribeToken(email)` for the site's own code.
 */
const preferenceForm = ({ strapi }: { strapi: Core.Strapi }) => {
  const config = (): PreferenceFormConfig => ({
    ...defaultConfig.preferenceForm,
    ...(strapi.plugin(PLUGIN_ID).config('preferenceForm') as Partial<PreferenceFormConfig>),
  });
  let limiter: FixedWindowLimiter | null = null;
  const signer = () => getService(strapi, 'crypto');

  /** The profile a sign-up goes to: the one whose id is given, or the first enabled one. */
  const profileFor = async (requested: unknown) => {
    const enabled = (await getService(strapi, 'syncProfiles').listStored()).filter(
      (p) => p.enabled
    );
    if (requested === undefined || requested === null || requested === '') {
      if (enabled.length === 0)
        throw new errors.ValidationError('Sign-ups are closed: no sync profile is enabled.');
      return enabled[0];
    }
    // Ids only: a public route must not confirm which internal profile names exist.
    const match = enabled.find((p) => String(p.id) === String(requested).trim());
    if (!match)
      throw new errors.ValidationError(
        `"profile" names no enabled sync profile (give its id, or leave it out).`
      );
    return match;
  };

  return {
    /** Counts a request from `ip`: null when allowed, else the seconds to wait. */
    rateLimit(ip: string): number | null {
      const { max, windowSeconds } = config().rateLimit;
      limiter ??= new FixedWindowLimiter(max, windowSeconds * 1000);
      return limiter.hit(ip || 'unknown');
    },

    /**
     * An unsubscribe token for `email`, for the links in the site's own emails. Never expires
     * unless `preferenceForm.tokenTtlDays` (or `options.expiresInDays`) says so.
     */
    unsubscribeToken(email: string, options: { expiresInDays?: number } = {}): string {
      const days = options.expiresInDays ?? config().tokenTtlDays;
      const expiresAt = days > 0 ? new Date(Date.now() + days * 86_400_000) : null;
      return mintUnsubscribeToken(signer(), email, expiresAt);
    },

    /** Queues the sign-up; the same answer whatever the address (the job decides). */
    async subscribe(body: Record<string, unknown>) {
      const raw = body.email;
      if (typeof raw !== 'string' || raw.trim() === '')
        throw new errors.ValidationError('Give the email address to subscribe in "email".');
      const email = normaliseEmail(raw);
      if (email.length > 254 || !EMAIL_PATTERN.test(email))
        throw new errors.ValidationError(`"email" is not an email address.`);
      const profile = await profileFor(body.profile);
      // Ends with the address's hash like every job naming a person: erasure cancels it.
      await getService(strapi, 'jobs').enqueue(
        FORM_SUBSCRIBE_JOB,
        { profileId: profile.id, email },
        { dedupeKey: `form-subscribe:${profile.id}:${emailHash(email)}`, transaction: 'none' }
      );
      return SUBSCRIBE_ANSWER;
    },

    async unsubscribe(token: unknown) {
      if (typeof token !== 'string' || token.trim() === '')
        throw new errors.ValidationError('Give the unsubscribe token in "token".');
      const check = verifyUnsubscribeToken(signer(), token.trim());
      if (!check.ok) throw new errors.ValidationError(TOKEN_REFUSED[check.reason]);
      await applyFormUnsubscribe(strapi, check.email);
      return { status: 'unsubscribed' as const };
    },
  };
};

export default preferenceForm;
