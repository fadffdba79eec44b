import type { Core } from '@strapi/strapi';
import { adminActor } from '../utils/actor';
import { getService } from '../utils/get-service';
import type { Ctx } from './context';

/** Segments (issue 8): thin over the segments service. */
const segments = ({ strapi }: { strapi: Core.Strapi }) => {
  const service = () => getService(strapi, 'segments');
  const id = (ctx: Ctx) => Number(ctx.params.id);
  return {
    async list(ctx: Ctx) {
      ctx.body = { data: await service().list() };
    },
    async attributes(ctx: Ctx) {
      ctx.body = { data: await service().attributes(ctx.query.profileId) };
    },
    async preview(ctx: Ctx) {
      ctx.body = { data: await service().preview(ctx.request.body ?? {}) };
    },
    async get(ctx: Ctx) {
      ctx.body = { data: await service().get(id(ctx)) };
    },
    async create(ctx: Ctx) {
      ctx.body = { data: await service().create(ctx.request.body ?? {}, adminActor(ctx)) };
      ctx.status = 201;
    },
    async update(ctx: Ctx) {
      ctx.body = { data: await service().update(id(ctx), ctx.request.body ?? {}, adminActor(ctx)) };
    },
    async duplicate(ctx: Ctx) {
      ctx.body = { data: await service().duplicate(id(ctx), adminActor(ctx)) };
      ctx.status = 201;
    },
    async remove(ctx: Ctx) {
      ctx.body = { data: await service().remove(id(ctx), ctx.query.remote, adminActor(ctx)) };
    },
    async sync(ctx: Ctx) {
      ctx.body = { data: { jobId: (await service().syncNow(id(ctx))).id } };
      ctx.status = 202;
    },
  };
};

export default segments;
