import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { PLUGIN_ID } from '../constants';
import { isPlatformError, type PlatformError } from '../providers/errors';
import { getProviderFactory, providerDescriptions, providerNames } from '../providers/registry';
import type {
  EmailMarketingProvider,
  ProviderAccount,
  ProviderCredentials,
} from '../providers/types';
import type { AuditActor } from '../types/audit';
import type {
  AudienceView,
  AudiencesResponse,
  ConnectionView,
  ProviderView,
  ResolvedSender,
} from '../types/connections';
import { getService } from '../utils/get-service';
import {
  EMAIL_PATTERN,
  fieldError,
  type ConnectInput,
  type UpdateInput,
} from '../validation/connections';
import { serverUrl } from './platform-settings';
import { WEBHOOKS_REGISTER_JOB } from '../consent/job-types';
import { apiKeyHelp, platformLabel } from '../campaigns/platform';

const UID = 'plugin::email-marketing.connection';
const AUDIENCE_CACHE_MS = 15 * 60_000;

/** The row as stored; `credentials` is the AES-GCM sealed JSON of ProviderCredentials. */
export interface ConnectionRow {
  id: number;
  provider: string;
  authKind: 'apiKey' | 'oauth';
  credentials: string | null;
  credentialTail: string | null;
  dataCenter: string | null;
  apiEndpoint: string | null;
  accountId: string | null;
  accountName: string | null;
  loginEmail: string | null;
  defaultAudienceId: string | null;
  senderName: string | null;
  senderEmail: string | null;
  isDefault: boolean;
  status: 'connected' | 'error' | 'disconnected';
  lastVerifiedAt: string | null;
  lastError: string | null;
  audiencesCache: AudienceView[] | null;
  audiencesCachedAt: string | null;
  createdAt: string;
}

/** Only the end of a secret is ever shown: enough to recognise it, useless to anyone else. */
const maskCredentials = (credentials: ProviderCredentials, dc?: string) =>
  credentials.kind === 'apiKey'
    ? `••••${credentials.apiKey.split('-')[0].slice(-4)}${dc ? `-${dc}` : ''}`
    : `OAuth ••••${credentials.accessToken.slice(-4)}`;

/** Turns a platform failure during connect/verify into a message about the admin's situation. */
const explain = (
  error: PlatformError,
  { previouslyVerified }: { previouslyVerified: string | null }
) => {
  const platform = platformLabel(error.provider);
  const help = apiKeyHelp(error.provider);
  if (error.kind === 'auth' && error.title === 'Wrong Data Center')
    return fieldError('apiKey', error.detail ?? error.message);
  if (error.kind === 'auth' && error.status === 401) {
    return fieldError(
      'apiKey',
      previouslyVerified
        ? `${platform} no longer accepts this key (it worked on ${previouslyVerified.slice(0, 10)}): it was revoked, or the user who created it was removed. Create a new key in ${platform} and reconnect.`
        : `${platform} does not recognise this API key. Check that you copied all of it${help ? ` from ${platform} (${help})` : ''}.`
    );
  }
  if (error.kind === 'transient' && error.status === undefined) {
    return new errors.ApplicationError(
      `${platform} could not be reached (${error.message.match(/\(([A-Z_]+)\)/)?.[1] ?? 'network error'}). Check this server's connection to the internet and try again; nothing was saved.`,
      { kind: 'unreachable' }
    );
  }
  return new errors.ApplicationError(error.message, { kind: error.kind });
};

/** The factory of a platform the admin chose; an unknown name is a 400 on the provider field. */
const factoryFor = (provider: string) => {
  if (!(providerNames() as string[]).includes(provider))
    throw fieldError(
      'provider',
      `"${provider}" is not a platform this server can connect. Available: ${providerNames().join(', ')}.`
    );
  return getProviderFactory(provider);
};

const connections = ({ strapi }: { strapi: Core.Strapi }) => {
  const query = () => strapi.db.query(UID);
  const crypto = () => getService(strapi, 'crypto');
  const audit = () => getService(strapi, 'audit');

  const findRow = async (id: number | string): Promise<ConnectionRow> => {
    const row = (await query().findOne({ where: { id: Number(id) } })) as ConnectionRow | null;
    if (!row) throw new errors.NotFoundError('No such connection.');
    return row;
  };

  const credentialsOf = (row: ConnectionRow): ProviderCredentials => {
    if (!row.credentials)
      throw new errors.ApplicationError(
        'This connection is disconnected: reconnect it in Settings › Email marketing.'
      );
    return JSON.parse(crypto().decrypt(row.credentials)) as ProviderCredentials;
  };

  /** Calls made while an admin waits (connect, verify, audiences) fail fast instead of retrying for minutes. */
  const providerFor = (
    provider: string,
    credentials: ProviderCredentials,
    interactive = true
  ): EmailMarketingProvider =>
    getProviderFactory(provider).create(credentials, {
      ...getService(strapi, 'platformSettings').provider(provider),
      interactive,
    });

  /** Sender, in order: the connection's own → the default audience's campaign defaults → the account login → hello@<server host>. */
  const resolveSender = (row: ConnectionRow): ResolvedSender => {
    const audience = row.audiencesCache?.find((a) => a.id === row.defaultAudienceId);
    const name = row.senderName || audience?.defaults.fromName || row.accountName || 'Newsletter';
    if (row.senderEmail && EMAIL_PATTERN.test(row.senderEmail))
      return { name, email: row.senderEmail, source: 'connection' };
    if (audience?.defaults.fromEmail && EMAIL_PATTERN.test(audience.defaults.fromEmail))
      return { name, email: audience.defaults.fromEmail, source: 'audience' };
    if (row.loginEmail && EMAIL_PATTERN.test(row.loginEmail))
      return { name, email: row.loginEmail, source: 'account' };
    return { name, email: `hello@${new URL(serverUrl(strapi)).hostname}`, source: 'server' };
  };

  const view = (row: ConnectionRow): ConnectionView => ({
    id: row.id,
    provider: row.provider,
    providerLabel: platformLabel(row.provider),
    authKind: row.authKind,
    credentialHint: row.credentialTail ?? '',
    dataCenter: row.dataCenter,
    accountName: row.accountName,
    loginEmail: row.loginEmail,
    defaultAudienceId: row.defaultAudienceId,
    senderName: row.senderName,
    senderEmail: row.senderEmail,
    sender: row.status === 'disconnected' ? null : resolveSender(row),
    isDefault: row.isDefault,
    status: row.status,
    lastVerifiedAt: row.lastVerifiedAt,
    lastError: row.lastError,
    connectedAt: row.createdAt,
  });

  /** Exactly one connected connection is the default while any is connected. */
  const ensureOneDefault = async () => {
    const live = (await query().findMany({
      where: { status: { $ne: 'disconnected' } },
      orderBy: { id: 'asc' },
    })) as ConnectionRow[];
    if (live.length === 0 || live.some((row) => row.isDefault)) return;
    await query().update({ where: { id: live[0].id }, data: { isDefault: true } });
  };

  /**
   * Webhook registration runs as a job: the platform validates the URL with a GET to this very
   * server, and the admin's connect request should not wait on that. Without a public
   * server.url the platform cannot reach Strapi; the daily import covers opt-outs instead.
   */
  const registerWebhooksLater = async (connectionId: number) => {
    if (!getService(strapi, 'webhooks').hasPublicUrl()) {
      strapi.log.info(
        '[email-marketing] webhooks not registered: server.url is not set, so the platform cannot reach this server. Opt-outs are imported daily instead.'
      );
      return;
    }
    await getService(strapi, 'jobs').enqueue(
      WEBHOOKS_REGISTER_JOB,
      { connectionId },
      { dedupeKey: `webhooks:register:${connectionId}`, transaction: 'none' }
    );
  };

  const toAudienceViews = async (provider: EmailMarketingProvider): Promise<AudienceView[]> =>
    provider.listAudiences();

  /** Stores verified credentials: a new row, or the account's existing row (reconnect or key rotation). */
  const store = async (
    provider: string,
    authKind: 'apiKey' | 'oauth',
    credentials: ProviderCredentials,
    account: ProviderAccount,
    audiences: AudienceView[],
    sender: { senderName?: string; senderEmail?: string },
    actor: AuditActor
  ) => {
    if (!crypto().isConfigured()) {
      throw new errors.ApplicationError(
        'No encryption key is configured, so credentials cannot be stored. Set EMAIL_MARKETING_ENCRYPTION_KEY or admin.secrets.encryptionKey.'
      );
    }
    const existing = (await query().findOne({
      where: { provider, accountId: account.accountId },
    })) as ConnectionRow | null;
    const now = new Date().toISOString();
    const data = {
      provider,
      authKind,
      credentials: crypto().encrypt(JSON.stringify(credentials)),
      credentialTail: maskCredentials(credentials, account.dataCenter),
      dataCenter: account.dataCenter ?? null,
      apiEndpoint: account.apiEndpoint ?? null,
      accountId: account.accountId,
      accountName: account.accountName,
      loginEmail: account.loginEmail,
      status: 'connected' as const,
      lastVerifiedAt: now,
      lastError: null,
      audiencesCache: audiences,
      audiencesCachedAt: now,
      disconnectedAt: null,
      ...(sender.senderName !== undefined ? { senderName: sender.senderName } : {}),
      ...(sender.senderEmail !== undefined ? { senderEmail: sender.senderEmail } : {}),
    };
    const row = (
      existing
        ? await query().update({
            where: { id: existing.id },
            data: {
              ...data,
              defaultAudienceId: existing.defaultAudienceId ?? audiences[0]?.id ?? null,
            },
          })
        : await query().create({
            data: { ...data, defaultAudienceId: audiences[0]?.id ?? null, isDefault: false },
          })
    ) as ConnectionRow;
    await ensureOneDefault();
    await audit().record(actor, {
      action: existing
        ? existing.status === 'disconnected'
          ? 'connection.reconnected'
          : 'connection.credentials-updated'
        : 'connection.connected',
      subjectType: 'connection',
      subjectId: row.id,
      after: {
        provider,
        authKind,
        accountName: account.accountName,
        dataCenter: account.dataCenter ?? null,
      },
    });
    getService(strapi, 'contactSync').invalidate();
    await registerWebhooksLater(row.id);
    return view(await findRow(row.id));
  };

  return {
    async list(): Promise<ConnectionView[]> {
      const rows = (await query().findMany({
        orderBy: [{ isDefault: 'desc' }, { id: 'asc' }],
      })) as ConnectionRow[];
      return rows.map(view);
    },

    /** The platforms that can be connected, from the provider registry. */
    providers(): ProviderView[] {
      return providerDescriptions();
    },

    checkApiKey(provider: string, apiKey: string) {
      return factoryFor(provider).checkApiKey(apiKey);
    },

    /** Format first (no call), then a live verification; nothing is stored unless both pass. */
    async connectWithApiKey(input: ConnectInput, actor: AuditActor): Promise<ConnectionView> {
      const check = factoryFor(input.provider).checkApiKey(input.apiKey);
      if (!check.ok) throw fieldError('apiKey', check.reason);
      const credentials: ProviderCredentials = { kind: 'apiKey', apiKey: input.apiKey };
      const provider = providerFor(input.provider, credentials);
      let account: ProviderAccount;
      let audiences: AudienceView[];
      try {
        account = await provider.verify();
        audiences = await toAudienceViews(provider);
      } catch (error) {
        if (isPlatformError(error)) throw explain(error, { previouslyVerified: null });
        throw error;
      }
      return store(input.provider, 'apiKey', credentials, account, audiences, input, actor);
    },

    async connectWithOAuth(
      provider: string,
      credentials: ProviderCredentials,
      actor: AuditActor
    ): Promise<ConnectionView> {
      const platform = providerFor(provider, credentials);
      const account = await platform.verify();
      return store(
        provider,
        'oauth',
        credentials,
        account,
        await toAudienceViews(platform),
        {},
        actor
      );
    },

    /** Verify again: on failure the connection shows the reason; on success the audiences refresh. */
    async verify(id: number, actor: AuditActor): Promise<ConnectionView> {
      const row = await findRow(id);
      const provider = providerFor(row.provider, credentialsOf(row));
      try {
        await provider.verify();
        const audiences = await toAudienceViews(provider);
        await query().update({
          where: { id: row.id },
          data: {
            status: 'connected',
            lastVerifiedAt: new Date().toISOString(),
            lastError: null,
            audiencesCache: audiences,
            audiencesCachedAt: new Date().toISOString(),
          },
        });
      } catch (error) {
        if (!isPlatformError(error)) throw error;
        const explained = explain(error, { previouslyVerified: row.lastVerifiedAt });
        await query().update({
          where: { id: row.id },
          data: { status: 'error', lastError: explained.message },
        });
        await audit().record(actor, {
          action: 'connection.verification-failed',
          subjectType: 'connection',
          subjectId: row.id,
          after: { error: explained.message },
        });
      }
      getService(strapi, 'contactSync').invalidate();
      return view(await findRow(row.id));
    },

    async update(id: number, input: UpdateInput, actor: AuditActor): Promise<ConnectionView> {
      const row = await findRow(id);
      if (row.status === 'disconnected')
        throw new errors.ApplicationError('Reconnect this account before changing its settings.');
      if (
        input.defaultAudienceId &&
        !(row.audiencesCache ?? []).some((a) => a.id === input.defaultAudienceId)
      ) {
        throw fieldError(
          'defaultAudienceId',
          'That audience is not in this account (refresh the audiences and choose again).'
        );
      }
      const before = {
        defaultAudienceId: row.defaultAudienceId,
        senderName: row.senderName,
        senderEmail: row.senderEmail,
      };
      await query().update({ where: { id: row.id }, data: input });
      await audit().record(actor, {
        action: 'connection.settings-changed',
        subjectType: 'connection',
        subjectId: row.id,
        before,
        after: { ...before, ...input },
      });
      getService(strapi, 'contactSync').invalidate();
      // Another default audience may be one no webhook listens to yet.
      if (input.defaultAudienceId && input.defaultAudienceId !== row.defaultAudienceId)
        await getService(strapi, 'webhooks').registerLater(
          row.id,
          `the default audience is now ${input.defaultAudienceId}`
        );
      return view(await findRow(row.id));
    },

    async makeDefault(id: number, actor: AuditActor): Promise<ConnectionView> {
      const row = await findRow(id);
      if (row.status === 'disconnected')
        throw new errors.ApplicationError('A disconnected account cannot be the default.');
      const previous = (await query().findOne({
        where: { isDefault: true },
      })) as ConnectionRow | null;
      await strapi.db.transaction(async () => {
        await query().updateMany({ where: { isDefault: true }, data: { isDefault: false } });
        await query().update({ where: { id: row.id }, data: { isDefault: true } });
      });
      await audit().record(actor, {
        action: 'connection.default-changed',
        subjectType: 'connection',
        subjectId: row.id,
        before: { defaultConnectionId: previous?.id ?? null },
        after: { defaultConnectionId: row.id },
      });
      getService(strapi, 'contactSync').invalidate();
      return view(await findRow(row.id));
    },

    /**
     * Unregisters the plugin's webhooks (best effort, logged), forgets credentials and cached
     * audiences; campaigns, jobs and the audit log stay. Reconnecting the account restores it.
     */
    async disconnect(id: number, actor: AuditActor): Promise<ConnectionView> {
      const row = await findRow(id);
      if (row.status === 'disconnected') return view(row);
      const removed: string[] = [];
      if (row.credentials) {
        const provider = providerFor(row.provider, credentialsOf(row));
        const prefix = `${serverUrl(strapi)}/api/${PLUGIN_ID}/webhooks/`;
        for (const audience of row.audiencesCache ?? []) {
          try {
            for (const hook of await provider.listWebhooks(audience.id)) {
              if (!hook.url.startsWith(prefix)) continue;
              await provider.deleteWebhook(audience.id, hook.id);
              removed.push(hook.id);
            }
          } catch (error) {
            strapi.log.warn(
              `[email-marketing] could not remove webhooks of audience ${audience.id} on disconnect: ${(error as Error).message}`
            );
          }
        }
      }
      await query().update({
        where: { id: row.id },
        data: {
          status: 'disconnected',
          credentials: null,
          isDefault: false,
          audiencesCache: null,
          audiencesCachedAt: null,
          disconnectedAt: new Date().toISOString(),
          lastError: null,
        },
      });
      await ensureOneDefault();
      getService(strapi, 'webhooks').forgetCachedSecrets();
      await audit().record(actor, {
        action: 'connection.disconnected',
        subjectType: 'connection',
        subjectId: row.id,
        after: { accountName: row.accountName, webhooksRemoved: removed.length },
      });
      getService(strapi, 'contactSync').invalidate();
      return view(await findRow(row.id));
    },

    /** The account's audiences with counts, cached for 15 minutes unless `refresh`. */
    async audiences(id: number, { refresh = false } = {}): Promise<AudiencesResponse> {
      const row = await findRow(id);
      const fresh =
        row.audiencesCachedAt && Date.now() - Date.parse(row.audiencesCachedAt) < AUDIENCE_CACHE_MS;
      if (!refresh && fresh && row.audiencesCache)
        return { audiences: row.audiencesCache, cachedAt: row.audiencesCachedAt!, fromCache: true };
      let audiences: AudienceView[];
      try {
        audiences = await toAudienceViews(providerFor(row.provider, credentialsOf(row)));
      } catch (error) {
        if (isPlatformError(error))
          throw explain(error, { previouslyVerified: row.lastVerifiedAt });
        throw error;
      }
      const cachedAt = new Date().toISOString();
      await query().update({
        where: { id: row.id },
        data: { audiencesCache: audiences, audiencesCachedAt: cachedAt },
      });
      return { audiences, cachedAt, fromCache: false };
    },

    /** For features: the provider of a connection, or of the default one (`interactive`: an admin waits, fail fast). */
    async provider(
      id?: number,
      { interactive = false }: { interactive?: boolean } = {}
    ): Promise<{ connection: ConnectionView; provider: EmailMarketingProvider }> {
      const row =
        id !== undefined
          ? await findRow(id)
          : ((await query().findOne({ where: { isDefault: true } })) as ConnectionRow | null);
      if (!row || row.status === 'disconnected')
        throw new errors.ApplicationError(
          'No platform is connected: connect one in Settings › Email marketing.'
        );
      return {
        connection: view(row),
        provider: providerFor(row.provider, credentialsOf(row), interactive),
      };
    },
  };
};

export default connections;
