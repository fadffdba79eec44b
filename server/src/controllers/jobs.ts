import type { Core } from '@strapi/strapi';
import { JOB_STATUSES, type JobStatus } from '../types/jobs';
import { JobConflictError } from '../jobs/store';
import { getService } from '../utils/get-service';
import { positive } from '../utils/query';
import type { Ctx } from './context';

const MAX_PAGE_SIZE = 100;

const statuses = (value: unknown): JobStatus[] | undefined => {
  if (typeof value !== 'string' || value === '') return undefined;
  return value
    .split(',')
    .filter((status): status is JobStatus => (JOB_STATUSES as readonly string[]).includes(status));
};

const jobId = (ctx: Ctx): number | null => {
  const id = Number(ctx.params.id);
  return Number.isInteger(id) && id > 0 ? id : null;
};

/** Sets a JSON error body the admin's fetch client understands. */
const reply = (ctx: Ctx, status: number, message: string) => {
  ctx.status = status;
  ctx.body = { data: null, error: { status, name: 'JobActionError', message } };
};

const jobs = ({ strapi }: { strapi: Core.Strapi }) => ({
  async list(ctx: Ctx) {
    ctx.body = {
      data: await getService(strapi, 'jobs').list({
        status: statuses(ctx.query.status),
        type: typeof ctx.query.type === 'string' && ctx.query.type ? ctx.query.type : undefined,
        page: positive(ctx.query.page, 1),
        pageSize: positive(ctx.query.pageSize, 25, MAX_PAGE_SIZE),
      }),
    };
  },

  async retry(ctx: Ctx) {
    const id = jobId(ctx);
    if (id === null) return reply(ctx, 400, 'A job id is a positive whole number.');
    const engine = getService(strapi, 'jobs');
    try {
      if (!(await engine.retry(id)))
        return reply(ctx, 409, 'Only failed, dead or cancelled jobs can be retried.');
    } catch (error) {
      if (error instanceof JobConflictError) return reply(ctx, 409, error.message);
      throw error;
    }
    ctx.body = { data: await engine.get(id) };
  },

  async cancel(ctx: Ctx) {
    const id = jobId(ctx);
    if (id === null) return reply(ctx, 400, 'A job id is a positive whole number.');
    const engine = getService(strapi, 'jobs');
    if (!(await engine.cancel(id)))
      return reply(ctx, 409, 'Only queued or running jobs can be cancelled.');
    ctx.body = { data: await engine.get(id) };
  },

  async schedule(ctx: Ctx) {
    ctx.body = { data: getService(strapi, 'jobs').describeSchedule() };
  },
});

export default jobs;
