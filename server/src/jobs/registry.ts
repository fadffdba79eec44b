import type { JobRecord } from './store';

/** What a handler gets besides its payload. */
export interface JobContext {
  job: Readonly<Pick<JobRecord, 'id' | 'documentId' | 'type' | 'attempts' | 'dedupeKey'>>;
  /** Where the previous attempt stopped (what it passed to `checkpoint`), or null. */
  cursor: unknown;
  /** Aborted when the job is cancelled, its lease is lost, or the process is stopping. */
  signal: AbortSignal;
  /** Records done/total for the Activity page (and renews the lease). */
  progress(done: number, total?: number | null): Promise<void>;
  /** Saves a resume point (and progress) so a retried or reclaimed job continues from it. */
  checkpoint(cursor: unknown, progress?: { done: number; total?: number | null }): Promise<void>;
}

/** A handler's return value is stored as the job's result (keep it small). */
export type JobHandler<P = unknown> = (payload: P, context: JobContext) => Promise<unknown>;

/**
 * Runs many queued jobs of one type at once (their payloads in claim order). It must be safe to
 * run again for any of them: a failed batch is retried job by job, each with its own outcome.
 */
export type BatchJobHandler<P = unknown> = (payloads: P[], context: JobContext) => Promise<unknown>;

export interface HandlerOptions {
  /** Overrides `jobs.maxAttempts` for this type. */
  maxAttempts?: number;
}

export interface BatchOptions extends HandlerOptions {
  /** At most this many due jobs per claim. */
  batchSize: number;
}

interface Registered {
  handler: JobHandler;
  options: HandlerOptions;
  batch?: { size: number; handler: BatchJobHandler };
}

/** Handlers by job type. Per process: a worker only claims types it can run. */
export class HandlerRegistry {
  private readonly handlers = new Map<string, Registered>();
  private readonly listeners = new Set<() => void>();

  register<P>(type: string, handler: JobHandler<P>, options: HandlerOptions = {}): void {
    this.handlers.set(type, { handler: handler as JobHandler, options });
    this.listeners.forEach((listener) => listener());
  }

  /** A type whose due jobs are claimed and run up to `batchSize` at a time. */
  registerBatch<P>(type: string, handler: BatchJobHandler<P>, options: BatchOptions): void {
    const { batchSize, ...rest } = options;
    this.handlers.set(type, {
      handler: (payload, context) => handler([payload as P], context),
      options: rest,
      batch: { size: batchSize, handler: handler as BatchJobHandler },
    });
    this.listeners.forEach((listener) => listener());
  }

  unregister(type: string): void {
    this.handlers.delete(type);
  }

  get(type: string): Registered | undefined {
    return this.handlers.get(type);
  }

  has(type: string): boolean {
    return this.handlers.has(type);
  }

  types(): string[] {
    return [...this.handlers.keys()];
  }

  /** Called on every registration (wakes idle workers: a new type may have due jobs). */
  onChange(listener: () => void): void {
    this.listeners.add(listener);
  }
}
