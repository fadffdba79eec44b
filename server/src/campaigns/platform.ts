import { getProviderFactory, providerNames } from '../providers/registry';

/** The platform's name as people know it (as its provider describes itself), for messages. */
export const platformLabel = (name: string) =>
  (providerNames() as string[]).includes(name)
    ? getProviderFactory(name).description.displayName
    : name;

export const goneMessage = (name: string) =>
  `This campaign no longer exists on ${platformLabel(name)} (deleted there?). Its last metrics are kept; delete it here, or import the campaign again if it was moved.`;
