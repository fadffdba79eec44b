import { klaviyo } from './klaviyo/provider';
import { mailchimp } from './mailchimp/provider';
import type { ProviderDescription, ProviderFactory, ProviderName } from './types';

const factories: Partial<Record<ProviderName, ProviderFactory>> = {
  mailchimp,
  klaviyo,
};

export const providerNames = () => Object.keys(factories) as ProviderName[];

export const getProviderFactory = (name: string): ProviderFactory => {
  const factory = factories[name as ProviderName];
  if (!factory)
    throw new Error(
      `Unknown email-marketing provider "${name}". Available: ${providerNames().join(', ')}`
    );
  return factory;
};

/** The platforms the admin can connect, as each factory describes itself. */
export const providerDescriptions = (): Array<
  ProviderDescription & { name: ProviderName; displayName: string }
> =>
  providerNames().map((name) => {
    const factory = getProviderFactory(name);
    return { name, displayName: factory.label, ...factory.description };
  });
