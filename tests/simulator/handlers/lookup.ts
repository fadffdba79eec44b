import type { HandlerContext } from '../context';
import { problems } from '../problems';
import type { Campaign, List } from '../state';

export const listOf = (ctx: HandlerContext): List => {
  const list = ctx.account.lists.get(ctx.params.listId);
  if (!list) throw problems.notFound();
  return list;
};

export const campaignOf = (ctx: HandlerContext): Campaign => {
  const campaign = ctx.account.campaigns.get(ctx.params.campaignId);
  if (!campaign) throw problems.notFound();
  return campaign;
};
