import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { renderDigest } from '../campaigns/digest';
import { sameMetrics } from '../campaigns/metrics';
import { campaignEntries, ENTRIES_PAGE_SIZE } from '../campaigns/entries';
import { readCampaignInput, readTestEmails } from '../campaigns/input';
import { CAMPAIGN_REFRESH_ALL_JOB, campaignRefreshKey } from '../campaigns/jobs';
import { goneMessage, platformLabel } from '../campaigns/platform';
import { fromRemote, refreshCampaign } from '../campaigns/refresh';
import { campaignRows, type CampaignRow } from '../campaigns/rows';
import { checkScheduleTime } from '../campaigns/schedule-rule';
import { isPlatformError } from '../providers/errors';
import type { EmailMarketingProvider, RemoteCampaignDraft } from '../providers/types';
import { segmentRows } from '../segments/rows';
import type { AuditActor } from '../types/audit';
import type {
  CampaignDetail,
  CampaignInput,
  CampaignStatus,
  CampaignView,
} from '../types/campaigns';
import type { AudienceView, ConnectionView } from '../types/connections';
import { getService } from '../utils/get-service';
import { invalid } from '../utils/invalid';

const CONNECTION_UID = 'plugin::email-marketing.connection';

/** A platform refusal as a 400 carrying the platform's own message. */
const platformFailure = (error: unknown) =>
  isPlatformError(error)
    ? new errors.ApplicationError(error.message, { kind: error.kind, platform: error.toJSON() })
    : error;

const wrongStatus = (row: CampaignRow, allowed: CampaignStatus[], what: string) => {
  if (!allowed.includes(row.status))
    throw new errors.ApplicationError(
      `Only a campaign that is ${allowed.join(' or ')} can be ${what}; "${row.name}" is ${row.status}.`,
      { status: row.status }
    );
};

interface ConnectionNames {
  id: number;
  provider: string;
  accountName: string | null;
  isDefault: boolean;
  audiencesCache: AudienceView[] | null;
}

/**
 * Campaigns: composed in Strapi, kept on the platform (the real campaign), followed through
 * snapshots of the platform's report.
 */
const campaigns = ({ strapi }: { strapi: Core.Strapi }) => {
  const rows = campaignRows(strapi);
  const entries = campaignEntries(strapi);
  const audit = () => getService(strapi, 'audit');
  const connectionsService = () => getService(strapi, 'connections');

  const find = async (id: number) => {
    const row = Number.isInteger(id) ? await rows.find(id) : null;
    if (!row) throw new errors.NotFoundError('No such campaign.');
    return row;
  };

  /** An admin waits on these calls: the platform's answer (or failure) comes back fast. */
  const platformOf = (connectionId: number | null) =>
    connectionsService().provider(connectionId ?? undefined, { interactive: true });

  const namesContext = async () => {
    const connections = (await strapi.db.query(CONNECTION_UID).findMany({
      select: ['id', 'provider', 'accountName', 'isDefault', 'audiencesCache'],
    })) as ConnectionNames[];
    const segments = await segmentRows(strapi).all();
    return { connections, segments };
  };

  const view = (
    row: CampaignRow,
    names: Awaited<ReturnType<typeof namesContext>>
  ): CampaignView => {
    const connection =
      names.connections.find((c) => (row.connectionId ? c.id === row.connectionId : c.isDefault)) ??
      null;
    return {
      id: row.id,
      documentId: row.documentId,
      name: row.name,
      connectionId: row.connectionId,
      audienceId: row.audienceId,
      segmentId: row.segmentId,
      subject: row.subject ?? '',
      previewText: row.previewText,
      fromName: row.fromName,
      replyTo: row.replyTo,
      contentMode: row.contentMode,
      html: row.html,
      entries: row.entries ?? [],
      intro: row.intro,
      connectionName: connection?.accountName ?? null,
      platform: connection ? platformLabel(connection.provider) : null,
      audienceName: connection?.audiencesCache?.find((a) => a.id === row.audienceId)?.name ?? null,
      segmentName: names.segments.find((s) => s.id === row.segmentId)?.name ?? null,
      status: row.status,
      remoteId: row.remoteId,
      lastError: row.lastError,
      scheduledAt: row.scheduledAt,
      sentAt: row.sentAt,
      recipientCount: row.recipientCount,
      metrics: row.metrics,
      createdAt: row.createdAt,
      updatedAt: row.updatedAt,
    };
  };

  const viewOne = async (row: CampaignRow) => view(row, await namesContext());

  const detail = async (row: CampaignRow): Promise<CampaignDetail> => {
    const snapshots = await rows.snapshots(row.id);
    const stored = snapshots.map((s) => s.metrics);
    // Unchanged refreshes store no snapshot; the latest one still ends the line at its time.
    const latest = row.metrics;
    const last = stored.at(-1);
    if (latest && last && latest.takenAt > last.takenAt && sameMetrics(latest, last))
      stored.push(latest);
    return {
      ...(await viewOne(row)),
      snapshots: stored,
      timeseries: snapshots.at(-1)?.timeseries ?? [],
    };
  };

  /**
   * The rendered email: the HTML as given, or the digest of the picked entries, whose opt-out
   * link is the platform's own unsubscribe placeholder.
   */
  const renderHtml = async (input: CampaignInput, unsubscribeUrl: string) => {
    if (input.contentMode === 'html') return { html: input.html ?? '', problems: [] };
    const loaded = await entries.load(input.entries ?? []);
    return {
      html: renderDigest({
        subject: input.subject,
        previewText: input.previewText,
        intro: input.intro,
        entries: loaded.entries,
        unsubscribeUrl,
      }),
      problems: loaded.problems,
    };
  };

  /** Sender defaults: the connection's resolved sender, or the chosen audience's campaign defaults. */
  const senderOf = (connection: ConnectionView, audience: AudienceView | undefined) => {
    const sender = connection.sender ?? { name: '', email: '', source: 'server' as const };
    if (sender.source === 'connection' || !audience?.defaults.fromEmail)
      return { fromName: sender.name, replyTo: sender.email };
    return {
      fromName: connection.senderName || audience.defaults.fromName || sender.name,
      replyTo: audience.defaults.fromEmail,
    };
  };

  const cachedAudience = async (connectionId: number, audienceId: string) => {
    const row = (await strapi.db.query(CONNECTION_UID).findOne({
      where: { id: connectionId },
      select: ['audiencesCache'],
    })) as { audiencesCache: AudienceView[] | null } | null;
    return row?.audiencesCache?.find((a) => a.id === audienceId);
  };

  /** Everything a save needs: the provider, the platform draft and the rendered content. */
  const compose = async (body: Record<string, unknown>) => {
    const { input, problems } = readCampaignInput(body);
    if (problems.length > 0) throw invalid(problems);
    const { connection, provider } = await platformOf(input.connectionId ?? null);
    const audienceId = input.audienceId || connection.defaultAudienceId || '';
    if (!audienceId)
      problems.push({ path: 'audienceId', message: 'Choose the audience to send to.' });
    let remoteSegmentId: string | null = null;
    if (input.segmentId) {
      const segment = await segmentRows(strapi).find(input.segmentId);
      if (!segment)
        problems.push({ path: 'segmentId', message: `There is no segment ${input.segmentId}.` });
      else if (!segment.remoteId)
        problems.push({
          path: 'segmentId',
          message: `The segment "${segment.name}" is not on ${platformLabel(provider.name)} yet: sync it first (Segments page).`,
        });
      else if (
        segment.remoteAudienceId !== audienceId ||
        (segment.remoteConnectionId ?? connection.id) !== connection.id
      )
        problems.push({
          path: 'segmentId',
          message: `The segment "${segment.name}" lives on another audience (${segment.remoteAudienceId}); choose that audience or another segment.`,
        });
      else remoteSegmentId = segment.remoteId;
    }
    const rendered = await renderHtml(input, provider.campaigns.unsubscribeUrl);
    problems.push(...rendered.problems);
    if (problems.length > 0) throw invalid(problems);
    const sender = senderOf(connection, await cachedAudience(connection.id, audienceId));
    const draft: RemoteCampaignDraft = {
      audienceId,
      segmentId: remoteSegmentId,
      title: input.name,
      subject: input.subject,
      previewText: input.previewText ?? null,
      fromName: input.fromName || sender.fromName,
      replyTo: input.replyTo || sender.replyTo,
    };
    const data: Partial<CampaignRow> = {
      name: input.name,
      connectionId: input.connectionId ?? null,
      audienceId,
      segmentId: input.segmentId ?? null,
      remoteSegmentId,
      subject: input.subject,
      previewText: input.previewText ?? null,
      fromName: draft.fromName,
      replyTo: draft.replyTo,
      contentMode: input.contentMode,
      html: input.contentMode === 'html' ? (input.html ?? null) : null,
      entries: input.entries ?? [],
      intro: input.intro ?? null,
    };
    return { input, provider, draft, html: rendered.html, data };
  };

  /** Runs a platform call; a campaign gone from the platform is marked so, others become a 400. */
  const onPlatform = async <T>(
    row: CampaignRow,
    provider: EmailMarketingProvider,
    call: () => Promise<T>
  ): Promise<T> => {
    try {
      return await call();
    } catch (error) {
      if (isPlatformError(error) && error.kind === 'not_found' && row.remoteId) {
        const gone = await provider.campaigns.get(row.remoteId).catch(() => undefined);
        if (gone === null) {
          await rows.update(row.id, { status: 'error', lastError: goneMessage(provider.name) });
          throw new errors.ApplicationError(goneMessage(provider.name), { kind: 'not_found' });
        }
      }
      throw platformFailure(error);
    }
  };

  /** After an action: the platform's view of the campaign, stored. */
  const syncState = async (row: CampaignRow, provider: EmailMarketingProvider) => {
    const remote = row.remoteId ? await provider.campaigns.get(row.remoteId) : null;
    if (!remote)
      return rows.update(row.id, { status: 'error', lastError: goneMessage(provider.name) });
    return rows.update(row.id, { ...fromRemote(remote), lastError: null });
  };

  const record = (
    actor: AuditActor,
    action: string,
    row: CampaignRow,
    after: Record<string, unknown> = {},
    before: Record<string, unknown> | null = null
  ) =>
    audit().record(actor, {
      action,
      subjectType: 'campaign',
      subjectId: row.id,
      before,
      after: { name: row.name, remoteId: row.remoteId, ...after },
    });

  /** The row and its platform, for an action on an existing platform campaign. */
  const forAction = async (id: number) => {
    const row = await find(id);
    if (!row.remoteId)
      throw new errors.ApplicationError('This campaign is not on the platform; save it again.');
    const { provider } = await platformOf(row.connectionId);
    return { row, provider, remoteId: row.remoteId };
  };

  return {
    async list(): Promise<CampaignView[]> {
      const names = await namesContext();
      return (await rows.all()).map((row) => view(row, names));
    },

    async get(id: number) {
      return detail(await find(id));
    },

    async defaults(query: { connectionId?: string; audienceId?: string }) {
      const connectionId = query.connectionId ? Number(query.connectionId) : undefined;
      const { connection } = await connectionsService().provider(connectionId);
      const audienceId = query.audienceId || connection.defaultAudienceId || '';
      const sender = senderOf(connection, await cachedAudience(connection.id, audienceId));
      return { fromName: sender.fromName, replyTo: sender.replyTo };
    },

    entrySources: () => entries.sources(),

    async entries(query: { uid?: string; q?: string; page?: string }) {
      const page = Math.max(1, Math.floor(Number(query.page ?? 1)) || 1);
      const { data, total } = await entries.list(query.uid ?? '', (query.q ?? '').trim(), page);
      if (total < 0)
        throw invalid([
          {
            path: 'uid',
            message: `${query.uid ?? '(none)'} is not a collection type whose entries can go into a campaign.`,
          },
        ]);
      return { data, meta: { total, page, pageSize: ENTRIES_PAGE_SIZE } };
    },

    /** The email as it will be sent, for the preview. */
    async render(body: Record<string, unknown>) {
      const { input, problems } = readCampaignInput({ name: 'preview', ...body });
      const relevant = problems.filter((p) => ['html', 'entries', 'contentMode'].includes(p.path));
      if (relevant.length > 0) throw invalid(relevant);
      // The chosen connection's placeholder; with no platform connected the link goes nowhere.
      const platform = await platformOf(input.connectionId ?? null).catch(() => null);
      const rendered = await renderHtml(
        { ...input, subject: input.subject || '(no subject)' },
        platform?.provider.campaigns.unsubscribeUrl ?? '#'
      );
      if (rendered.problems.length > 0) throw invalid(rendered.problems);
      return { html: rendered.html };
    },

    async create(body: Record<string, unknown>, actor: AuditActor) {
      const { provider, draft, html, data } = await compose(body);
      const remote = await provider.campaigns.create(draft).catch((e) => {
        throw platformFailure(e);
      });
      try {
        await provider.campaigns.setContent(remote.id, html);
      } catch (error) {
        // No half-made campaign stays behind on the platform.
        await provider.campaigns.delete(remote.id).catch(() => undefined);
        throw platformFailure(error);
      }
      const row = await rows.create({
        ...data,
        status: 'draft',
        remoteId: remote.id,
        imported: false,
        recipientCount: remote.recipientCount,
      });
      await record(actor, 'campaign.created', row, {
        audienceId: data.audienceId,
        segmentId: data.segmentId,
      });
      return viewOne(row);
    },

    async update(id: number, body: Record<string, unknown>, actor: AuditActor) {
      const before = await find(id);
      wrongStatus(before, ['draft', 'paused'], 'edited');
      const { provider, draft, html, data } = await compose(body);
      if ((data.connectionId ?? null) !== (before.connectionId ?? null))
        throw invalid([
          {
            path: 'connectionId',
            message:
              'A saved campaign stays on its connection; create a new campaign for another one.',
          },
        ]);
      const remote = await onPlatform(before, provider, async () => {
        const updated = await provider.campaigns.update(before.remoteId!, draft);
        await provider.campaigns.setContent(before.remoteId!, html);
        return updated;
      });
      const row = await rows.update(id, {
        ...data,
        recipientCount: remote.recipientCount,
        lastError: null,
      });
      await record(
        actor,
        'campaign.changed',
        row,
        { subject: data.subject, segmentId: data.segmentId },
        {
          subject: before.subject,
          segmentId: before.segmentId,
        }
      );
      return viewOne(row);
    },

    async remove(id: number, actor: AuditActor) {
      const row = await find(id);
      wrongStatus(row, ['draft', 'error'], 'deleted (a sent campaign keeps its report)');
      if (row.status === 'draft' && row.remoteId) {
        const { provider } = await platformOf(row.connectionId);
        await provider.campaigns.delete(row.remoteId).catch((e) => {
          throw platformFailure(e);
        });
      }
      await rows.remove(id);
      await record(actor, 'campaign.deleted', row, { status: row.status });
      return { deleted: true };
    },

    /** Tracks a campaign made on the platform: its record here, then a first refresh. */
    async import(body: Record<string, unknown>, actor: AuditActor) {
      const remoteId = typeof body.remoteId === 'string' ? body.remoteId.trim() : '';
      if (!remoteId)
        throw invalid([
          { path: 'remoteId', message: 'Give the id of the platform campaign to import.' },
        ]);
      const connectionId = body.connectionId ? Number(body.connectionId) : null;
      const { connection, provider } = await platformOf(connectionId);
      const existing = (await rows.all()).find(
        (r) => r.remoteId === remoteId && (r.connectionId ?? connection.id) === connection.id
      );
      if (existing)
        throw invalid([
          {
            path: 'remoteId',
            message: `Campaign ${remoteId} is already tracked as "${existing.name}".`,
          },
        ]);
      const remote = await provider.campaigns.get(remoteId).catch((e) => {
        throw platformFailure(e);
      });
      if (!remote)
        throw new errors.NotFoundError(
          `${platformLabel(provider.name)} has no campaign with the id ${remoteId}.`
        );
      const segment = remote.segmentId
        ? (await segmentRows(strapi).all()).find(
            (s) => s.remoteId === remote.segmentId && s.remoteAudienceId === remote.audienceId
          )
        : undefined;
      const created = await rows.create({
        name: remote.title || remote.subject || remoteId,
        connectionId,
        audienceId: remote.audienceId,
        segmentId: segment?.id ?? null,
        remoteSegmentId: remote.segmentId,
        subject: remote.subject,
        previewText: remote.previewText,
        fromName: remote.fromName,
        replyTo: remote.replyTo,
        contentMode: 'html',
        html: null,
        entries: [],
        remoteId,
        imported: true,
        ...fromRemote(remote),
      });
      await record(actor, 'campaign.imported', created, { status: created.status });
      const refreshed = await refreshCampaign(strapi, created.id, { interactive: true });
      return viewOne(refreshed.campaign);
    },

    async sendTest(id: number, body: Record<string, unknown>, actor: AuditActor) {
      const { row, provider, remoteId } = await forAction(id);
      wrongStatus(row, ['draft', 'paused'], 'tested');
      const { emails, problems } = readTestEmails(body, provider.campaigns.maxTestRecipients);
      if (problems.length > 0) throw invalid(problems);
      await onPlatform(row, provider, () => provider.campaigns.sendTest(remoteId, emails));
      await record(actor, 'campaign.test-sent', row, { emails });
      return { sent: emails.length };
    },

    async send(id: number, actor: AuditActor) {
      const { row, provider, remoteId } = await forAction(id);
      wrongStatus(row, ['draft', 'paused'], 'sent');
      await onPlatform(row, provider, () => provider.campaigns.send(remoteId));
      const updated = await syncState(row, provider);
      await record(actor, 'campaign.sent', updated, {
        status: updated.status,
        recipientCount: updated.recipientCount,
        segmentId: updated.segmentId,
      });
      return viewOne(updated);
    },

    async schedule(id: number, body: Record<string, unknown>, actor: AuditActor) {
      const check = checkScheduleTime(body.scheduledAt);
      if (!check.ok)
        throw invalid([{ path: 'scheduledAt', message: check.message }], {
          rule: check.rule,
          suggestions: check.suggestions,
        });
      const { row, provider, remoteId } = await forAction(id);
      wrongStatus(row, ['draft', 'paused'], 'scheduled');
      await onPlatform(row, provider, () => provider.campaigns.schedule(remoteId, check.at));
      const updated = await syncState(row, provider);
      await record(actor, 'campaign.scheduled', updated, { scheduledAt: check.at.toISOString() });
      return viewOne(updated);
    },

    async unschedule(id: number, actor: AuditActor) {
      const { row, provider, remoteId } = await forAction(id);
      wrongStatus(row, ['scheduled'], 'unscheduled');
      await onPlatform(row, provider, () => provider.campaigns.unschedule(remoteId));
      const updated = await syncState(row, provider);
      await record(actor, 'campaign.unscheduled', updated, {}, { scheduledAt: row.scheduledAt });
      return viewOne(updated);
    },

    async cancel(id: number, actor: AuditActor) {
      const { row, provider, remoteId } = await forAction(id);
      wrongStatus(row, ['sending'], 'cancelled');
      await onPlatform(row, provider, () => provider.campaigns.cancel(remoteId));
      const updated = await syncState(row, provider);
      await record(actor, 'campaign.cancelled', updated, { status: updated.status });
      return viewOne(updated);
    },

    /** Now, while the admin waits; with the platform down the last snapshot stays. */
    async refresh(id: number) {
      await find(id);
      const outcome = await refreshCampaign(strapi, id, { interactive: true });
      return detail(outcome.campaign);
    },

    /** The same job the schedule runs. */
    async refreshAll() {
      return getService(strapi, 'jobs').enqueue(
        CAMPAIGN_REFRESH_ALL_JOB,
        { scope: 'all' },
        { dedupeKey: 'campaigns:refresh-all' }
      );
    },

    refreshKey: campaignRefreshKey,
  };
};

export default campaigns;
