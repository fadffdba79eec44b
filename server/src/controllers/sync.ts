import type { Core } from '@strapi/strapi';
import { adminActor } from '../utils/actor';
import { getService } from '../utils/get-service';
import { fieldError } from '../validation/connections';
import type { Ctx } from './context';

const sync = ({ strapi }: { strapi: Core.Strapi }) => {
  const profiles = () => getService(strapi, 'syncProfiles');
  const contacts = () => getService(strapi, 'contactSync');
  return {
    sources(ctx: Ctx) {
      ctx.body = { data: profiles().sources() };
    },
    async listProfiles(ctx: Ctx) {
      ctx.body = { data: await profiles().list() };
    },
    async getProfile(ctx: Ctx) {
      ctx.body = { data: await profiles().get(Number(ctx.params.id)) };
    },
    async createProfile(ctx: Ctx) {
      ctx.body = { data: await profiles().create(ctx.request.body ?? {}, adminActor(ctx)) };
    },
    async updateProfile(ctx: Ctx) {
      ctx.body = {
        data: await profiles().update(
          Number(ctx.params.id),
          ctx.request.body ?? {},
          adminActor(ctx)
        ),
      };
    },
    async deleteProfile(ctx: Ctx) {
      await profiles().remove(Number(ctx.params.id), adminActor(ctx));
      ctx.body = { data: { deleted: true } };
    },
    async syncNow(ctx: Ctx) {
      const force = ctx.request.body?.force === true;
      ctx.body = {
        data: {
          jobId: (await profiles().enqueueFullSync(Number(ctx.params.id), 'manual', force)).id,
        },
      };
    },
    async mergeFields(ctx: Ctx) {
      const connectionId = ctx.query.connectionId ? Number(ctx.query.connectionId) : null;
      const result = await profiles().audienceFields({
        connectionId,
        audienceId: ctx.query.audienceId || null,
      });
      if (result.problem) throw fieldError(result.problem.path, result.problem.message);
      ctx.body = { data: result.fields };
    },
    async createMergeField(ctx: Ctx) {
      const body = (ctx.request.body ?? {}) as {
        options?: { choices?: string[] };
        connectionId?: number;
        audienceId?: string;
        name?: string;
        tag?: string;
        type?: string;
      };
      if (!body.name) throw fieldError('name', 'Give the merge field a name.');
      const { provider, connection } = await getService(strapi, 'connections').provider(
        body.connectionId ?? undefined
      );
      const audienceId = body.audienceId || connection.defaultAudienceId;
      if (!audienceId) throw fieldError('audienceId', 'Choose an audience.');
      ctx.body = {
        data: await provider.createField(audienceId, {
          name: body.name,
          tag: body.tag,
          type: (body.type ?? 'text') as never,
          // Dropdown and radio fields need their choices (an enumeration's values).
          options: body.options?.choices ? { choices: body.options.choices } : undefined,
        }),
      };
    },
    async preview(ctx: Ctx) {
      ctx.body = { data: await contacts().preview(ctx.request.body ?? {}) };
    },
    async contactState(ctx: Ctx) {
      ctx.body = { data: await contacts().contactState(ctx.params.uid, ctx.params.documentId) };
    },
    async syncContact(ctx: Ctx) {
      ctx.body = { data: await contacts().syncContact(ctx.params.uid, ctx.params.documentId) };
    },
  };
};

export default sync;
