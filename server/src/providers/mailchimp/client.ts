import http from 'http';
import https from 'https';
import axios, { type AxiosInstance, type AxiosRequestConfig, isAxiosError } from 'axios';
import { isPlatformError, type PlatformError } from '../errors';
import { parseApiKey } from './api-key';
import { fromAxiosError, mailchimpError } from './errors';
import { limiterFor, type Limiter } from './limiter';
import { DEFAULT_RETRY, nextDelay, sleep, type RetryPolicy } from './retry';
import { subscriberHash } from './subscriber-hash';
import type * as T from './types';

export type MailchimpCredentials =
  | { kind: 'apiKey'; apiKey: string }
  /** OAuth: the token and the `api_endpoint` from the metadata call (https://us6.api.mailchimp.com). */
  | { kind: 'oauth'; accessToken: string; apiEndpoint: string };

export interface MailchimpClientOptions {
  credentials: MailchimpCredentials;
  /**
   * Where the API lives, `{dc}` replaced by the key's data center. Default Mailchimp's
   * `https://{dc}.api.mailchimp.com/3.0`; the simulator's is `http://127.0.0.1:<port>/{dc}/3.0`.
   */
  apiRoot?: string;
  /** Requests in flight for this credential across the process (default 8, at most 10). */
  concurrency?: number;
  retry?: Partial<RetryPolicy>;
  /** Per attempt; Mailchimp's own limit is 120 s. */
  timeoutMs?: number;
  /** Called before each retry: for logs and metrics. */
  onRetry?: (info: {
    attempt: number;
    delayMs: number;
    error: PlatformError;
    operation: string;
  }) => void;
}

export const DEFAULT_API_ROOT = 'https://{dc}.api.mailchimp.com/3.0';

interface RequestOptions {
  query?: Record<string, string | number | boolean | undefined>;
  body?: unknown;
  /**
   * Whether repeating the call after an unknown outcome (timeout, reset, 5xx) is harmless.
   * Non-idempotent calls (creating a campaign, sending) retry only when Mailchimp certainly
   * did not act: 429 and refused connections.
   */
  idempotent?: boolean;
}

const CERTAINLY_NOT_PROCESSED = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN']);

/**
 * The one Mailchimp client: tests, the demo and production all go through it. One instance per
 * connection; all instances for one credential share one concurrency limiter.
 */
export class MailchimpClient {
  readonly dc: string;
  readonly baseURL: string;
  private readonly http: AxiosInstance;
  private readonly limiter: Limiter;
  private readonly retry: RetryPolicy;
  private readonly onRetry?: MailchimpClientOptions['onRetry'];

  constructor(options: MailchimpClientOptions) {
    const { credentials } = options;
    let auth: AxiosRequestConfig['auth'];
    let headers: Record<string, string> = {};
    let secret: string;
    if (credentials.kind === 'apiKey') {
      const parsed = parseApiKey(credentials.apiKey);
      if (!parsed.ok)
        throw mailchimpError({
          kind: 'auth',
          body: { title: 'API Key Invalid', detail: parsed.reason },
        });
      this.dc = parsed.value.dc;
      this.baseURL = (options.apiRoot ?? DEFAULT_API_ROOT).replace('{dc}', this.dc);
      auth = { username: 'strapi', password: parsed.value.key };
      secret = parsed.value.key;
    } else {
      this.dc =
        /\/\/(us\d+)\./.exec(credentials.apiEndpoint)?.[1] ??
        /\/(us\d+)$/.exec(credentials.apiEndpoint)?.[1] ??
        '';
      this.baseURL = `${credentials.apiEndpoint.replace(/\/+$/, '')}/3.0`;
      headers = { Authorization: `OAuth ${credentials.accessToken}` };
      secret = credentials.accessToken;
    }
    const concurrency = options.concurrency ?? 8;
    if (!Number.isInteger(concurrency) || concurrency < 1 || concurrency > 10) {
      throw new RangeError(
        `Mailchimp allows 10 simultaneous connections; concurrency must be 1–10, got ${concurrency}`
      );
    }
    this.limiter = limiterFor(secret, concurrency);
    this.retry = { ...DEFAULT_RETRY, ...options.retry };
    this.onRetry = options.onRetry;
    this.http = axios.create({
      baseURL: this.baseURL,
      auth,
      headers: {
        ...headers,
        'Content-Type': 'application/json',
        'User-Agent': 'strapi-plugin-email-marketing',
      },
      timeout: options.timeoutMs ?? 120_000,
      // Reused connections: no TCP/TLS handshake per call, and no more sockets than slots.
      httpAgent: new http.Agent({ keepAlive: true, maxSockets: concurrency }),
      httpsAgent: new https.Agent({ keepAlive: true, maxSockets: concurrency }),
      // A timeout surfaces as ETIMEDOUT (transient, retried) instead of a generic abort.
      transitional: { clarifyTimeoutError: true },
    });
  }

  /** Requests in flight right now for this credential, and the most seen at once. */
  get concurrencyStats() {
    return { inFlight: this.limiter.inFlight, peak: this.limiter.peak, max: this.limiter.max };
  }

  async request<R>(
    method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE',
    path: string,
    options: RequestOptions = {}
  ): Promise<R> {
    const idempotent = options.idempotent ?? method !== 'POST';
    const started = Date.now();
    const operation = `${method} ${path}`;
    for (let attempt = 0; ; attempt++) {
      try {
        // A slot is held per attempt, not across backoff sleeps, so waiting never blocks others.
        const response = await this.limiter.run(() =>
          this.http.request<R>({ method, url: path, params: options.query, data: options.body })
        );
        return response.data;
      } catch (raw) {
        const error = isAxiosError(raw) ? fromAxiosError(raw) : isPlatformError(raw) ? raw : null;
        if (!error) throw raw;
        const networkCode = isAxiosError(raw) && !raw.response ? raw.code : undefined;
        const retryable =
          error.retryable &&
          (idempotent ||
            error.kind === 'rate_limit' ||
            (networkCode !== undefined && CERTAINLY_NOT_PROCESSED.has(networkCode)));
        const delayMs = nextDelay(attempt, this.retry, error.retryAfterMs);
        const outOfBudget =
          attempt + 1 >= this.retry.maxAttempts ||
          Date.now() - started + delayMs > this.retry.maxElapsedMs;
        if (!retryable || outOfBudget) throw error;
        this.onRetry?.({ attempt: attempt + 1, delayMs, error, operation });
        await sleep(delayMs);
      }
    }
  }

  // ---- account ----------------------------------------------------------------------------

  ping = () => this.request<T.Ping>('GET', '/ping');
  getAccount = () => this.request<T.AccountInfo>('GET', '/');

  // ---- audiences and merge fields -----------------------------------------------------------

  getAudiences = (page: { count?: number; offset?: number } = {}) =>
    this.request<T.AudiencesPage>('GET', '/lists', {
      query: { count: page.count ?? 1000, offset: page.offset ?? 0 },
    });
  getAudience = (listId: string) => this.request<T.Audience>('GET', `/lists/${listId}`);
  getMergeFields = (listId: string) =>
    this.request<T.MergeFieldsPage>('GET', `/lists/${listId}/merge-fields`, {
      query: { count: 1000 },
    });
  createMergeField = (listId: string, field: T.NewMergeField) =>
    this.request<T.MergeField>('POST', `/lists/${listId}/merge-fields`, { body: field });

  // ---- members ----------------------------------------------------------------------------

  getMember = (listId: string, email: string) =>
    this.request<T.Member>('GET', `/lists/${listId}/members/${subscriberHash(email)}`);

  /** Creates with `status_if_new`, updates without touching status unless `status` is given. */
  upsertMember = (listId: string, member: T.MemberUpsert) =>
    this.request<T.Member>(
      'PUT',
      `/lists/${listId}/members/${subscriberHash(member.email_address)}`,
      { body: member }
    );

  /** A recorded consent change: the only way the plugin changes a remote status. */
  setMemberStatus = (listId: string, email: string, status: T.MemberStatus) =>
    this.request<T.Member>('PATCH', `/lists/${listId}/members/${subscriberHash(email)}`, {
      body: { status },
    });

  archiveMember = (listId: string, email: string) =>
    this.request<void>('DELETE', `/lists/${listId}/members/${subscriberHash(email)}`);

  deleteMemberPermanently = (listId: string, email: string) =>
    this.request<void>(
      'POST',
      `/lists/${listId}/members/${subscriberHash(email)}/actions/delete-permanent`,
      { idempotent: true }
    );

  getMembers = (listId: string, query: T.MembersQuery & { count?: number; offset?: number } = {}) =>
    this.request<T.MembersPage>('GET', `/lists/${listId}/members`, { query: { ...query } });

  /** Batch subscribe (≤500). Used with update_existing:false only: see bulk-upsert.ts. */
  batchSubscribe = (
    listId: string,
    members: T.BatchSubscribeMember[],
    options: { updateExisting: false }
  ) =>
    this.request<T.BatchSubscribeResult>('POST', `/lists/${listId}`, {
      body: { members, update_existing: options.updateExisting },
      // Repeating it is harmless: members created by a lost first attempt come back as "exists".
      idempotent: true,
    });

  setTags = (
    listId: string,
    email: string,
    tags: Array<{ name: string; status: 'active' | 'inactive' }>
  ) =>
    this.request<void>('POST', `/lists/${listId}/members/${subscriberHash(email)}/tags`, {
      body: { tags },
      idempotent: true,
    });

  // ---- static segments --------------------------------------------------------------------

  getSegments = (
    listId: string,
    query: { type?: 'saved' | 'static'; count?: number; offset?: number } = {}
  ) =>
    this.request<T.SegmentsPage>('GET', `/lists/${listId}/segments`, {
      query: { count: 1000, ...query },
    });
  createStaticSegment = (listId: string, name: string, emails: string[] = []) =>
    this.request<T.Segment>('POST', `/lists/${listId}/segments`, {
      body: { name, static_segment: emails },
    });
  updateSegmentMembers = (
    listId: string,
    segmentId: number,
    change: { add?: string[]; remove?: string[] }
  ) =>
    this.request<T.SegmentMembersResult>('POST', `/lists/${listId}/segments/${segmentId}`, {
      body: { members_to_add: change.add ?? [], members_to_remove: change.remove ?? [] },
      idempotent: true,
    });
  getSegment = (listId: string, segmentId: number) =>
    this.request<T.Segment>('GET', `/lists/${listId}/segments/${segmentId}`);
  /** Renames only: a PATCH with `static_segment` would replace every member. */
  renameSegment = (listId: string, segmentId: number, name: string) =>
    this.request<T.Segment>('PATCH', `/lists/${listId}/segments/${segmentId}`, {
      body: { name },
    });
  getSegmentMembers = (
    listId: string,
    segmentId: number,
    page: { count?: number; offset?: number } = {}
  ) =>
    this.request<T.MembersPage>('GET', `/lists/${listId}/segments/${segmentId}/members`, {
      query: { count: page.count ?? 1000, offset: page.offset ?? 0 },
    });
  deleteSegment = (listId: string, segmentId: number) =>
    this.request<void>('DELETE', `/lists/${listId}/segments/${segmentId}`);

  // ---- webhooks ---------------------------------------------------------------------------

  getWebhooks = (listId: string) =>
    this.request<T.WebhooksPage>('GET', `/lists/${listId}/webhooks`);
  createWebhook = (listId: string, webhook: Omit<T.Webhook, 'id' | 'list_id'>) =>
    this.request<T.Webhook>('POST', `/lists/${listId}/webhooks`, { body: webhook });
  updateWebhook = (
    listId: string,
    webhookId: string,
    change: Partial<Omit<T.Webhook, 'id' | 'list_id'>>
  ) => this.request<T.Webhook>('PATCH', `/lists/${listId}/webhooks/${webhookId}`, { body: change });
  deleteWebhook = (listId: string, webhookId: string) =>
    this.request<void>('DELETE', `/lists/${listId}/webhooks/${webhookId}`);

  // ---- batch operations -------------------------------------------------------------------

  /** Safe to repeat when no operation is a POST: a duplicate batch re-applies the same PUTs. */
  createBatch = (operations: T.BatchOperation[]) =>
    this.request<T.BatchStatus>('POST', '/batches', {
      body: { operations },
      idempotent: operations.every((op) => op.method !== 'POST'),
    });
  getBatch = (batchId: string) => this.request<T.BatchStatus>('GET', `/batches/${batchId}`);

  /** Downloads a finished batch's results (a plain URL, no API auth: it is a signed link). */
  downloadBatchResults = async (url: string): Promise<Buffer> => {
    const response = await this.limiter.run(() =>
      axios.get<ArrayBuffer>(url, { responseType: 'arraybuffer', timeout: 120_000 })
    );
    return Buffer.from(response.data);
  };

  // ---- campaigns and reports ----------------------------------------------------------------

  createCampaign = (campaign: T.CampaignInput) =>
    this.request<T.Campaign>('POST', '/campaigns', { body: campaign });
  updateCampaign = (campaignId: string, change: Partial<T.CampaignInput>) =>
    this.request<T.Campaign>('PATCH', `/campaigns/${campaignId}`, { body: change });
  getCampaign = (campaignId: string) => this.request<T.Campaign>('GET', `/campaigns/${campaignId}`);
  deleteCampaign = (campaignId: string) => this.request<void>('DELETE', `/campaigns/${campaignId}`);
  setCampaignContent = (campaignId: string, content: { html: string; plain_text?: string }) =>
    this.request<T.CampaignContent>('PUT', `/campaigns/${campaignId}/content`, { body: content });
  getCampaignContent = (campaignId: string) =>
    this.request<T.CampaignContent>('GET', `/campaigns/${campaignId}/content`);
  getSendChecklist = (campaignId: string) =>
    this.request<T.SendChecklist>('GET', `/campaigns/${campaignId}/send-checklist`);
  sendTest = (campaignId: string, emails: string[], sendType: 'html' | 'plaintext' = 'html') =>
    this.request<void>('POST', `/campaigns/${campaignId}/actions/test`, {
      body: { test_emails: emails, send_type: sendType },
    });
  send = (campaignId: string) =>
    this.request<void>('POST', `/campaigns/${campaignId}/actions/send`);
  /** `at` must fall on a quarter hour (UTC); Mailchimp refuses anything else. */
  schedule = (campaignId: string, at: Date) =>
    this.request<void>('POST', `/campaigns/${campaignId}/actions/schedule`, {
      body: { schedule_time: at.toISOString() },
      idempotent: true,
    });
  unschedule = (campaignId: string) =>
    this.request<void>('POST', `/campaigns/${campaignId}/actions/unschedule`, { idempotent: true });
  cancelSend = (campaignId: string) =>
    this.request<void>('POST', `/campaigns/${campaignId}/actions/cancel-send`, {
      idempotent: true,
    });
  getReport = (campaignId: string) =>
    this.request<T.CampaignReport>('GET', `/reports/${campaignId}`);
  getEmailActivity = (campaignId: string, page: { count?: number; offset?: number } = {}) =>
    this.request<T.EmailActivityPage>('GET', `/reports/${campaignId}/email-activity`, {
      query: { count: page.count ?? 1000, offset: page.offset ?? 0 },
    });
}
