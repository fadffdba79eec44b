import type { Core } from '@strapi/strapi';
import { adminActor } from '../utils/actor';
import { getService } from '../utils/get-service';
import type { Ctx } from './context';

/** Point triggers (issue 10): thin over the triggers service. */
const triggers = ({ strapi }: { strapi: Core.Strapi }) => {
  const service = () => getService(strapi, 'triggers');
  const id = (ctx: Ctx) => Number(ctx.params.id);
  const body = (ctx: Ctx) => ctx.request.body ?? {};
  return {
    async listRules(ctx: Ctx) {
      ctx.body = { data: await service().listRules(ctx.query.profileId) };
    },
    async createRule(ctx: Ctx) {
      ctx.body = { data: await service().createRule(body(ctx), adminActor(ctx)) };
      ctx.status = 201;
    },
    async updateRule(ctx: Ctx) {
      ctx.body = { data: await service().updateRule(id(ctx), body(ctx), adminActor(ctx)) };
    },
    async deleteRule(ctx: Ctx) {
      ctx.body = { data: await service().deleteRule(id(ctx), adminActor(ctx)) };
    },
    async listThresholds(ctx: Ctx) {
      ctx.body = { data: await service().listThresholds(ctx.query.profileId) };
    },
    async createThreshold(ctx: Ctx) {
      ctx.body = { data: await service().createThreshold(body(ctx), adminActor(ctx)) };
      ctx.status = 201;
    },
    async updateThreshold(ctx: Ctx) {
      ctx.body = { data: await service().updateThreshold(id(ctx), body(ctx), adminActor(ctx)) };
    },
    async deleteThreshold(ctx: Ctx) {
      ctx.body = { data: await service().deleteThreshold(id(ctx), adminActor(ctx)) };
    },
    async options(ctx: Ctx) {
      ctx.body = { data: await service().options(ctx.query.profileId) };
    },
    async leaders(ctx: Ctx) {
      ctx.body = { data: await service().leaders(ctx.query.profileId, ctx.query.limit) };
    },
    async contact(ctx: Ctx) {
      ctx.body = { data: await service().contact(ctx.params.profileId, ctx.params.documentId) };
    },
    async byEntry(ctx: Ctx) {
      ctx.body = { data: await service().byEntry(ctx.params.uid, ctx.params.documentId) };
    },
    async adjust(ctx: Ctx) {
      const { profileId, documentId } = ctx.params;
      ctx.body = {
        data: await service().adjust(profileId, documentId, body(ctx), adminActor(ctx)),
      };
    },
    async recalculate(ctx: Ctx) {
      ctx.body = { data: await service().recalculate(body(ctx), adminActor(ctx)) };
      ctx.status = 202;
    },
  };
};

export default triggers;
