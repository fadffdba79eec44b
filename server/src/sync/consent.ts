import type { ConsentRule } from '../types/sync';

/** Whether an entry grants marketing consent under the profile's rule. */
export const hasConsent = (rule: ConsentRule, value: unknown): boolean => {
  switch (rule.kind) {
    case 'boolean':
      return value === true;
    case 'enumeration':
      return typeof value === 'string' && rule.values.includes(value);
    case 'none':
      return rule.acknowledged;
  }
};
