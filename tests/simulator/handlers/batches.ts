import { noContent, ok, page, type Handler, type HandlerContext } from '../context';
import { Problem, problems } from '../problems';
import { checkRequest } from '../spec';
import { packResults, type OperationResult } from '../batch-archive';
import { hex, now, type Account, type Batch, type BatchOperationInput } from '../state';
import type { MailchimpSimulator } from '../index';

const MAX_PENDING = 500;
const OPERATIONS_PER_TICK = 250;

const view = (batch: Batch) => ({
  id: batch.id,
  status: batch.status,
  total_operations: batch.total_operations,
  finished_operations: batch.finished_operations,
  errored_operations: batch.errored_operations,
  submitted_at: batch.submitted_at,
  completed_at: batch.completed_at,
  response_body_url: batch.response_body_url,
  _links: [],
});

/** Runs one operation through the same spec check and handlers as a direct call. */
const runOperation = async (
  sim: MailchimpSimulator,
  account: Account,
  op: BatchOperationInput
): Promise<OperationResult> => {
  const reply = (status: number, body: unknown): OperationResult => ({
    status_code: status,
    operation_id: op.operation_id ?? null,
    response:
      body === undefined ? '' : JSON.stringify(body instanceof Problem ? body.body() : body),
  });
  let body: unknown;
  try {
    body = op.body ? JSON.parse(op.body) : undefined;
  } catch {
    return reply(400, problems.jsonParse());
  }
  const query = new URLSearchParams(
    Object.entries(op.params ?? {}).map(([k, v]) => [k, String(v)])
  );
  const check = checkRequest(op.method.toUpperCase(), op.path.replace(/^\/3\.0/, ''), query, body);
  if (!check.ok) {
    if (check.reason === 'not_found') return reply(404, problems.notFound());
    if (check.reason === 'method_not_allowed') return reply(405, problems.methodNotAllowed());
    return reply(400, problems.invalidResource(check.errors));
  }
  try {
    // Imported here: the handler table includes this module.
    const { handlers } = await import('./index');
    const result = await handlers[check.request.key]({
      sim,
      account,
      params: check.request.params,
      query: check.request.query,
      body,
    });
    return reply(result.status, result.body);
  } catch (error) {
    if (error instanceof Problem) return reply(error.status, error);
    return reply(500, problems.serverError());
  }
};

const runBatch = (sim: MailchimpSimulator, account: Account, batch: Batch) => {
  const results: OperationResult[] = [];
  batch.status = 'started';
  const step = async () => {
    const slice = batch.operations.slice(
      batch.finished_operations,
      batch.finished_operations + OPERATIONS_PER_TICK
    );
    for (const op of slice) {
      const result = await runOperation(sim, account, op);
      results.push(result);
      batch.finished_operations++;
      if (result.status_code >= 400) batch.errored_operations++;
    }
    if (batch.finished_operations < batch.total_operations) return sim.later(1, () => void step());
    batch.status = 'finalizing';
    batch.results = await packResults(batch.id, results);
    batch.status = 'finished';
    batch.completed_at = now();
    batch.response_body_url = `${sim.url}/_sim/batch-results/${account.account_id}/${batch.id}.tar.gz`;
  };
  void step();
};

export const createBatch: Handler = (ctx: HandlerContext) => {
  const pending = [...ctx.account.batches.values()].filter((b) => b.status !== 'finished').length;
  if (pending >= MAX_PENDING) throw problems.tooManyBatches();
  const operations = (ctx.body as { operations: BatchOperationInput[] }).operations;
  const batch: Batch = {
    id: hex(5),
    status: 'pending',
    total_operations: operations.length,
    finished_operations: 0,
    errored_operations: 0,
    submitted_at: now(),
    completed_at: '',
    response_body_url: '',
    operations,
  };
  ctx.account.batches.set(batch.id, batch);
  const { sim, account } = ctx;
  sim.later(sim.options.batchDelayMs, () => runBatch(sim, account, batch));
  return ok(view(batch));
};

export const getBatches: Handler = (ctx) => {
  const batches = [...ctx.account.batches.values()];
  return ok({
    batches: page(batches, ctx.query).map(view),
    total_items: batches.length,
    _links: [],
  });
};

export const getBatch: Handler = (ctx) => {
  const batch = ctx.account.batches.get(ctx.params.batchId);
  if (!batch) throw problems.notFound();
  return ok(view(batch));
};

export const deleteBatch: Handler = (ctx) => {
  if (!ctx.account.batches.delete(ctx.params.batchId)) throw problems.notFound();
  return noContent();
};
