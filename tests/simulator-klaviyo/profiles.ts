import type { Ctx } from './context';
import { resource } from './context';
import { newId, nowIso, type Account, type Profile, type SuppressionReason } from './state';

export const STANDARD_ATTRIBUTES = [
  'first_name',
  'last_name',
  'phone_number',
  'organization',
  'title',
  'locale',
] as const;
export const LOCATION_KEYS = [
  'address1',
  'address2',
  'city',
  'country',
  'region',
  'zip',
  'timezone',
];

export const findByEmail = (account: Account, email: string): Profile | undefined => {
  const id = account.byEmail.get(email.trim().toLowerCase());
  return id ? account.profiles.get(id) : undefined;
};

export const createProfile = (account: Account, email: string): Profile => {
  const at = nowIso();
  const profile: Profile = {
    id: newId(),
    email: email.trim(),
    first_name: null,
    last_name: null,
    phone_number: null,
    organization: null,
    title: null,
    locale: null,
    location: {},
    properties: {},
    created: at,
    updated: at,
    marketing: {
      consent: 'NEVER_SUBSCRIBED',
      consent_timestamp: null,
      last_updated: null,
      method: null,
      double_optin: null,
      suppression: [],
      list_suppressions: [],
    },
    pendingLists: new Set(),
    confirmationsSent: 0,
    lastCampaignAt: null,
  };
  account.profiles.set(profile.id, profile);
  account.byEmail.set(profile.email.toLowerCase(), profile.id);
  return profile;
};

/** Attributes as the profile import sends them: a missing key is left alone, null clears. */
export const applyAttributes = (profile: Profile, attrs: Record<string, unknown>) => {
  for (const key of STANDARD_ATTRIBUTES) {
    if (key in attrs) profile[key] = attrs[key] === null ? null : String(attrs[key]);
  }
  const location = attrs.location as Record<string, unknown> | undefined;
  if (location && typeof location === 'object')
    for (const key of LOCATION_KEYS)
      if (key in location)
        profile.location[key] = location[key] === null ? null : String(location[key]);
  const properties = attrs.properties as Record<string, unknown> | undefined;
  if (properties && typeof properties === 'object')
    for (const [key, value] of Object.entries(properties)) {
      if (value === null) delete profile.properties[key];
      else profile.properties[key] = value;
    }
  profile.updated = nowIso();
};

const touch = (profile: Profile) => {
  const at = nowIso();
  profile.marketing.last_updated = at;
  profile.updated = at;
  return at;
};

export const suppress = (profile: Profile, reason: SuppressionReason) => {
  const at = touch(profile);
  profile.marketing.suppression = profile.marketing.suppression.filter((s) => s.reason !== reason);
  profile.marketing.suppression.push({ reason, timestamp: at });
};

/** What Subscribe Profiles clears (the SDK's JSDoc: UNSUBSCRIBE, SPAM_REPORT, USER_SUPPRESSED). */
const CLEARED_BY_SUBSCRIBE = new Set<SuppressionReason>([
  'UNSUBSCRIBE',
  'SPAM_COMPLAINT',
  'USER_SUPPRESSED',
]);

/**
 * Subscribe Profiles for one profile. A double opt-in list (and no historical import) sends a
 * confirmation email and waits: consent and list membership change only on confirmation.
 */
export const subscribe = (
  account: Account,
  profile: Profile,
  listId: string | null,
  { historical }: { historical: boolean }
) => {
  profile.marketing.suppression = profile.marketing.suppression.filter(
    (s) => !CLEARED_BY_SUBSCRIBE.has(s.reason)
  );
  const list = listId ? account.lists.get(listId) : undefined;
  if (list && list.opt_in_process === 'double_opt_in' && !historical) {
    if (profile.marketing.consent !== 'SUBSCRIBED' || !list.profiles.has(profile.id)) {
      profile.pendingLists.add(list.id);
      profile.confirmationsSent++;
    }
    touch(profile);
    return;
  }
  const at = touch(profile);
  profile.marketing.consent = 'SUBSCRIBED';
  profile.marketing.consent_timestamp = at;
  profile.marketing.method = 'API';
  profile.marketing.double_optin = false;
  if (list) {
    list.profiles.add(profile.id);
    profile.marketing.list_suppressions = profile.marketing.list_suppressions.filter(
      (s) => s.list_id !== list.id
    );
  }
};

/** The person clicks the confirmation link of a double opt-in list. */
export const confirm = (account: Account, profile: Profile, listId: string) => {
  if (!profile.pendingLists.delete(listId)) return false;
  const at = touch(profile);
  profile.marketing.consent = 'SUBSCRIBED';
  profile.marketing.consent_timestamp = at;
  profile.marketing.double_optin = true;
  account.lists.get(listId)?.profiles.add(profile.id);
  return true;
};

/**
 * Unsubscribe Profiles: from one list when the profile is in it (a list suppression), else
 * globally (consent UNSUBSCRIBED and an UNSUBSCRIBE suppression), as the JSDoc warns.
 */
export const unsubscribe = (account: Account, profile: Profile, listId: string | null) => {
  const list = listId ? account.lists.get(listId) : undefined;
  profile.pendingLists.clear();
  if (list && list.profiles.has(profile.id)) {
    const at = touch(profile);
    list.profiles.delete(profile.id);
    profile.marketing.list_suppressions = profile.marketing.list_suppressions.filter(
      (s) => s.list_id !== list.id
    );
    profile.marketing.list_suppressions.push({
      list_id: list.id,
      reason: 'UNSUBSCRIBE',
      timestamp: at,
    });
    return;
  }
  profile.marketing.consent = 'UNSUBSCRIBED';
  profile.marketing.consent_timestamp = nowIso();
  suppress(profile, 'UNSUBSCRIBE');
};

export const canReceive = (profile: Profile) =>
  profile.marketing.consent === 'SUBSCRIBED' && profile.marketing.suppression.length === 0;

export const deleteProfile = (account: Account, profile: Profile) => {
  account.profiles.delete(profile.id);
  account.byEmail.delete(profile.email.toLowerCase());
  for (const list of account.lists.values()) list.profiles.delete(profile.id);
};

export const subscriptionsOf = (profile: Profile) => ({
  email: {
    marketing: {
      can_receive_email_marketing: canReceive(profile),
      consent: profile.marketing.consent,
      consent_timestamp: profile.marketing.consent_timestamp,
      last_updated: profile.marketing.last_updated,
      method: profile.marketing.method,
      method_detail: '',
      custom_method_detail: null,
      double_optin: profile.marketing.double_optin,
      suppression: profile.marketing.suppression.map((s) => ({ ...s })),
      list_suppressions: profile.marketing.list_suppressions.map((s) => ({ ...s })),
    },
  },
});

export const profileResource = (ctx: Ctx, profile: Profile, withSubscriptions: boolean) =>
  resource(ctx, 'profile', profile.id, {
    email: profile.email,
    phone_number: profile.phone_number,
    external_id: null,
    first_name: profile.first_name,
    last_name: profile.last_name,
    organization: profile.organization,
    locale: profile.locale,
    title: profile.title,
    image: null,
    created: profile.created,
    updated: profile.updated,
    last_event_date: null,
    location: { ...profile.location },
    properties: { ...profile.properties },
    ...(withSubscriptions ? { subscriptions: subscriptionsOf(profile) } : {}),
  });

/** Field reader for filters on profiles. */
export const profileField =
  (profile: Profile) =>
  (field: string): unknown => {
    switch (field) {
      case 'id':
        return profile.id;
      case 'email':
        return profile.email;
      case 'phone_number':
        return profile.phone_number;
      case 'created':
        return profile.created;
      case 'updated':
        return profile.updated;
      case 'subscriptions.email.marketing.suppression':
        return profile.marketing.suppression;
      case 'subscriptions.email.marketing.list_suppressions':
        return profile.marketing.list_suppressions;
      default:
        return undefined;
    }
  };

export const PROFILE_ARRAYS = {
  'subscriptions.email.marketing.suppression': (s: Record<string, unknown>) => s,
  'subscriptions.email.marketing.list_suppressions': (s: Record<string, unknown>) => s,
};

export const PROFILE_FILTERS: Record<string, string[]> = {
  id: ['any', 'equals'],
  email: ['any', 'equals'],
  phone_number: ['any', 'equals'],
  external_id: ['any', 'equals'],
  _kx: ['equals'],
  created: ['greater-than', 'less-than'],
  updated: ['greater-than', 'less-than'],
  'subscriptions.email.marketing.list_suppressions.reason': ['equals'],
  'subscriptions.email.marketing.list_suppressions.timestamp': [
    'greater-or-equal',
    'greater-than',
    'less-or-equal',
    'less-than',
  ],
  'subscriptions.email.marketing.list_suppressions.list_id': ['equals'],
  'subscriptions.email.marketing.suppression.reason': ['equals'],
  'subscriptions.email.marketing.suppression.timestamp': [
    'greater-or-equal',
    'greater-than',
    'less-or-equal',
    'less-than',
  ],
};
