import type { Core } from '@strapi/strapi';
import { PLUGIN_ID } from '../constants';
import { serverUrl } from '../services/platform-settings';
import { getService } from '../utils/get-service';
import type { Ctx } from './context';

const oauth = ({ strapi }: { strapi: Core.Strapi }) => ({
  /** Admin: the Mailchimp authorize URL with a fresh signed state. */
  start(ctx: Ctx) {
    ctx.body = { data: getService(strapi, 'oauth').start(ctx.state.user!.id) };
  },

  /** Public: Mailchimp redirects the admin's browser here; we answer with a redirect back to Settings. */
  async callback(ctx: Ctx) {
    const adminPath = String(strapi.config.get('admin.url', '/admin'));
    const settingsUrl = new URL(
      `${adminPath.replace(/\/+$/, '')}/settings/${PLUGIN_ID}/connections`,
      serverUrl(strapi)
    );
    try {
      const connection = await getService(strapi, 'oauth').callback({
        code: ctx.query.code,
        state: ctx.query.state,
      });
      settingsUrl.searchParams.set('oauth', 'connected');
      settingsUrl.searchParams.set('account', connection.accountName ?? '');
    } catch (error) {
      strapi.log.warn(`[email-marketing] OAuth callback refused: ${(error as Error).message}`);
      settingsUrl.searchParams.set('oauth', 'error');
      settingsUrl.searchParams.set('message', (error as Error).message);
    }
    ctx.redirect(settingsUrl.toString());
  },
});

export default oauth;
