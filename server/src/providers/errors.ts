/**
 * The one error every provider throws. `kind` decides what the job engine does with it:
 * rate_limit and transient are retried (honouring retryAfterMs); the rest are permanent.
 */
export type PlatformErrorKind =
  | 'auth'
  | 'validation'
  | 'not_found'
  | 'rate_limit'
  | 'transient'
  | 'compliance'
  | 'forgotten';

export interface FieldError {
  field: string;
  message: string;
}

export interface PlatformErrorInit {
  kind: PlatformErrorKind;
  provider: string;
  status?: number;
  title?: string;
  detail?: string;
  instance?: string;
  fieldErrors?: FieldError[];
  retryAfterMs?: number;
  /** What a Strapi admin can do about it; becomes `message`. */
  message: string;
}

const RETRYABLE: ReadonlySet<PlatformErrorKind> = new Set(['rate_limit', 'transient']);

export const isRetryableKind = (kind: PlatformErrorKind): boolean => RETRYABLE.has(kind);

export class PlatformError extends Error {
  readonly kind: PlatformErrorKind;
  readonly provider: string;
  readonly status?: number;
  readonly title?: string;
  readonly detail?: string;
  readonly instance?: string;
  readonly fieldErrors: FieldError[];
  readonly retryAfterMs?: number;

  constructor(init: PlatformErrorInit) {
    super(init.message);
    this.name = 'PlatformError';
    this.kind = init.kind;
    this.provider = init.provider;
    this.status = init.status;
    this.title = init.title;
    this.detail = init.detail;
    this.instance = init.instance;
    this.fieldErrors = init.fieldErrors ?? [];
    this.retryAfterMs = init.retryAfterMs;
  }

  get retryable(): boolean {
    return isRetryableKind(this.kind);
  }

  /** A plain object safe to store in a job's lastError or an audit event. */
  toJSON() {
    return {
      name: this.name,
      kind: this.kind,
      provider: this.provider,
      status: this.status,
      title: this.title,
      detail: this.detail,
      instance: this.instance,
      fieldErrors: this.fieldErrors,
      message: this.message,
    };
  }
}

export const isPlatformError = (error: unknown): error is PlatformError =>
  error instanceof PlatformError;
