import { createTask, type ScheduledTask } from 'node-cron';
import type { ScheduledTaskConfig } from '../config';
import type { ScheduledTaskView } from '../types/jobs';
import type { HandlerRegistry } from './registry';
import { slotKey } from './slot';
import type { Logger } from './worker-pool';

export type EnqueueSlot = (
  name: string,
  task: ScheduledTaskConfig,
  slot: Date,
  key: string
) => Promise<void>;

/**
 * node-cron tasks from the plugin's `schedule`, in UTC. A tick never does work: it enqueues
 * one job keyed by its slot (`cron:<name>:<slot ISO>`), and the unique index makes every
 * process that ticks for the same slot agree on a single job. A task whose job type has no
 * registered handler yet is kept scheduled but inactive: it enqueues nothing, so no job piles
 * up waiting for a feature that is not installed.
 */
export class Scheduler {
  private readonly tasks = new Map<string, ScheduledTask>();

  constructor(
    private readonly schedule: Record<string, ScheduledTaskConfig>,
    private readonly registry: HandlerRegistry,
    private readonly enqueueSlot: EnqueueSlot,
    private readonly log: Logger
  ) {}

  start(): void {
    for (const [name, task] of Object.entries(this.schedule)) {
      if (!task.enabled) continue;
      const scheduled = createTask(task.cron, (context) => this.tick(name, task, context.date), {
        name: `email-marketing:${name}`,
        timezone: 'Etc/UTC',
        // An enqueue is quick; if the database is slow, a second tick for the next slot can run.
        noOverlap: false,
      });
      this.tasks.set(name, scheduled);
      void scheduled.start();
    }
  }

  async stop(): Promise<void> {
    for (const task of this.tasks.values()) await task.destroy();
    this.tasks.clear();
  }

  private async tick(name: string, task: ScheduledTaskConfig, date: Date): Promise<void> {
    if (!this.registry.has(task.jobType)) {
      this.log.debug(`schedule "${name}": no handler for ${task.jobType} yet; nothing enqueued`);
      return;
    }
    try {
      await this.enqueueSlot(name, task, date, slotKey(name, date));
    } catch (error) {
      this.log.error(`schedule "${name}": enqueue failed: ${(error as Error).message}`);
    }
  }

  describe(): ScheduledTaskView[] {
    return Object.entries(this.schedule).map(([name, task]) => {
      const scheduled = this.tasks.get(name);
      const handled = this.registry.has(task.jobType);
      let inactiveReason: string | null = null;
      if (!task.enabled) inactiveReason = 'disabled in the plugin config';
      else if (!scheduled) inactiveReason = 'the scheduler is off in this process';
      else if (!handled) inactiveReason = `handler arrives with ${task.feature ?? task.jobType}`;
      const nextRun = scheduled?.getNextRun() ?? null;
      return {
        name,
        cron: task.cron,
        timezone: 'UTC',
        jobType: task.jobType,
        enabled: task.enabled,
        active: inactiveReason === null,
        inactiveReason,
        nextRunAt: nextRun ? nextRun.toISOString() : null,
      };
    });
  }
}
