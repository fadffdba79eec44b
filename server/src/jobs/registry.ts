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

export interface HandlerOptions {
  /** Overrides `jobs.maxAttempts` for this type. */
  maxAttempts?: number;
}

interface Registered {
  handler: JobHandler;
  options: HandlerOptions;
}

/** Handlers by job type. Per process: a worker only claims types it can run. */
export class HandlerRegistry {
  private readonly handlers = new Map<string, Registered>();
  private readonly listeners = new Set<() => void>();

  register<P>(type: string, handler: JobHandler<P>, options: HandlerOptions = {}): void {
    this.handlers.set(type, { handler: handler as JobHandler, options });
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
