import type { Core } from '@strapi/strapi';
import type { Knex } from 'knex';
import type { JobsConfig, ScheduledTaskConfig } from '../config';
import type { JobList, JobStatus, JobView, ScheduledTaskView } from '../types/jobs';
import type { BatchJobHandler, BatchOptions, HandlerOptions, JobHandler } from './registry';
import { HandlerRegistry } from './registry';
import { Scheduler } from './scheduler';
import { slotIso } from './slot';
import { JobStore, type InsertResult } from './store';
import { toJobView } from './view';
import { processIdentity, WorkerPool, type WorkerPoolHooks } from './worker-pool';

export interface EnqueueOptions {
  /** Coalesce with a job of this key while it is still queued (its payload is replaced). */
  dedupeKey?: string;
  /** Insert at most once, ever (cron slots): a second enqueue returns the first job. */
  uniqueKey?: string;
  runAt?: Date;
  /** Shorthand for runAt = now + delayMs (e.g. a debounce for contact pushes). */
  delayMs?: number;
  /** Higher runs first; default 0. */
  priority?: number;
  maxAttempts?: number;
  /**
   * 'join' (default): inside `strapi.db.transaction(...)` the job commits or rolls back with
   * the caller's writes. 'none': always its own statement (never use it inside a transaction
   * on SQLite: its single connection is held by the transaction).
   */
  transaction?: 'join' | 'none';
}

export interface EngineSettings {
  jobs: JobsConfig;
  scheduler: boolean;
  schedule: Record<string, ScheduledTaskConfig>;
}

/** The type the built-in retention task runs. */
export const CLEANUP_JOB_TYPE = 'jobs.cleanup';

/**
 * The job engine of one Strapi process: the store (SQL), the handler registry, the workers
 * and the scheduler. The small surface (enqueue, registerHandler, list, retry, cancel) is what
 * features use, so the storage could later be swapped for an established queue.
 */
export class JobEngine {
  readonly store: JobStore;
  readonly registry = new HandlerRegistry();
  readonly identity = processIdentity();
  private pool: WorkerPool | null = null;
  private scheduler: Scheduler;
  private started = false;
  hooks: WorkerPoolHooks = {};

  constructor(
    private readonly strapi: Core.Strapi,
    private readonly settings: EngineSettings
  ) {
    this.store = new JobStore(strapi);
    this.scheduler = new Scheduler(
      settings.schedule,
      this.registry,
      (name, task, slot, key) => this.enqueueSlot(name, task, slot, key),
      strapi.log
    );
    this.registry.register(CLEANUP_JOB_TYPE, async () =>
      this.store.cleanup(this.settings.jobs.retention)
    );
    this.registry.onChange(() => this.pool?.wake());
  }

  get config(): JobsConfig {
    return this.settings.jobs;
  }

  async start(): Promise<void> {
    if (this.started) return;
    this.started = true;
    await this.store.ensureIndexes();
    if (this.settings.jobs.runWorkers) {
      this.pool = new WorkerPool(
        this.store,
        this.registry,
        this.settings.jobs,
        this.identity,
        this.strapi.log,
        this.hooks
      );
      this.pool.start();
    }
    if (this.settings.scheduler) this.scheduler.start();
  }

  /** Plugin destroy: no new ticks, no new claims; running jobs finish or are released. */
  async stop(): Promise<void> {
    if (!this.started) return;
    this.started = false;
    await this.scheduler.stop();
    await this.pool?.stop();
    this.pool = null;
  }

  registerHandler<P>(type: string, handler: JobHandler<P>, options?: HandlerOptions): void {
    this.registry.register(type, handler, options);
  }

  /** Jobs of `type` are claimed up to `batchSize` at a time and run by one handler call. */
  registerBatchHandler<P>(type: string, handler: BatchJobHandler<P>, options: BatchOptions): void {
    this.registry.registerBatch(type, handler, options);
  }

  async enqueue(
    type: string,
    payload: unknown,
    options: EnqueueOptions = {}
  ): Promise<InsertResult> {
    if (options.dedupeKey && options.uniqueKey)
      throw new Error('enqueue: pass either dedupeKey or uniqueKey, not both');
    const now = new Date();
    const job = {
      type,
      payload,
      dedupeKey: options.dedupeKey,
      uniqueKey: options.uniqueKey,
      runAt: options.runAt ?? new Date(now.getTime() + (options.delayMs ?? 0)),
      priority: options.priority ?? 0,
      maxAttempts: options.maxAttempts,
    };
    if (options.transaction !== 'none' && this.strapi.db.inTransaction()) {
      // Nested `transaction(cb)` reuses the caller's knex transaction (AsyncLocalStorage) and
      // shares its commit callbacks, so idle workers are woken only once the row is visible.
      return this.strapi.db.transaction(async ({ trx, onCommit }) => {
        const result = await this.store.insert(job, trx as Knex, now);
        onCommit(() => this.pool?.wakeAt(job.runAt));
        return result;
      });
    }
    const result = await this.store.insert(job, undefined, now);
    this.pool?.wakeAt(job.runAt);
    return result;
  }

  private async enqueueSlot(
    name: string,
    task: ScheduledTaskConfig,
    slot: Date,
    key: string
  ): Promise<void> {
    await this.enqueue(
      task.jobType,
      { ...task.payload, schedule: name, slot: slotIso(slot) },
      { uniqueKey: key, transaction: 'none' }
    );
  }

  async get(id: number): Promise<JobView | null> {
    const job = await this.store.findById(id);
    return job ? toJobView(job) : null;
  }

  async list(filters: {
    status?: JobStatus[];
    type?: string;
    page: number;
    pageSize: number;
  }): Promise<JobList> {
    const { jobs, total } = await this.store.list({
      status: filters.status,
      type: filters.type,
      limit: filters.pageSize,
      offset: (filters.page - 1) * filters.pageSize,
    });
    const now = new Date();
    return {
      jobs: jobs.map((job) => toJobView(job, now)),
      total,
      page: filters.page,
      pageSize: filters.pageSize,
      counts: await this.store.countByStatus(),
      types: await this.store.types(),
    };
  }

  async retry(id: number): Promise<boolean> {
    const ok = await this.store.retry(id);
    if (ok) this.pool?.wake();
    return ok;
  }

  cancel(id: number): Promise<boolean> {
    return this.store.cancel(id);
  }

  describeSchedule(): ScheduledTaskView[] {
    return this.scheduler.describe();
  }
}
