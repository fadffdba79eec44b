import type { Core } from '@strapi/strapi';
import { adminActor } from '../utils/actor';
import { getService } from '../utils/get-service';
import type { Ctx } from './context';

/** Campaigns (issue 9): thin over the campaigns service. */
const campaigns = ({ strapi }: { strapi: Core.Strapi }) => {
  const service = () => getService(strapi, 'campaigns');
  const id = (ctx: Ctx) => Number(ctx.params.id);
  const body = (ctx: Ctx) => ctx.request.body ?? {};
  return {
    async list(ctx: Ctx) {
      ctx.body = { data: await service().list() };
    },
    async defaults(ctx: Ctx) {
      ctx.body = { data: await service().defaults(ctx.query) };
    },
    async entrySources(ctx: Ctx) {
      ctx.body = { data: service().entrySources() };
    },
    async entries(ctx: Ctx) {
      ctx.body = await service().entries(ctx.query);
    },
    async render(ctx: Ctx) {
      ctx.body = { data: await service().render(body(ctx)) };
    },
    async get(ctx: Ctx) {
      ctx.body = { data: await service().get(id(ctx)) };
    },
    async create(ctx: Ctx) {
      ctx.body = { data: await service().create(body(ctx), adminActor(ctx)) };
      ctx.status = 201;
    },
    async update(ctx: Ctx) {
      ctx.body = { data: await service().update(id(ctx), body(ctx), adminActor(ctx)) };
    },
    async remove(ctx: Ctx) {
      ctx.body = { data: await service().remove(id(ctx), adminActor(ctx)) };
    },
    async import(ctx: Ctx) {
      ctx.body = { data: await service().import(body(ctx), adminActor(ctx)) };
      ctx.status = 201;
    },
    async test(ctx: Ctx) {
      ctx.body = { data: await service().sendTest(id(ctx), body(ctx), adminActor(ctx)) };
    },
    async send(ctx: Ctx) {
      ctx.body = { data: await service().send(id(ctx), adminActor(ctx)) };
    },
    async schedule(ctx: Ctx) {
      ctx.body = { data: await service().schedule(id(ctx), body(ctx), adminActor(ctx)) };
    },
    async unschedule(ctx: Ctx) {
      ctx.body = { data: await service().unschedule(id(ctx), adminActor(ctx)) };
    },
    async cancel(ctx: Ctx) {
      ctx.body = { data: await service().cancel(id(ctx), adminActor(ctx)) };
    },
    async refresh(ctx: Ctx) {
      ctx.body = { data: await service().refresh(id(ctx)) };
    },
    async refreshAll(ctx: Ctx) {
      ctx.body = { data: { jobId: (await service().refreshAll()).id } };
      ctx.status = 202;
    },
  };
};

export default campaigns;
