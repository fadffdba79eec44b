/** Plugin configuration: defaults, merged with `config/plugins.ts` of the app, then validated. */
export interface MailchimpConfig {
  /** `{dc}` is replaced by the data center; default https://{dc}.api.mailchimp.com/3.0 (env MAILCHIMP_API_ROOT). */
  apiRoot?: string;
  /** An OAuth2 app (env MAILCHIMP_CLIENT_ID / MAILCHIMP_CLIENT_SECRET); without it, API keys only. */
  oauth?: { clientId?: string; clientSecret?: string; baseUrl?: string };
}

export interface PluginConfig {
  /** Concurrent requests per platform API key (Mailchimp allows 10 simultaneous connections). */
  concurrency: number;
  mailchimp: MailchimpConfig;
}

export const defaultConfig: PluginConfig = {
  concurrency: 8,
  mailchimp: {},
};

export const validateConfig = (config: Partial<PluginConfig>): void => {
  const { concurrency, mailchimp } = config;
  if (mailchimp?.apiRoot !== undefined && !/^https?:\/\//.test(mailchimp.apiRoot)) {
    throw new Error(
      `email-marketing: "mailchimp.apiRoot" must be an http(s) URL; got ${JSON.stringify(mailchimp.apiRoot)}`
    );
  }
  if (
    concurrency !== undefined &&
    (!Number.isInteger(concurrency) || concurrency < 1 || concurrency > 10)
  ) {
    throw new Error(
      `email-marketing: "concurrency" must be a whole number from 1 to 10 (Mailchimp allows 10 simultaneous connections); got ${String(concurrency)}`
    );
  }
};

export default {
  default: defaultConfig,
  validator: validateConfig,
};
