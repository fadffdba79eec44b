import type { Core } from '@strapi/strapi';
import type { ConnectionsResponse } from '../types/connections';
import { adminActor } from '../utils/actor';
import { getService } from '../utils/get-service';
import { parseConnectInput, parseUpdateInput } from '../validation/connections';
import type { Ctx } from './context';

const connections = ({ strapi }: { strapi: Core.Strapi }) => {
  const service = () => getService(strapi, 'connections');
  return {
    async list(ctx: Ctx) {
      const body: ConnectionsResponse = {
        connections: await service().list(),
        oauthAvailable: getService(strapi, 'oauth').isAvailable(),
        encryptionConfigured: getService(strapi, 'crypto').isConfigured(),
      };
      ctx.body = { data: body };
    },
    async providers(ctx: Ctx) {
      ctx.body = { data: service().providers() };
    },
    async checkKey(ctx: Ctx) {
      const { provider = 'mailchimp', apiKey = '' } = (ctx.request.body ?? {}) as {
        provider?: string;
        apiKey?: string;
      };
      ctx.body = { data: service().checkApiKey(String(provider), String(apiKey)) };
    },
    async create(ctx: Ctx) {
      ctx.body = {
        data: await service().connectWithApiKey(
          parseConnectInput(ctx.request.body ?? {}),
          adminActor(ctx)
        ),
      };
    },
    async update(ctx: Ctx) {
      ctx.body = {
        data: await service().update(
          Number(ctx.params.id),
          parseUpdateInput(ctx.request.body ?? {}),
          adminActor(ctx)
        ),
      };
    },
    async verify(ctx: Ctx) {
      ctx.body = { data: await service().verify(Number(ctx.params.id), adminActor(ctx)) };
    },
    async makeDefault(ctx: Ctx) {
      ctx.body = { data: await service().makeDefault(Number(ctx.params.id), adminActor(ctx)) };
    },
    async disconnect(ctx: Ctx) {
      ctx.body = { data: await service().disconnect(Number(ctx.params.id), adminActor(ctx)) };
    },
    async audiences(ctx: Ctx) {
      ctx.body = {
        data: await service().audiences(Number(ctx.params.id), {
          refresh: ctx.query.refresh === 'true',
        }),
      };
    },
  };
};

export default connections;
