import http from 'http';
import https from 'https';
import axios, { type AxiosInstance, isAxiosError } from 'axios';
import { retryDelayMs } from '../../jobs/backoff';
import { isPlatformError, type PlatformError } from '../errors';
import { fromAxiosError, klaviyoError } from './errors';
import { semaphoreFor, type Semaphore } from './limiter';
import type { Collection, Document } from './types';

/** The API revision this client speaks (the klaviyo-api 23.0.0 SDK's constant). */
export const REVISION = '2026-07-15';
export const DEFAULT_API_ROOT = 'https://a.klaviyo.com';

export interface RetryPolicy {
  maxAttempts: number;
  baseMs: number;
  maxMs: number;
  maxElapsedMs: number;
}

export const DEFAULT_RETRY: RetryPolicy = {
  maxAttempts: 10,
  baseMs: 500,
  maxMs: 60_000,
  maxElapsedMs: 300_000,
};

export interface KlaviyoClientOptions {
  apiKey: string;
  /** Default https://a.klaviyo.com; the simulator's in tests. */
  apiRoot?: string;
  concurrency?: number;
  retry?: Partial<RetryPolicy>;
  timeoutMs?: number;
  onRetry?: (info: {
    attempt: number;
    delayMs: number;
    error: PlatformError;
    operation: string;
  }) => void;
}

type Method = 'GET' | 'POST' | 'PATCH' | 'DELETE';
type Query = Record<string, string | number | undefined>;

const CERTAINLY_NOT_PROCESSED = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN']);

/** The one Klaviyo HTTP client: auth, revision header, JSON:API, retries honouring Retry-After. */
export class KlaviyoClient {
  readonly baseURL: string;
  private readonly http: AxiosInstance;
  private readonly semaphore: Semaphore;
  private readonly retry: RetryPolicy;
  private readonly onRetry?: KlaviyoClientOptions['onRetry'];

  constructor(options: KlaviyoClientOptions) {
    this.baseURL = (options.apiRoot ?? DEFAULT_API_ROOT).replace(/\/+$/, '');
    const concurrency = options.concurrency ?? 8;
    this.semaphore = semaphoreFor(options.apiKey, concurrency);
    this.retry = { ...DEFAULT_RETRY, ...options.retry };
    this.onRetry = options.onRetry;
    this.http = axios.create({
      baseURL: this.baseURL,
      headers: {
        Authorization: `Klaviyo-API-Key ${options.apiKey}`,
        revision: REVISION,
        Accept: 'application/vnd.api+json',
        'Content-Type': 'application/vnd.api+json',
        'User-Agent': 'strapi-plugin-email-marketing',
      },
      timeout: options.timeoutMs ?? 60_000,
      httpAgent: new http.Agent({ keepAlive: true, maxSockets: concurrency }),
      httpsAgent: new https.Agent({ keepAlive: true, maxSockets: concurrency }),
      transitional: { clarifyTimeoutError: true },
      // Klaviyo's filters and field lists are passed as they are: `filter=any(email,["a"])`.
      paramsSerializer: { serialize: (params: Query) => serialize(params) },
    });
  }

  /**
   * One call with retries: 429 always (after Retry-After), 5xx and network errors only when
   * repeating is harmless (`idempotent`, default: not POST) or Klaviyo certainly did not act.
   */
  async request<R>(
    method: Method,
    path: string,
    options: { query?: Query; body?: unknown; idempotent?: boolean } = {}
  ): Promise<R> {
    const idempotent = options.idempotent ?? method !== 'POST';
    const started = Date.now();
    const operation = `${method} ${path.split('?')[0]}`;
    for (let attempt = 1; ; attempt++) {
      try {
        const response = await this.semaphore.run(() =>
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
        const delayMs = retryDelayMs({
          attempt,
          baseMs: this.retry.baseMs,
          maxMs: this.retry.maxMs,
          retryAfterMs: error.retryAfterMs,
        });
        const outOfBudget =
          attempt >= this.retry.maxAttempts ||
          Date.now() - started + delayMs > this.retry.maxElapsedMs;
        if (!retryable || outOfBudget) throw error;
        this.onRetry?.({ attempt, delayMs, error, operation });
        await new Promise((resolve) => setTimeout(resolve, delayMs));
      }
    }
  }

  get = <R>(path: string, query?: Query) => this.request<R>('GET', path, { query });
  post = <R>(path: string, body: unknown, idempotent = false) =>
    this.request<R>('POST', path, { body, idempotent });
  patch = <R>(path: string, body: unknown) => this.request<R>('PATCH', path, { body });
  delete = (path: string, body?: unknown) => this.request<void>('DELETE', path, { body });

  /** Every resource of a collection, following `links.next` (cursor paging). */
  async *paginate<A>(path: string, query: Query): AsyncGenerator<Document<A>> {
    let page = await this.get<Collection<A>>(path, query);
    for (;;) {
      for (const item of page.data) yield item;
      const next = page.links?.next;
      if (!next) return;
      // The next link is absolute on Klaviyo's host; keep our root (a proxy or the simulator).
      const url = new URL(next);
      page = await this.get<Collection<A>>(`${url.pathname}${url.search}`);
    }
  }
}

const serialize = (params: Query) =>
  Object.entries(params)
    .filter((entry): entry is [string, string | number] => entry[1] !== undefined)
    .map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(String(v))}`)
    .join('&');

/** A value for a Klaviyo filter string: double-quoted with quotes escaped. */
export const quote = (value: string) => `"${value.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;

export const notFound = (what: string) =>
  klaviyoError({ kind: 'not_found', status: 404, items: [{ title: 'Not found.', detail: what }] });
