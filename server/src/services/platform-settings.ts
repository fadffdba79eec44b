import type { Core } from '@strapi/strapi';
import { PLUGIN_ID } from '../constants';
import type { MailchimpConfig } from '../config';
import type { ProviderSettings } from '../providers/types';

export interface OAuthSettings {
  clientId: string;
  clientSecret: string;
  baseUrl?: string;
  redirectUri: string;
}

/**
 * The public base URL of this Strapi server, for OAuth redirects, webhooks and the sender
 * fallback: `server.url` when absolute, else http://localhost:<server.port>. Never the socket's
 * address, which differs from what a browser or Mailchimp would reach.
 */
export const serverUrl = (strapi: Core.Strapi): string => {
  const configured = String(strapi.config.get('server.url') ?? '');
  if (/^https?:\/\//.test(configured)) return configured.replace(/\/+$/, '');
  return `http://localhost:${Number(strapi.config.get('server.port') ?? 1337)}`;
};

/**
 * Platform settings from the plugin config, with environment fallbacks so that the demo and
 * tests can point the plugin at the simulator without touching the app's config.
 */
const platformSettings = ({ strapi }: { strapi: Core.Strapi }) => {
  const mailchimpConfig = (): MailchimpConfig => strapi.plugin(PLUGIN_ID).config('mailchimp') ?? {};
  return {
    /** A platform's settings; the configured API root is Mailchimp's (other platforms read their own). */
    provider(name = 'mailchimp'): ProviderSettings {
      return {
        concurrency: strapi.plugin(PLUGIN_ID).config('concurrency') ?? 8,
        apiRoot:
          name === 'mailchimp'
            ? mailchimpConfig().apiRoot || process.env.MAILCHIMP_API_ROOT || undefined
            : undefined,
      };
    },
    /** OAuth is offered only when a client id and secret are configured. */
    oauth(): OAuthSettings | null {
      const config = mailchimpConfig();
      const clientId = config.oauth?.clientId || process.env.MAILCHIMP_CLIENT_ID;
      const clientSecret = config.oauth?.clientSecret || process.env.MAILCHIMP_CLIENT_SECRET;
      if (!clientId || !clientSecret) return null;
      return {
        clientId,
        clientSecret,
        baseUrl: config.oauth?.baseUrl || process.env.MAILCHIMP_OAUTH_BASE_URL || undefined,
        redirectUri: `${serverUrl(strapi)}/api/${PLUGIN_ID}/oauth/mailchimp/callback`,
      };
    },
  };
};

export default platformSettings;
