/** Plugin configuration: defaults, merged with `config/plugins.ts` of the app, then validated. */
export interface PluginConfig {
  /** Concurrent requests per platform API key (Mailchimp allows 10 simultaneous connections). */
  concurrency: number;
}

export const defaultConfig: PluginConfig = {
  concurrency: 8,
};

export const validateConfig = (config: Partial<PluginConfig>): void => {
  const { concurrency } = config;
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
