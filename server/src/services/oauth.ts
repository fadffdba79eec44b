import { randomBytes } from 'crypto';
import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { authorizeUrl, exchangeCode } from '../providers/mailchimp/oauth';
import type { ConnectionView } from '../types/connections';
import { getService } from '../utils/get-service';

const STATE_TTL_MS = 10 * 60_000;

interface StatePayload {
  /** the admin user who started the flow */
  u: number;
  /** nonce, single use */
  n: string;
  /** expiry, epoch ms */
  e: number;
}

/**
 * OAuth2 with Mailchimp: a signed, expiring, single-use `state` carries the admin user across
 * the redirect, because the browser's return to the callback brings no admin token.
 */
const oauth = ({ strapi }: { strapi: Core.Strapi }) => {
  const used = new Map<string, number>();
  const crypto = () => getService(strapi, 'crypto');
  const settings = () => getService(strapi, 'platformSettings').oauth();

  const sweep = () => {
    for (const [nonce, expiry] of used) if (expiry < Date.now()) used.delete(nonce);
  };

  const readState = (state: string): StatePayload => {
    const [body, signature] = state.split('.');
    if (!body || !signature || !crypto().verifySignature(body, signature))
      throw new errors.ForbiddenError(
        'The OAuth state is not ours (forged or damaged). Start again from Settings.'
      );
    const payload = JSON.parse(Buffer.from(body, 'base64url').toString('utf8')) as StatePayload;
    if (payload.e < Date.now())
      throw new errors.ForbiddenError('The OAuth state has expired. Start again from Settings.');
    sweep();
    if (used.has(payload.n))
      throw new errors.ForbiddenError(
        'This OAuth state was already used. Start again from Settings.'
      );
    used.set(payload.n, payload.e);
    return payload;
  };

  return {
    isAvailable: () => settings() !== null,

    start(adminUserId: number): { url: string } {
      const config = settings();
      if (!config)
        throw new errors.ApplicationError(
          'OAuth is not configured: set MAILCHIMP_CLIENT_ID and MAILCHIMP_CLIENT_SECRET, or use an API key.'
        );
      const payload: StatePayload = {
        u: adminUserId,
        n: randomBytes(12).toString('base64url'),
        e: Date.now() + STATE_TTL_MS,
      };
      const body = Buffer.from(JSON.stringify(payload)).toString('base64url');
      return { url: authorizeUrl(config, `${body}.${crypto().sign(body)}`) };
    },

    async callback({ code, state }: { code?: string; state?: string }): Promise<ConnectionView> {
      const config = settings();
      if (!config) throw new errors.ApplicationError('OAuth is not configured.');
      if (!state)
        throw new errors.ForbiddenError('The OAuth state is missing. Start again from Settings.');
      const payload = readState(state);
      if (!code)
        throw new errors.ValidationError(
          'Mailchimp did not send an authorization code (was access denied?).'
        );
      const { accessToken, metadata } = await exchangeCode(config, code);
      const user = await strapi.db.query('admin::user').findOne({ where: { id: payload.u } });
      return getService(strapi, 'connections').connectWithOAuth(
        'mailchimp',
        { kind: 'oauth', accessToken, apiEndpoint: metadata.api_endpoint },
        {
          type: 'admin',
          id: payload.u,
          name: user
            ? `${user.firstname ?? ''} ${user.lastname ?? ''}`.trim() || user.email
            : undefined,
        }
      );
    },
  };
};

export default oauth;
