import {
  accepted,
  attrsOf,
  created,
  dataOf,
  EMAIL,
  noContent,
  ok,
  pageOf,
  relIds,
  requireString,
  resource,
  type Ctx,
  type Route,
} from '../context';
import { errors } from '../errors';
import { matches, parseFilter } from '../filter';
import { TIERS } from '../rate-limits';
import { sendCampaign } from '../sending';
import {
  emptyStats,
  newId,
  nowIso,
  type Campaign,
  type CampaignMessage,
  type Template,
} from '../state';

const MAX_API_TEMPLATES = 1000;

const templateResource = (ctx: Ctx, t: Template) =>
  resource(ctx, 'template', t.id, {
    name: t.name,
    editor_type: t.editor_type,
    html: t.html,
    text: t.text,
    amp: null,
    created: t.created,
    updated: t.updated,
  });

const campaignResource = (ctx: Ctx, c: Campaign) =>
  resource(
    ctx,
    'campaign',
    c.id,
    {
      name: c.name,
      status: c.status,
      archived: c.archived,
      audiences: { included: [...c.audiences.included], excluded: [...c.audiences.excluded] },
      send_options: { ...c.send_options },
      tracking_options: { ...c.tracking_options },
      send_strategy: { ...c.send_strategy },
      created_at: c.created_at,
      scheduled_at: c.scheduled_at,
      updated_at: c.updated_at,
      send_time: c.send_time,
    },
    {
      'campaign-messages': { data: c.messageIds.map((id) => ({ type: 'campaign-message', id })) },
      tags: { data: [] },
    }
  );

const messageResource = (ctx: Ctx, m: CampaignMessage) =>
  resource(
    ctx,
    'campaign-message',
    m.id,
    {
      definition: { channel: 'email', label: m.label, content: { ...m.content } },
      send_times: [],
      created_at: m.created_at,
      updated_at: m.updated_at,
    },
    {
      campaign: { data: { type: 'campaign', id: m.campaignId } },
      template: { data: m.templateId ? { type: 'template', id: m.templateId } : null },
    }
  );

const campaignOf = (ctx: Ctx, id = ctx.params.id) => {
  const c = ctx.account.campaigns.get(id);
  if (!c) throw errors.notFound(`A campaign with id ${id} does not exist.`);
  return c;
};

const audiencesOf = (ctx: Ctx, value: unknown, pointer: string) => {
  const a = value as { included?: unknown; excluded?: unknown } | undefined;
  if (!a || !Array.isArray(a.included))
    throw errors.invalid('audiences.included must be a list of list or segment ids.', pointer);
  const excluded = Array.isArray(a.excluded) ? a.excluded : [];
  for (const id of [...a.included, ...excluded])
    if (typeof id !== 'string' || !ctx.account.lists.has(id))
      throw errors.invalid(
        `Audience ${JSON.stringify(id)} is not a list of this account.`,
        pointer
      );
  return { included: a.included as string[], excluded: excluded as string[] };
};

const strategyOf = (value: unknown, pointer: string): Campaign['send_strategy'] => {
  const s = value as { method?: string; datetime?: string; options?: unknown } | undefined;
  if (!s || s.method === 'immediate') return { method: 'immediate' };
  if (s.method === 'static') {
    if (typeof s.datetime !== 'string' || Number.isNaN(Date.parse(s.datetime)))
      throw errors.invalid(
        'send_strategy.datetime must be an ISO 8601 date-time.',
        `${pointer}/datetime`
      );
    return { method: 'static', datetime: new Date(s.datetime).toISOString(), options: s.options };
  }
  throw errors.invalid(
    `send_strategy.method ${JSON.stringify(s.method)} is not supported by this simulator (immediate, static).`,
    `${pointer}/method`
  );
};

const contentOf = (value: unknown, pointer: string, previous?: CampaignMessage['content']) => {
  const c = (value ?? {}) as Record<string, unknown>;
  const text = (key: string) =>
    key in c
      ? c[key] === null
        ? null
        : String(c[key])
      : (previous?.[key as keyof typeof previous] ?? null);
  const content = {
    subject: text('subject') ?? '',
    preview_text: text('preview_text') ?? '',
    from_email: text('from_email') ?? '',
    from_label: text('from_label') ?? '',
    reply_to_email: text('reply_to_email'),
    cc_email: text('cc_email'),
    bcc_email: text('bcc_email'),
  };
  if (content.from_email && !EMAIL.test(content.from_email))
    throw errors.invalid('from_email is not a valid email address.', `${pointer}/from_email`);
  if (content.reply_to_email && !EMAIL.test(content.reply_to_email))
    throw errors.invalid(
      'reply_to_email is not a valid email address.',
      `${pointer}/reply_to_email`
    );
  return content;
};

const definitionOf = (value: unknown, pointer: string) => {
  const d = value as { channel?: string; label?: string; content?: unknown } | undefined;
  if (!d || d.channel !== 'email')
    throw errors.invalid(
      'definition.channel must be "email" (the simulator has email only).',
      `${pointer}/channel`
    );
  return d;
};

const requireDraft = (c: Campaign) => {
  if (c.status !== 'Draft')
    throw errors.invalid(`The campaign is "${c.status}"; only a draft can be changed.`, '/data');
};

export const campaignRoutes: Route[] = [
  // ---- templates ---------------------------------------------------------------------------
  {
    method: 'POST',
    path: '/api/templates',
    name: 'createTemplate',
    tier: TIERS.L,
    handler: (ctx) => {
      const attrs = attrsOf(dataOf(ctx, 'template'));
      const name = requireString(attrs.name, '/data/attributes/name', 'name');
      const editor = requireString(
        attrs.editor_type,
        '/data/attributes/editor_type',
        'editor_type'
      );
      if (!['CODE', 'USER_DRAGGABLE', 'SYSTEM_DRAGGABLE'].includes(editor))
        throw errors.invalid(
          `editor_type ${JSON.stringify(editor)} is not valid.`,
          '/data/attributes/editor_type'
        );
      if (editor === 'CODE' && typeof attrs.html !== 'string')
        throw errors.invalid('html is required for a CODE template.', '/data/attributes/html');
      if (ctx.account.templates.size >= MAX_API_TEMPLATES)
        throw errors.invalid(
          'There are 1,000 or more templates in this account; no more can be created via the API.',
          '/data'
        );
      const at = nowIso();
      const t: Template = {
        id: newId(6),
        name,
        editor_type: editor,
        html: String(attrs.html ?? ''),
        text: typeof attrs.text === 'string' ? attrs.text : null,
        created: at,
        updated: at,
      };
      ctx.account.templates.set(t.id, t);
      return created({ data: templateResource(ctx, t) });
    },
  },
  {
    method: 'GET',
    path: '/api/templates/:id',
    name: 'getTemplate',
    tier: TIERS.L,
    handler: (ctx) => {
      const t = ctx.account.templates.get(ctx.params.id);
      if (!t) throw errors.notFound();
      return ok({ data: templateResource(ctx, t) });
    },
  },
  {
    method: 'PATCH',
    path: '/api/templates/:id',
    name: 'updateTemplate',
    tier: TIERS.L,
    handler: (ctx) => {
      const t = ctx.account.templates.get(ctx.params.id);
      if (!t) throw errors.notFound();
      const attrs = attrsOf(dataOf(ctx, 'template'));
      if (typeof attrs.name === 'string') t.name = attrs.name;
      if (typeof attrs.html === 'string') t.html = attrs.html;
      if (typeof attrs.text === 'string') t.text = attrs.text;
      t.updated = nowIso();
      return ok({ data: templateResource(ctx, t) });
    },
  },
  {
    method: 'DELETE',
    path: '/api/templates/:id',
    name: 'deleteTemplate',
    tier: TIERS.L,
    handler: (ctx) => {
      if (!ctx.account.templates.delete(ctx.params.id)) throw errors.notFound();
      return noContent();
    },
  },

  // ---- campaigns and messages -----------------------------------------------------------------
  {
    method: 'POST',
    path: '/api/campaigns',
    name: 'createCampaign',
    tier: TIERS.M,
    handler: (ctx) => {
      const attrs = attrsOf(dataOf(ctx, 'campaign'));
      const name = requireString(attrs.name, '/data/attributes/name', 'name');
      const audiences = audiencesOf(ctx, attrs.audiences, '/data/attributes/audiences');
      const messages = (attrs['campaign-messages'] as { data?: unknown } | undefined)?.data;
      if (!Array.isArray(messages) || messages.length !== 1)
        throw errors.invalid(
          'campaign-messages.data must hold exactly one message.',
          '/data/attributes/campaign-messages/data'
        );
      const at = nowIso();
      const campaign: Campaign = {
        id: newId(),
        name,
        status: 'Draft',
        archived: false,
        audiences,
        send_strategy: strategyOf(attrs.send_strategy, '/data/attributes/send_strategy'),
        send_options: {
          // Smart sending is on unless turned off (Klaviyo's default).
          use_smart_sending:
            (attrs.send_options as { use_smart_sending?: boolean } | undefined)
              ?.use_smart_sending ?? true,
        },
        tracking_options: (attrs.tracking_options as Record<string, unknown>) ?? {
          add_tracking_params: false,
          is_tracking_clicks: true,
          is_tracking_opens: true,
        },
        created_at: at,
        updated_at: at,
        scheduled_at: null,
        send_time: null,
        messageIds: [],
        sentTo: new Set(),
        stats: emptyStats(),
      };
      const pointer = '/data/attributes/campaign-messages/data/0/attributes/definition';
      const item = messages[0] as { type?: string; attributes?: { definition?: unknown } };
      if (item.type !== 'campaign-message')
        throw errors.invalid(
          'The message must be {type: "campaign-message"}.',
          '/data/attributes/campaign-messages/data/0'
        );
      const definition = definitionOf(item.attributes?.definition, pointer);
      const message: CampaignMessage = {
        id: newId(),
        campaignId: campaign.id,
        label: definition.label ?? name,
        content: contentOf(definition.content, `${pointer}/content`),
        templateId: null,
        created_at: at,
        updated_at: at,
      };
      campaign.messageIds.push(message.id);
      ctx.account.campaigns.set(campaign.id, campaign);
      ctx.account.messages.set(message.id, message);
      return created({ data: campaignResource(ctx, campaign) });
    },
  },
  {
    method: 'GET',
    path: '/api/campaigns',
    name: 'getCampaigns',
    tier: TIERS.M,
    handler: (ctx) => {
      const raw = ctx.query.get('filter');
      const conditions = parseFilter(raw, {
        id: ['any'],
        'messages.channel': ['equals'],
        name: ['contains'],
        status: ['any', 'equals'],
        archived: ['equals'],
        created_at: ['greater-or-equal', 'greater-than', 'less-or-equal', 'less-than'],
        scheduled_at: ['greater-or-equal', 'greater-than', 'less-or-equal', 'less-than'],
        updated_at: ['greater-or-equal', 'greater-than', 'less-or-equal', 'less-than'],
      });
      if (!conditions.some((c) => c.field === 'messages.channel'))
        throw errors.invalidParam(
          "A channel filter is required, e.g. filter=equals(messages.channel,'email').",
          'filter'
        );
      const campaigns = [...ctx.account.campaigns.values()].filter((c) =>
        matches(conditions, (f) =>
          f === 'messages.channel' ? 'email' : (c as unknown as Record<string, unknown>)[f]
        )
      );
      const page = pageOf(ctx, campaigns, { max: 100, fallback: 100 });
      return ok({ data: page.items.map((c) => campaignResource(ctx, c)), links: page.links });
    },
  },
  {
    method: 'GET',
    path: '/api/campaigns/:id',
    name: 'getCampaign',
    tier: TIERS.M,
    handler: (ctx) => ok({ data: campaignResource(ctx, campaignOf(ctx)) }),
  },
  {
    method: 'PATCH',
    path: '/api/campaigns/:id',
    name: 'updateCampaign',
    tier: TIERS.M,
    handler: (ctx) => {
      const c = campaignOf(ctx);
      const data = dataOf(ctx, 'campaign');
      if (data.id !== c.id)
        throw errors.conflict('data.id must match the campaign id in the path.');
      requireDraft(c);
      const attrs = attrsOf(data);
      if (attrs.name !== undefined)
        c.name = requireString(attrs.name, '/data/attributes/name', 'name');
      if (attrs.audiences !== undefined)
        c.audiences = audiencesOf(ctx, attrs.audiences, '/data/attributes/audiences');
      if (attrs.send_strategy !== undefined)
        c.send_strategy = strategyOf(attrs.send_strategy, '/data/attributes/send_strategy');
      const options = attrs.send_options as { use_smart_sending?: boolean } | undefined;
      if (options?.use_smart_sending !== undefined)
        c.send_options.use_smart_sending = options.use_smart_sending;
      c.updated_at = nowIso();
      return ok({ data: campaignResource(ctx, c) });
    },
  },
  {
    method: 'DELETE',
    path: '/api/campaigns/:id',
    name: 'deleteCampaign',
    tier: TIERS.M,
    handler: (ctx) => {
      const c = campaignOf(ctx);
      if (c.status === 'Sending')
        throw errors.invalid('A campaign that is sending cannot be deleted.');
      ctx.sim.cancelTimer(c.id);
      ctx.account.campaigns.delete(c.id);
      for (const id of c.messageIds) ctx.account.messages.delete(id);
      return noContent();
    },
  },
  {
    method: 'GET',
    path: '/api/campaigns/:id/campaign-messages',
    name: 'getMessagesForCampaign',
    tier: TIERS.M,
    handler: (ctx) => {
      const c = campaignOf(ctx);
      return ok({
        data: c.messageIds.map((id) => messageResource(ctx, ctx.account.messages.get(id)!)),
        links: { self: `${ctx.base}${ctx.path}` },
      });
    },
  },
  {
    method: 'GET',
    path: '/api/campaign-messages/:id',
    name: 'getCampaignMessage',
    tier: TIERS.M,
    handler: (ctx) => {
      const m = ctx.account.messages.get(ctx.params.id);
      if (!m) throw errors.notFound();
      return ok({ data: messageResource(ctx, m) });
    },
  },
  {
    method: 'PATCH',
    path: '/api/campaign-messages/:id',
    name: 'updateCampaignMessage',
    tier: TIERS.M,
    handler: (ctx) => {
      const m = ctx.account.messages.get(ctx.params.id);
      if (!m) throw errors.notFound();
      requireDraft(campaignOf(ctx, m.campaignId));
      const data = dataOf(ctx, 'campaign-message');
      if (data.id !== m.id) throw errors.conflict('data.id must match the message id in the path.');
      const pointer = '/data/attributes/definition';
      const definition = definitionOf(attrsOf(data).definition, pointer);
      if (definition.label !== undefined) m.label = definition.label;
      m.content = contentOf(definition.content, `${pointer}/content`, m.content);
      m.updated_at = nowIso();
      return ok({ data: messageResource(ctx, m) });
    },
  },
  {
    method: 'POST',
    path: '/api/campaign-message-assign-template',
    name: 'assignTemplateToCampaignMessage',
    tier: TIERS.M,
    handler: (ctx) => {
      const data = dataOf(ctx, 'campaign-message');
      const m = typeof data.id === 'string' ? ctx.account.messages.get(data.id) : undefined;
      if (!m)
        throw errors.invalid('data.id must be a campaign message of this account.', '/data/id');
      requireDraft(campaignOf(ctx, m.campaignId));
      const [templateId] = relIds(data, 'template', 'template');
      if (!templateId || !ctx.account.templates.has(templateId))
        throw errors.invalid(
          'relationships.template must name a template of this account.',
          '/data/relationships/template'
        );
      m.templateId = templateId;
      m.updated_at = nowIso();
      return created({ data: messageResource(ctx, m) });
    },
  },

  // ---- send jobs ---------------------------------------------------------------------------
  {
    method: 'POST',
    path: '/api/campaign-send-jobs',
    name: 'sendCampaign',
    tier: TIERS.M,
    handler: (ctx) => {
      const data = dataOf(ctx, 'campaign-send-job');
      const c = typeof data.id === 'string' ? ctx.account.campaigns.get(data.id) : undefined;
      if (!c) throw errors.notFound('The campaign does not exist.');
      if (c.status !== 'Draft')
        throw errors.invalid(`The campaign is "${c.status}" and cannot be sent again.`, '/data/id');
      for (const id of c.messageIds) {
        const m = ctx.account.messages.get(id)!;
        if (!m.templateId)
          throw errors.invalid('The campaign message has no template assigned.', '/data/id');
        if (!m.content.subject || !m.content.from_email)
          throw errors.invalid(
            'The campaign message needs a subject and a from_email.',
            '/data/id'
          );
      }
      if (c.audiences.included.length === 0)
        throw errors.invalid('The campaign has no audience.', '/data/id');
      const strategy = c.send_strategy;
      if (strategy.method === 'static' && Date.parse(strategy.datetime) > Date.now()) {
        c.status = 'Scheduled';
        c.scheduled_at = nowIso();
        c.send_time = strategy.datetime;
        ctx.sim.timerFor(c.id, Date.parse(strategy.datetime) - Date.now(), () =>
          sendCampaign(ctx.sim, ctx.account, c)
        );
      } else {
        if (strategy.method === 'static')
          throw errors.invalid('The scheduled send time is in the past.', '/data/id');
        sendCampaign(ctx.sim, ctx.account, c);
      }
      c.updated_at = nowIso();
      return accepted({
        data: resource(ctx, 'campaign-send-job', c.id, {
          status: c.status === 'Scheduled' ? 'queued' : 'processing',
        }),
      });
    },
  },
  {
    method: 'GET',
    path: '/api/campaign-send-jobs/:id',
    name: 'getCampaignSendJob',
    tier: TIERS.M,
    handler: (ctx) => {
      const c = campaignOf(ctx);
      const status =
        c.status === 'Sent'
          ? 'complete'
          : c.status.startsWith('Cancelled')
            ? 'cancelled'
            : c.status === 'Draft'
              ? 'cancelled'
              : c.status === 'Scheduled'
                ? 'queued'
                : 'processing';
      return ok({ data: resource(ctx, 'campaign-send-job', c.id, { status }) });
    },
  },
  {
    method: 'PATCH',
    path: '/api/campaign-send-jobs/:id',
    name: 'cancelCampaignSend',
    tier: TIERS.M,
    handler: (ctx) => {
      const c = campaignOf(ctx);
      const data = dataOf(ctx, 'campaign-send-job');
      const action = attrsOf(data).action;
      if (action === 'revert') {
        if (c.status !== 'Scheduled')
          throw errors.invalid(
            `Only a scheduled campaign can be reverted to a draft; this one is "${c.status}".`,
            '/data/attributes/action'
          );
        ctx.sim.cancelTimer(c.id);
        c.status = 'Draft';
        c.scheduled_at = null;
        c.send_time = null;
      } else if (action === 'cancel') {
        if (c.status !== 'Scheduled' && c.status !== 'Sending')
          throw errors.invalid(
            `Only a scheduled or sending campaign can be cancelled; this one is "${c.status}".`,
            '/data/attributes/action'
          );
        ctx.sim.cancelTimer(c.id);
        c.status = 'Cancelled';
      } else
        throw errors.invalid('action must be "cancel" or "revert".', '/data/attributes/action');
      c.updated_at = nowIso();
      return noContent();
    },
  },
];
