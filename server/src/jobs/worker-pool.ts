import { hostname } from 'os';
import { randomBytes } from 'crypto';
import type { JobsConfig } from '../config';
import { decideFailure } from './outcome';
import type { BatchJobHandler, HandlerRegistry, JobContext } from './registry';
import type { JobRecord, JobStore } from './store';

export interface Logger {
  debug(message: string): void;
  info(message: string): void;
  warn(message: string): void;
  error(message: string): void;
}

/** Observations for the benchmark and tests: when a claim started and how long it took. */
export interface WorkerPoolHooks {
  onClaim?(latencyMs: number, job: JobRecord | null): void;
}

/** This process' identity in lease_owner: readable in the Activity page, unique per boot. */
export const processIdentity = (): string =>
  `${hostname()}:${process.pid}:${randomBytes(3).toString('hex')}`;

/**
 * `concurrency` loops in this process, each claiming one job at a time. Idle loops sleep until
 * a local enqueue wakes them or `pollIntervalMs` passes (jobs written by other processes).
 */
export class WorkerPool {
  private stopping = false;
  private loops: Promise<void>[] = [];
  private sleepers = new Set<() => void>();
  private readonly running = new Map<number, { owner: string; abort: AbortController }>();
  private claims = 0;
  /** One timer for the earliest delayed job enqueued here (see wakeAt). */
  private timer: { at: number; handle: NodeJS.Timeout } | null = null;

  constructor(
    private readonly store: JobStore,
    private readonly registry: HandlerRegistry,
    private readonly config: JobsConfig,
    private readonly identity: string,
    private readonly log: Logger,
    private readonly hooks: WorkerPoolHooks = {}
  ) {}

  start(): void {
    this.stopping = false;
    for (let slot = 0; slot < this.config.concurrency; slot += 1) this.loops.push(this.loop());
  }

  /** Wakes idle loops at once (a local enqueue just committed). */
  wake(): void {
    const sleepers = [...this.sleepers];
    this.sleepers.clear();
    sleepers.forEach((resume) => resume());
  }

  /**
   * A local job was enqueued to run at `runAt`: due now wakes idle loops at once; a delayed
   * one wakes them when it falls due (one timer, the earliest), not now for a claim that
   * would find nothing; a save that enqueues a delayed job then costs no claim queries.
   */
  wakeAt(runAt: Date): void {
    const at = runAt.getTime();
    if (at <= Date.now()) return this.wake();
    if (this.timer && this.timer.at <= at) return;
    if (this.timer) clearTimeout(this.timer.handle);
    const handle = setTimeout(() => {
      this.timer = null;
      this.wake();
    }, at - Date.now());
    handle.unref();
    this.timer = { at, handle };
  }

  get activeJobIds(): number[] {
    return [...this.running.keys()];
  }

  /**
   * Stops claiming, lets running jobs finish for `shutdownGraceMs`, then aborts the rest and
   * releases their leases so another process takes them over at once.
   */
  async stop(): Promise<void> {
    this.stopping = true;
    if (this.timer) clearTimeout(this.timer.handle);
    this.timer = null;
    this.wake();
    const finished = Promise.all(this.loops);
    let timer: NodeJS.Timeout | undefined;
    const grace = new Promise<'timeout'>((resolve) => {
      timer = setTimeout(() => resolve('timeout'), this.config.shutdownGraceMs);
    });
    const outcome = await Promise.race([finished.then(() => 'finished' as const), grace]);
    clearTimeout(timer);
    if (outcome === 'timeout') {
      for (const [id, { owner, abort }] of this.running) {
        abort.abort(new Error('shutting down'));
        await this.store.release(id, owner).catch(() => undefined);
        this.log.warn(`job ${id} released on shutdown; another worker will resume it`);
      }
    }
    // A handler that ignores its abort signal must not hold Strapi's shutdown forever.
    await Promise.race([finished, new Promise((resolve) => setTimeout(resolve, 1000).unref())]);
    this.loops = [];
  }

  private sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const resume = () => {
        clearTimeout(timer);
        this.sleepers.delete(resume);
        resolve();
      };
      const timer = setTimeout(resume, ms);
      this.sleepers.add(resume);
    });
  }

  private async loop(): Promise<void> {
    while (!this.stopping) {
      let job: JobRecord | null = null;
      const owner = `${this.identity}#${(this.claims += 1)}`;
      const started = performance.now();
      try {
        job = await this.store.claim(owner, this.config.leaseMs, this.registry.types());
      } catch (error) {
        if (this.stopping) break;
        this.log.warn(`job claim failed: ${(error as Error).message}`);
      }
      this.hooks.onClaim?.(performance.now() - started, job);
      if (!job) {
        if (!this.stopping) await this.sleep(this.config.pollIntervalMs);
        continue;
      }
      const batch = this.registry.get(job.type)?.batch;
      if (batch && batch.size > 1) await this.executeBatch(job, owner, batch);
      else await this.execute(job, owner);
    }
  }

  /**
   * A batch handler's job plus up to size-1 more due jobs of its type, run by one call and
   * completed by one statement. If the call fails, each job is run again alone, so one bad
   * payload fails only its own job and the others keep their normal retry budget.
   */
  private async executeBatch(
    first: JobRecord,
    owner: string,
    batch: { size: number; handler: BatchJobHandler }
  ): Promise<void> {
    let more: JobRecord[] = [];
    try {
      more = await this.store.claimMore(owner, this.config.leaseMs, first.type, batch.size - 1);
    } catch (error) {
      this.log.warn(`job batch claim failed: ${(error as Error).message}`);
    }
    if (more.length === 0) return this.execute(first, owner);
    const jobs = [first, ...more];
    const ids = jobs.map((j) => j.id);
    const abort = new AbortController();
    for (const job of jobs) this.running.set(job.id, { owner, abort });
    const heartbeat = setInterval(
      () => {
        this.store
          .renewMany(ids, owner, this.config.leaseMs)
          .catch((error: Error) => this.log.warn(`job batch lease renewal: ${error.message}`));
      },
      Math.max(100, Math.floor(this.config.leaseMs / 3))
    );
    let ok = false;
    try {
      const typeMax = this.registry.get(first.type)?.options.maxAttempts;
      const maxAttempts = (j: JobRecord) => j.maxAttempts ?? typeMax ?? this.config.maxAttempts;
      // A job past its attempts (its process kept dying) is settled alone, as execute does.
      if (jobs.every((j) => j.attempts <= maxAttempts(j))) {
        const context: JobContext = {
          job: first,
          cursor: null,
          signal: abort.signal,
          progress: async () => undefined,
          checkpoint: async () => undefined,
        };
        const result = await batch.handler(
          jobs.map((j) => j.payload),
          context
        );
        const summary =
          result && typeof result === 'object' && !Array.isArray(result)
            ? { batch: jobs.length, ...result }
            : { batch: jobs.length, result: result ?? null };
        if ((await this.store.completeMany(ids, owner, summary)) < ids.length)
          this.log.debug('job batch finished after losing some leases; their results not kept');
        ok = true;
      }
    } catch (error) {
      if (abort.signal.aborted && this.stopping) return;
      this.log.debug(
        `job batch of ${jobs.length} failed (${(error as Error).message}); one by one`
      );
    } finally {
      clearInterval(heartbeat);
      for (const id of ids) this.running.delete(id);
    }
    if (!ok) for (const job of jobs) await this.execute(job, owner);
  }

  private async execute(job: JobRecord, owner: string): Promise<void> {
    const registered = this.registry.get(job.type);
    const maxAttempts =
      job.maxAttempts ?? registered?.options.maxAttempts ?? this.config.maxAttempts;
    const abort = new AbortController();
    this.running.set(job.id, { owner, abort });
    const lost = () => abort.abort(new Error('lease lost (cancelled or taken over)'));
    const heartbeat = setInterval(
      () => {
        this.store
          .renew(job.id, owner, this.config.leaseMs)
          .then((ours) => ours || lost())
          .catch((error: Error) => this.log.warn(`job ${job.id} lease renewal: ${error.message}`));
      },
      Math.max(100, Math.floor(this.config.leaseMs / 3))
    );
    try {
      if (!registered) throw new Error(`no handler registered for job type "${job.type}"`);
      if (job.attempts > maxAttempts) {
        // Claimed through an expired lease after the last allowed attempt: the job keeps
        // killing its process (or timing out), so it stops here.
        await this.store.fail(job.id, owner, {
          status: 'dead',
          error: {
            message: `lease expired on attempt ${job.attempts - 1} of ${maxAttempts}`,
            retryable: false,
            attempt: job.attempts - 1,
            at: new Date().toISOString(),
          },
        });
        return;
      }
      const context: JobContext = {
        job: {
          id: job.id,
          documentId: job.documentId,
          type: job.type,
          attempts: job.attempts,
          dedupeKey: job.dedupeKey,
        },
        cursor: job.cursor,
        signal: abort.signal,
        progress: async (done, total) => {
          if (!(await this.store.progress(job.id, owner, { done, total }, this.config.leaseMs)))
            lost();
        },
        checkpoint: async (cursor, progress) => {
          const update = { cursor, done: progress?.done, total: progress?.total };
          if (!(await this.store.progress(job.id, owner, update, this.config.leaseMs))) lost();
        },
      };
      const result = await registered.handler(job.payload, context);
      if (!(await this.store.complete(job.id, owner, result ?? null)))
        this.log.debug(`job ${job.id} finished after losing its lease; result not recorded`);
    } catch (error) {
      if (abort.signal.aborted && this.stopping) return; // released by stop()
      const outcome = decideFailure({
        error,
        attempt: job.attempts,
        maxAttempts,
        backoffBaseMs: this.config.backoffBaseMs,
        backoffMaxMs: this.config.backoffMaxMs,
        now: new Date(),
      });
      await this.store
        .fail(job.id, owner, outcome)
        .catch((storeError: Error) =>
          this.log.error(`job ${job.id}: could not record failure: ${storeError.message}`)
        );
      if (outcome.status !== 'queued')
        this.log.warn(`job ${job.id} (${job.type}) ${outcome.status}: ${outcome.error.message}`);
    } finally {
      clearInterval(heartbeat);
      this.running.delete(job.id);
    }
  }
}
