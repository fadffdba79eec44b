import type { ProviderName } from '../providers/types';
import { getProviderFactory } from '../providers/registry';

/** The platform's name as people know it, for messages (the provider says it). */
export const platformLabel = (name: ProviderName | string) => {
  try {
    return getProviderFactory(name).label;
  } catch {
    return name;
  }
};

/** Where the platform shows its API keys, when the provider says so. */
export const apiKeyHelp = (name: ProviderName | string) => {
  try {
    return getProviderFactory(name).apiKeyHelp ?? null;
  } catch {
    return null;
  }
};

export const goneMessage = (name: ProviderName | string) =>
  `This campaign no longer exists on ${platformLabel(name)} (deleted there?). Its last metrics are kept; delete it here, or import the campaign again if it was moved.`;
