import { noContent, ok, page, type Handler, type HandlerContext } from '../context';
import { problems } from '../problems';
import { hex, now, type Account, type Campaign } from '../state';
import type { MailchimpSimulator } from '../index';
import { campaignOf } from './lookup';

const view = (account: Account, c: Campaign) => {
  const list = c.recipients.list_id ? account.lists.get(c.recipients.list_id) : undefined;
  return {
    id: c.id,
    web_id: c.web_id,
    type: c.type,
    create_time: c.create_time,
    archive_url: `http://eepurl.com/${c.id}`,
    long_archive_url: `https://us1.campaign-archive.com/?u=x&id=${c.id}`,
    status: c.status,
    emails_sent: c.emails_sent,
    send_time: c.send_time,
    content_type: c.content_type,
    needs_block_refresh: false,
    resendable: false,
    recipients: {
      list_id: c.recipients.list_id ?? '',
      list_is_active: Boolean(list),
      list_name: list?.name ?? '',
      segment_text: '',
      recipient_count: list ? recipientsOf(account, c).length : 0,
      ...(c.recipients.segment_opts ? { segment_opts: c.recipients.segment_opts } : {}),
    },
    settings: c.settings,
    tracking: c.tracking,
    delivery_status: { enabled: c.status === 'sending' || c.status === 'sent' },
    _links: [],
  };
};

/** Subscribed members of the list, narrowed to the saved/static segment when one is set. */
export const recipientsOf = (account: Account, c: Campaign): string[] => {
  const list = c.recipients.list_id ? account.lists.get(c.recipients.list_id) : undefined;
  if (!list) return [];
  const segmentId = c.recipients.segment_opts?.saved_segment_id;
  const segment = segmentId !== undefined ? list.segments.get(segmentId) : undefined;
  return [...list.members.values()]
    .filter((m) => m.status === 'subscribed' && (!segment || segment.members.has(m.id)))
    .map((m) => m.id);
};

export const getCampaigns: Handler = (ctx) => {
  const campaigns = [...ctx.account.campaigns.values()].filter(
    (c) => !ctx.query.status || c.status === ctx.query.status
  );
  return ok({
    campaigns: page(campaigns, ctx.query).map((c) => view(ctx.account, c)),
    total_items: campaigns.length,
    _links: [],
  });
};

export const getCampaign: Handler = (ctx) => ok(view(ctx.account, campaignOf(ctx)));

export const createCampaign: Handler = (ctx) => {
  const body = ctx.body as {
    type: string;
    recipients?: Campaign['recipients'];
    settings?: Record<string, unknown>;
    tracking?: Record<string, unknown>;
    content_type?: string;
  };
  if (body.recipients?.list_id && !ctx.account.lists.has(body.recipients.list_id)) {
    throw problems.invalidResource([
      { field: 'recipients.list_id', message: 'The list does not exist.' },
    ]);
  }
  const c: Campaign = {
    id: hex(5),
    web_id: ctx.sim.nextWebId(),
    type: body.type,
    create_time: now(),
    status: 'save',
    emails_sent: 0,
    send_time: '',
    content_type: body.content_type ?? 'template',
    recipients: body.recipients ?? {},
    settings: {
      title: '',
      subject_line: '',
      preview_text: '',
      from_name: '',
      reply_to: '',
      to_name: '',
      auto_footer: false,
      inline_css: false,
      ...body.settings,
    },
    tracking: { opens: true, html_clicks: true, text_clicks: false, ...body.tracking },
    html: '',
    plain_text: '',
    sentTo: [],
    tests: [],
  };
  ctx.account.campaigns.set(c.id, c);
  return ok(view(ctx.account, c));
};

const editable = (c: Campaign) => {
  if (c.status !== 'save' && c.status !== 'paused') {
    throw problems.badRequest(
      `This campaign cannot be updated because its status is "${c.status}".`
    );
  }
};

export const updateCampaign: Handler = (ctx) => {
  const c = campaignOf(ctx);
  editable(c);
  const body = ctx.body as {
    recipients?: Campaign['recipients'];
    settings?: Record<string, unknown>;
    tracking?: Record<string, unknown>;
  };
  // The recipients object is replaced as a whole: leaving out segment_opts targets the whole list.
  if (body.recipients) c.recipients = { ...body.recipients };
  if (body.settings) c.settings = { ...c.settings, ...body.settings };
  if (body.tracking) c.tracking = { ...c.tracking, ...body.tracking };
  return ok(view(ctx.account, c));
};

export const deleteCampaign: Handler = (ctx) => {
  const c = campaignOf(ctx);
  if (c.status === 'sending') throw problems.methodNotAllowed();
  ctx.account.campaigns.delete(c.id);
  return noContent();
};

export const getContent: Handler = (ctx) => {
  const c = campaignOf(ctx);
  return ok({ html: c.html, plain_text: c.plain_text, archive_html: c.html, _links: [] });
};

export const putContent: Handler = (ctx) => {
  const c = campaignOf(ctx);
  editable(c);
  const body = ctx.body as { html?: string; plain_text?: string };
  if (body.html !== undefined) {
    c.html = body.html;
    c.plain_text =
      body.plain_text ??
      body.html
        .replace(/<[^>]+>/g, ' ')
        .replace(/\s+/g, ' ')
        .trim();
  } else if (body.plain_text !== undefined) {
    c.plain_text = body.plain_text;
  }
  return ok({ html: c.html, plain_text: c.plain_text, archive_html: c.html, _links: [] });
};

/** What Mailchimp's send checklist would flag; empty means ready. */
const checklist = (account: Account, c: Campaign) => {
  const items: Array<{ type: string; id: number; heading: string; details: string }> = [];
  const need = (ok: boolean, heading: string, details: string) => {
    if (!ok) items.push({ type: 'error', id: items.length + 1, heading, details });
  };
  need(
    Boolean(c.recipients.list_id && account.lists.has(c.recipients.list_id)),
    'Audience',
    'You need to choose an audience.'
  );
  need(Boolean(c.settings.subject_line), 'Subject line', 'You need to add a subject line.');
  need(Boolean(c.settings.from_name), 'From name', 'You need to add a from name.');
  need(Boolean(c.settings.reply_to), 'From email', 'You need to add a reply-to email address.');
  need(Boolean(c.html || c.plain_text), 'Content', 'You need to add content.');
  return items;
};

export const sendChecklist: Handler = (ctx) => {
  const items = checklist(ctx.account, campaignOf(ctx));
  return ok({ is_ready: items.length === 0, items, _links: [] });
};

const assertReady = (ctx: HandlerContext, c: Campaign) => {
  if (checklist(ctx.account, c).length > 0)
    throw problems.badRequest('Your Campaign is not ready to send.');
};

const startSending = (sim: MailchimpSimulator, account: Account, c: Campaign) => {
  c.status = 'sending';
  c.sentTo = recipientsOf(account, c);
  c.emails_sent = c.sentTo.length;
  c.send_time = now();
  sim.later(sim.options.sendDurationMs, () => {
    if (c.status === 'sending') c.status = 'sent';
  });
};

export const send: Handler = (ctx) => {
  const c = campaignOf(ctx);
  if (c.status !== 'save' && c.status !== 'paused')
    throw problems.badRequest('This campaign has already been sent or scheduled.');
  assertReady(ctx, c);
  startSending(ctx.sim, ctx.account, c);
  return noContent();
};

export const schedule: Handler = (ctx) => {
  const c = campaignOf(ctx);
  const body = ctx.body as { schedule_time: string; timewarp?: boolean; batch_delivery?: unknown };
  const at = new Date(body.schedule_time);
  if (Number.isNaN(at.getTime()))
    throw problems.badRequest(
      'This campaign cannot be scheduled: the schedule time is not a valid date.'
    );
  if (at.getUTCMinutes() % 15 !== 0 || at.getUTCSeconds() !== 0 || at.getUTCMilliseconds() !== 0) {
    throw problems.badRequest(
      'This campaign cannot be scheduled: schedule time must be on the quarter-hour (:00, :15, :30, :45).'
    );
  }
  if (at.getTime() <= Date.now())
    throw problems.badRequest(
      'This campaign cannot be scheduled: schedule time must be in the future.'
    );
  if (body.timewarp && body.batch_delivery)
    throw problems.badRequest(
      'This campaign cannot be scheduled: timewarp and batch delivery cannot be combined.'
    );
  if (c.status !== 'save' && c.status !== 'paused')
    throw problems.badRequest(`This campaign cannot be scheduled: its status is "${c.status}".`);
  assertReady(ctx, c);
  c.status = 'schedule';
  c.send_time = at.toISOString().replace(/\.\d{3}Z$/, '+00:00');
  const { sim, account } = ctx;
  sim.later(at.getTime() - Date.now(), () => {
    if (c.status === 'schedule') startSending(sim, account, c);
  });
  return noContent();
};

export const unschedule: Handler = (ctx) => {
  const c = campaignOf(ctx);
  if (c.status !== 'schedule')
    throw problems.badRequest(
      'Cannot unschedule a campaign that has not been scheduled or has started sending.'
    );
  c.status = 'save';
  c.send_time = '';
  return noContent();
};

export const cancelSend: Handler = (ctx) => {
  const c = campaignOf(ctx);
  if (c.status !== 'sending')
    throw problems.badRequest('Only a campaign that is sending can be cancelled.');
  c.status = 'canceled';
  return noContent();
};

export const test: Handler = (ctx) => {
  const c = campaignOf(ctx);
  const body = ctx.body as { test_emails: string[]; send_type: string };
  if (body.test_emails.length === 0)
    throw problems.invalidResource([
      { field: 'test_emails', message: 'This value should not be blank.' },
    ]);
  const bad = body.test_emails.find((email) => !/^[^\s@]+@[^\s@]+\.[^\s@]{2,}$/.test(email));
  if (bad)
    throw problems.invalidResource([
      { field: 'test_emails', message: `${bad} is not a valid email address.` },
    ]);
  assertReady(ctx, c);
  c.tests.push({ emails: body.test_emails, send_type: body.send_type, at: now() });
  return noContent();
};
