import { createHash } from 'crypto';
import { isPlatformError } from '../errors';
import type {
  AudienceField,
  EmailMarketingProvider,
  ProviderCredentials,
  ProviderFactory,
  ProviderSettings,
  WebhookParseResult,
} from '../types';
import { checkKlaviyoKey } from './api-key';
import { DEFAULT_API_ROOT, KlaviyoClient, type KlaviyoClientOptions } from './client';
import { klaviyoCampaigns } from './campaigns';
import { klaviyoContacts, type ContactsOptions } from './contacts';
import { klaviyoError, unsupported } from './errors';
import {
  fieldTypeFor,
  isStandard,
  kindOfValue,
  prepareProperties,
  readProperties,
  recordedProperties,
  recordProperty,
  STANDARD_FIELDS,
} from './fields';
import { reportLimiterFor, VALUES_REPORT_LIMITS, type WindowLimits } from './limiter';
import { klaviyoSegments, tagThroughList } from './segments';
import type {
  AccountAttributes,
  Collection,
  ListAttributes,
  ProfileAttributes,
  Single,
} from './types';

/** Test and demo knobs that production never sets. */
export interface KlaviyoProviderOptions extends ContactsOptions {
  retry?: KlaviyoClientOptions['retry'];
  timeoutMs?: number;
  /** The values-report queue's windows (Klaviyo: 1/s, 2/min, 225/day). */
  reportLimits?: WindowLimits;
  onRetry?: KlaviyoClientOptions['onRetry'];
}

/** Where the API lives: the settings' root, else KLAVIYO_API_ROOT (the simulator), else Klaviyo's. */
export const apiRootOf = (settings: ProviderSettings) =>
  settings.apiRoot || process.env.KLAVIYO_API_ROOT || DEFAULT_API_ROOT;

const POLLING =
  'Klaviyo webhooks are not used: unsubscribes, bounces and spam complaints are read from Klaviyo by polling (the daily opt-out import at 04:00 UTC, or Import opt-outs now).';

export const createKlaviyoProvider = (
  credentials: ProviderCredentials,
  settings: ProviderSettings,
  options: KlaviyoProviderOptions = {}
): EmailMarketingProvider => {
  if (credentials.kind !== 'apiKey')
    throw klaviyoError({
      kind: 'auth',
      message: 'Klaviyo connects with a private API key (OAuth is not supported by the plugin).',
    });
  const check = checkKlaviyoKey(credentials.apiKey);
  if (!check.ok) throw klaviyoError({ kind: 'auth', message: check.reason });
  const apiKey = credentials.apiKey.trim();
  const client = new KlaviyoClient({
    apiKey,
    apiRoot: apiRootOf(settings),
    concurrency: settings.concurrency,
    retry: settings.interactive
      ? { maxAttempts: 3, baseMs: 250, maxMs: 2000, maxElapsedMs: 15_000 }
      : options.retry,
    timeoutMs: settings.interactive ? 15_000 : options.timeoutMs,
    onRetry: options.onRetry,
  });
  const contacts = klaviyoContacts(client, options);
  const segments = klaviyoSegments(client);
  const scope = (listId: string) =>
    `${createHash('sha256').update(apiKey).digest('hex')}:${listId}`;

  return {
    name: 'klaviyo',
    segments,
    campaigns: klaviyoCampaigns(
      client,
      reportLimiterFor(apiKey, options.reportLimits ?? VALUES_REPORT_LIMITS)
    ),

    async verify() {
      const { data } = await client.get<Collection<AccountAttributes>>('/api/accounts');
      const account = data[0];
      if (!account)
        throw klaviyoError({
          kind: 'auth',
          status: 401,
          message: 'Klaviyo returned no account for this key.',
        });
      const info = account.attributes.contact_information;
      return {
        accountId: account.id,
        accountName: info.organization_name || info.default_sender_name || account.id,
        loginEmail: info.default_sender_email,
        apiEndpoint: client.baseURL,
      };
    },

    /**
     * Lists with their profile counts. Getting a count is Klaviyo's smallest tier (1/s, 15/min),
     * so the counts cost one call per list: the connection caches the answer (15 minutes).
     */
    async listAudiences() {
      const lists: Array<{ id: string; attributes: ListAttributes }> = [];
      for await (const l of client.paginate<ListAttributes>('/api/lists', {})) lists.push(l);
      const { data: accounts } = await client.get<Collection<AccountAttributes>>('/api/accounts');
      const sender = accounts[0]?.attributes.contact_information;
      const out = [];
      for (const l of lists) {
        const { data } = await client.get<Single<ListAttributes>>(`/api/lists/${l.id}`, {
          'additional-fields[list]': 'profile_count',
        });
        out.push({
          id: l.id,
          name: l.attributes.name,
          memberCount: data.attributes.profile_count ?? 0,
          // Klaviyo's suppressions are account-wide: no per-list counts.
          unsubscribeCount: 0,
          cleanedCount: 0,
          doubleOptIn: l.attributes.opt_in_process === 'double_opt_in',
          defaults: {
            fromName: sender?.default_sender_name ?? '',
            fromEmail: sender?.default_sender_email ?? '',
            permissionReminder: '',
          },
        });
      }
      return out;
    },

    // ---- inbound events: polling, not webhooks -------------------------------------------------
    async listWebhooks() {
      return [];
    },
    async deleteWebhook() {},
    async registerWebhook() {
      throw unsupported(POLLING);
    },
    listChangedMembers: (audienceId, status, since) => contacts.changed(audienceId, status, since),

    // ---- contacts --------------------------------------------------------------------------
    async getFields(audienceId) {
      const fields = new Map<string, AudienceField>(STANDARD_FIELDS.map((f) => [f.tag, f]));
      for (const f of recordedProperties(scope(audienceId))) fields.set(f.tag, f);
      // Properties already on the list's profiles are fields too (Klaviyo keeps no registry).
      const page = await client.get<Collection<ProfileAttributes>>(
        `/api/lists/${audienceId}/profiles`,
        { 'page[size]': 100 }
      );
      for (const p of page.data)
        for (const [tag, value] of Object.entries(p.attributes.properties ?? {}))
          if (!fields.has(tag) && !tag.startsWith('$'))
            fields.set(tag, {
              tag,
              name: tag,
              type: kindOfValue(value),
              required: false,
              options: {},
            });
      return [...fields.values()];
    },
    async createField(audienceId, field) {
      const tag = field.tag ?? field.name.trim().replace(/\s+/g, '_');
      if (isStandard(tag))
        throw unsupported(`"${tag}" is a standard Klaviyo profile field; map to it directly.`);
      // Klaviyo's custom properties are free-form: nothing to create, the property is recorded.
      const created: AudienceField = {
        tag,
        name: field.name,
        type: field.type,
        required: false,
        options: field.options ?? {},
      };
      recordProperty(scope(audienceId), created);
      return created;
    },
    prepareFields: prepareProperties,
    readFields: readProperties,
    suggestFieldType: fieldTypeFor,
    upsertContacts: (audienceId, list, onProgress) => contacts.upsert(audienceId, list, onProgress),
    setContactStatus: (audienceId, email, status) => contacts.setStatus(audienceId, email, status),
    async changeEmail(_audienceId, oldEmail, newEmail) {
      const profile = (await contacts.lookup([oldEmail])).get(oldEmail.trim().toLowerCase());
      // Not there under the old address: the next upsert creates it under the new one.
      if (!profile) return;
      await client.patch(`/api/profiles/${profile.id}`, {
        data: { type: 'profile', id: profile.id, attributes: { email: newEmail } },
      });
    },
    async archiveContact(audienceId, email) {
      // Off the list; the profile and its consent history stay in Klaviyo.
      const profile = (await contacts.lookup([email])).get(email.trim().toLowerCase());
      if (!profile) return;
      try {
        await client.delete(`/api/lists/${audienceId}/relationships/profiles`, {
          data: [{ type: 'profile', id: profile.id }],
        });
      } catch (error) {
        if (!(isPlatformError(error) && error.kind === 'not_found')) throw error;
      }
    },
    async deleteContactPermanently(_audienceId, email) {
      // Erasure: Klaviyo's data-privacy deletion removes the profile from the whole account.
      await client.post(
        '/api/data-privacy-deletion-jobs',
        {
          data: {
            type: 'data-privacy-deletion-job',
            attributes: { profile: { data: { type: 'profile', attributes: { email } } } },
          },
        },
        true
      );
    },
    tagContacts: (audienceId, tag, change) => tagThroughList(segments, audienceId, tag, change),
  };
};

export const parseKlaviyoWebhook = (): WebhookParseResult => ({ ok: false, reason: POLLING });

export const klaviyo: ProviderFactory = {
  name: 'klaviyo',
  label: 'Klaviyo',
  description: {
    credentialKinds: ['apiKey'],
    keyHint: 'Klaviyo › Settings › API keys › Create Private API Key. It starts with pk_.',
    keyPlaceholder: 'pk_0123456789abcdef0123456789abcdef01',
  },
  checkApiKey: checkKlaviyoKey,
  create: (credentials, settings) => createKlaviyoProvider(credentials, settings),
  parseWebhook: parseKlaviyoWebhook,
};
