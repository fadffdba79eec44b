import type {
  EmailMarketingProvider,
  ProviderCredentials,
  ProviderFactory,
  ProviderSettings,
} from '../types';
import { isPlatformError } from '../errors';
import { parseApiKey } from './api-key';
import { DEFAULT_API_ROOT, MailchimpClient } from './client';
import { mailchimpError } from './errors';

/** The root without a data center (https://api.mailchimp.com/3.0): it finds the account by key. */
export const dataCenterFreeRoot = (apiRoot: string) =>
  apiRoot.replace('{dc}.', '').replace('/{dc}', '');

/**
 * After a 401, asks the data-center-free root whether the key itself is valid: if it is, the
 * key's -usN suffix names the wrong data center, which deserves its own message.
 */
const diagnoseRejectedKey = async (apiKey: string, settings: ProviderSettings) => {
  const probe = new MailchimpClient({
    credentials: { kind: 'apiKey', apiKey },
    apiRoot: dataCenterFreeRoot(settings.apiRoot ?? DEFAULT_API_ROOT),
    concurrency: settings.concurrency,
    retry: { maxAttempts: 1 },
  });
  try {
    await probe.ping();
  } catch {
    return null; // the key is not valid anywhere: the original 401 stands
  }
  return mailchimpError({
    kind: 'auth',
    status: 401,
    body: {
      title: 'Wrong Data Center',
      detail: `This key is valid, but not in data center ${probe.dc}: its "-${probe.dc}" ending does not match the account. Copy the whole key again from Mailchimp (Account › Extras › API keys).`,
    },
  });
};

/** Mailchimp behind the provider interface: a thin mapping over MailchimpClient. */
export const createMailchimpProvider = (
  credentials: ProviderCredentials,
  settings: ProviderSettings
): EmailMarketingProvider => {
  const client = new MailchimpClient({
    credentials,
    apiRoot: settings.apiRoot,
    concurrency: settings.concurrency,
    ...(settings.interactive
      ? {
          retry: { maxAttempts: 2, baseDelayMs: 250, maxDelayMs: 1000, maxElapsedMs: 15_000 },
          timeoutMs: 15_000,
        }
      : {}),
  });
  return {
    name: 'mailchimp',
    async verify() {
      // Ping first: cheap, and the answer to "is this key valid at all".
      try {
        await client.ping();
      } catch (error) {
        if (isPlatformError(error) && error.status === 401 && credentials.kind === 'apiKey') {
          throw (await diagnoseRejectedKey(credentials.apiKey, settings)) ?? error;
        }
        throw error;
      }
      const account = await client.getAccount();
      return {
        accountId: account.account_id,
        accountName: account.account_name,
        loginEmail: account.email,
        dataCenter: client.dc,
        apiEndpoint: client.baseURL.replace(/\/3\.0$/, ''),
      };
    },
    async listAudiences() {
      const { lists } = await client.getAudiences();
      return lists.map((list) => ({
        id: list.id,
        name: list.name,
        memberCount: list.stats.member_count,
        unsubscribeCount: list.stats.unsubscribe_count,
        cleanedCount: list.stats.cleaned_count,
        doubleOptIn: list.double_optin,
        defaults: {
          fromName: list.campaign_defaults.from_name,
          fromEmail: list.campaign_defaults.from_email,
          permissionReminder: list.permission_reminder,
        },
      }));
    },
    async listWebhooks(audienceId) {
      const { webhooks } = await client.getWebhooks(audienceId);
      return webhooks.map((hook) => ({ id: hook.id, url: hook.url, audienceId }));
    },
    async deleteWebhook(audienceId, webhookId) {
      await client.deleteWebhook(audienceId, webhookId);
    },
  };
};

export const mailchimp: ProviderFactory = {
  name: 'mailchimp',
  checkApiKey(apiKey) {
    const parsed = parseApiKey(apiKey);
    return parsed.ok ? { ok: true } : { ok: false, reason: parsed.reason };
  },
  create: createMailchimpProvider,
};
