import type {
  AudienceField,
  EmailMarketingProvider,
  ProviderCredentials,
  ProviderFactory,
  ProviderSettings,
} from '../types';
import { isPlatformError } from '../errors';
import { parseApiKey } from './api-key';
import { DEFAULT_API_ROOT, MailchimpClient } from './client';
import { bulkUpsert } from './bulk-upsert';
import { mailchimpError } from './errors';
import { mailchimpSegments } from './segments';
import { mailchimpCampaigns } from './campaigns';
import { mergeTypeFor, prepareMergeFields, readMergeFields, type MergeValue } from './merge-fields';
import { chunk, paginate } from './paging';
import { subscriberHash } from './subscriber-hash';
import type { MergeField } from './types';
import { parseMailchimpWebhook, webhookRegistration } from './webhooks';

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
    segments: mailchimpSegments(client),
    campaigns: mailchimpCampaigns(client),
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
    async registerWebhook(audienceId, url) {
      const hook = await client.createWebhook(audienceId, webhookRegistration(url));
      return { id: hook.id, url: hook.url, audienceId };
    },
    async *listChangedMembers(audienceId, status, since) {
      for await (const member of paginate(
        (page) =>
          client.getMembers(audienceId, {
            status,
            ...(since ? { since_last_changed: since } : {}),
            ...page,
          }),
        (p) => p.members
      )) {
        yield { email: member.email_address, status, lastChanged: member.last_changed };
      }
    },

    async getFields(audienceId) {
      const { merge_fields } = await client.getMergeFields(audienceId);
      return merge_fields.map(toAudienceField);
    },
    async createField(audienceId, field) {
      return toAudienceField(
        await client.createMergeField(audienceId, {
          name: field.name,
          tag: field.tag,
          type: field.type,
          options: field.options,
        })
      );
    },
    prepareFields: (fields, values) => prepareMergeFields(fields, values),
    readFields: (fields, values) => readMergeFields(fields, values),
    suggestFieldType: mergeTypeFor,
    async upsertContacts(audienceId, contacts, onProgress) {
      return bulkUpsert(
        client,
        audienceId,
        contacts.map((c) => ({
          email: c.email,
          statusIfNew: c.statusIfNew,
          mergeFields: c.fields as Record<string, MergeValue>,
        })),
        { onProgress: onProgress ? ({ done, total }) => onProgress(done, total) : undefined }
      );
    },
    async setContactStatus(audienceId, email, status) {
      return (await client.setMemberStatus(audienceId, email, status)).status;
    },
    async changeEmail(audienceId, oldEmail, newEmail) {
      try {
        await client.request('PATCH', `/lists/${audienceId}/members/${subscriberHash(oldEmail)}`, {
          body: { email_address: newEmail },
        });
      } catch (error) {
        // Not on the list under the old address: the next upsert creates it under the new one.
        if (!(isPlatformError(error) && error.kind === 'not_found')) throw error;
      }
    },
    async archiveContact(audienceId, email) {
      await ignoreNotFound(client.archiveMember(audienceId, email));
    },
    async deleteContactPermanently(audienceId, email) {
      await ignoreNotFound(client.deleteMemberPermanently(audienceId, email));
    },
    async tagContacts(audienceId, tag, change) {
      // Tags are static segments: adding 500 members per call beats one tags call per member.
      const segment = await findOrCreateTagSegment(audienceId, tag);
      const add = chunk(change.add ?? [], SEGMENT_LIMIT);
      const remove = chunk(change.remove ?? [], SEGMENT_LIMIT);
      for (let i = 0; i < Math.max(add.length, remove.length); i++) {
        await client.updateSegmentMembers(audienceId, segment.id, {
          add: add[i] ?? [],
          remove: remove[i] ?? [],
        });
      }
    },
  };

  async function findOrCreateTagSegment(audienceId: string, tag: string) {
    for await (const segment of paginate(
      (page) => client.getSegments(audienceId, { type: 'static', ...page }),
      (p) => p.segments
    )) {
      if (segment.name === tag) return segment;
    }
    return client.createStaticSegment(audienceId, tag);
  }
};

const SEGMENT_LIMIT = 500;

const ignoreNotFound = async (call: Promise<unknown>) => {
  try {
    await call;
  } catch (error) {
    if (!(isPlatformError(error) && error.kind === 'not_found')) throw error;
  }
};

const toAudienceField = (field: MergeField): AudienceField => ({
  tag: field.tag,
  name: field.name,
  type: field.type,
  required: field.required,
  options: field.options ?? {},
});

export const mailchimp: ProviderFactory = {
  name: 'mailchimp',
  label: 'Mailchimp',
  description: {
    credentialKinds: ['apiKey', 'oauth'],
    keyHint: 'Mailchimp › Account › Extras › API keys. It ends with your data center, like -us6.',
    keyPlaceholder: '0123456789abcdef0123456789abcdef-us6',
  },
  apiKeyHelp: 'Account › Extras › API keys',
  checkApiKey(apiKey) {
    const parsed = parseApiKey(apiKey);
    return parsed.ok ? { ok: true } : { ok: false, reason: parsed.reason };
  },
  create: createMailchimpProvider,
  parseWebhook: parseMailchimpWebhook,
};
