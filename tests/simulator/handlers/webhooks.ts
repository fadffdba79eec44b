import { noContent, ok, type Handler, type HandlerContext } from '../context';
import { problems } from '../problems';
import { hex, type Webhook } from '../state';
import { validateWebhookUrl } from '../webhooks';
import { listOf } from './lookup';

const hookOf = (ctx: HandlerContext) => {
  const list = listOf(ctx);
  const hook = list.webhooks.get(ctx.params.webhookId);
  if (!hook) throw problems.notFound();
  return { list, hook };
};

const view = (hook: Webhook) => ({ ...hook, _links: [] });

const EVENTS = {
  subscribe: false,
  unsubscribe: false,
  profile: false,
  cleaned: false,
  upemail: false,
  campaign: false,
};
// Mailchimp's defaults for omitted sources are undocumented; the simulator enables all.
const SOURCES = { user: true, admin: true, api: true };

export const getWebhooks: Handler = (ctx) => {
  const list = listOf(ctx);
  return ok({
    webhooks: [...list.webhooks.values()].map(view),
    list_id: list.id,
    total_items: list.webhooks.size,
    _links: [],
  });
};

export const getWebhook: Handler = (ctx) => ok(view(hookOf(ctx).hook));

export const createWebhook: Handler = async (ctx) => {
  const list = listOf(ctx);
  const body = ctx.body as {
    url?: string;
    events?: Partial<Webhook['events']>;
    sources?: Partial<Webhook['sources']>;
  };
  if (!body.url)
    throw problems.invalidResource([{ field: 'url', message: 'This value should not be blank.' }]);
  if ([...list.webhooks.values()].some((hook) => hook.url === body.url)) {
    throw problems.badRequest('The webhook URL already exists for this list.');
  }
  // Mailchimp checks the URL with a GET before it accepts the webhook.
  const status = await validateWebhookUrl(body.url);
  if (status < 200 || status >= 300) {
    throw problems.invalidResource([
      {
        field: 'url',
        message: `We couldn't verify the URL is working. Please double check and try again. HTTP Code: ${status}`,
      },
    ]);
  }
  const hook: Webhook = {
    id: hex(5),
    url: body.url,
    events: { ...EVENTS, ...body.events },
    sources: { ...SOURCES, ...body.sources },
    list_id: list.id,
  };
  list.webhooks.set(hook.id, hook);
  return ok(view(hook));
};

export const updateWebhook: Handler = (ctx) => {
  const { hook } = hookOf(ctx);
  const body = ctx.body as {
    url?: string;
    events?: Partial<Webhook['events']>;
    sources?: Partial<Webhook['sources']>;
  };
  if (body.url) hook.url = body.url;
  if (body.events) hook.events = { ...hook.events, ...body.events };
  if (body.sources) hook.sources = { ...hook.sources, ...body.sources };
  return ok(view(hook));
};

export const deleteWebhook: Handler = (ctx) => {
  const { list, hook } = hookOf(ctx);
  list.webhooks.delete(hook.id);
  return noContent();
};
