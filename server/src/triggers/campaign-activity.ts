import type { Core } from '@strapi/strapi';
import type { StoredProfile } from '../sync/profile-runtime';
import { getService } from '../utils/get-service';
import type { Award } from './award';
import type { CampaignActivityPayload } from './job-types';
import { applyAwards, usableRule } from './process-capture';
import { limitOf, STATES_TABLE, triggerRows, type RuleRow } from './rows';

const CHUNK = 500;
const ACTION_OF = { 'campaign.opened': 'open', 'campaign.clicked': 'click' } as const;

/** Contact documentIds of a profile by lower-cased address (from the sync state). */
const contactsByEmail = async (strapi: Core.Strapi, profileId: number, emails: string[]) => {
  const out = new Map<string, string[]>();
  for (let i = 0; i < emails.length; i += CHUNK) {
    const chunk = emails.slice(i, i + CHUNK);
    // The state keeps the address as typed in Strapi (John@Example.com): compare lower-cased.
    const rows = (await strapi.db
      .connection(STATES_TABLE)
      .select('source_document_id as documentId', 'email')
      .where('profile_id', profileId)
      .whereRaw(`LOWER(email) IN (${chunk.map(() => '?').join(',')})`, chunk)) as Array<{
      documentId: string;
      email: string;
    }>;
    for (const row of rows) {
      const key = row.email.toLowerCase();
      out.set(key, [...(out.get(key) ?? []), row.documentId]);
    }
  }
  return out;
};

/**
 * points.campaign-activity, after a campaign's metrics refresh: reads who opened and clicked
 * and awards each opened/clicked rule once per (rule, campaign, member); the idempotency key
 * makes every later refresh of the same campaign award only the new openers.
 */
export const processCampaignActivity = async (
  strapi: Core.Strapi,
  payload: CampaignActivityPayload
) => {
  const profiles = new Map<number, StoredProfile | null>();
  const rules: Array<{ rule: RuleRow; profile: StoredProfile }> = [];
  for (const rule of await triggerRows(strapi).rules({ paused: { $ne: true } })) {
    if (rule.event?.type !== 'campaign.opened' && rule.event?.type !== 'campaign.clicked') continue;
    const usable = await usableRule(strapi, rule, profiles);
    if (usable) rules.push(usable);
  }
  if (rules.length === 0) return { skipped: 'no active campaign rules' };

  const { connection, provider } = await getService(strapi, 'connections').provider(
    payload.connectionId ?? undefined
  );
  // First open and first click per address.
  const first = { open: new Map<string, string>(), click: new Map<string, string>() };
  for await (const activity of provider.campaigns.listActivity(payload.remoteId)) {
    const email = activity.email.trim().toLowerCase();
    const seen = first[activity.action];
    if (!seen.has(email) || activity.at < seen.get(email)!) seen.set(email, activity.at);
  }

  const awards: Award[] = [];
  for (const { rule, profile } of rules) {
    // Only profiles on this campaign's connection: the same address elsewhere is another person.
    if ((profile.connectionId ?? connection.id) !== connection.id) continue;
    const action = ACTION_OF[rule.event.type as keyof typeof ACTION_OF];
    const acted = first[action];
    const owners = await contactsByEmail(strapi, profile.id, [...acted.keys()]);
    for (const [email, at] of acted)
      for (const documentId of owners.get(email) ?? [])
        awards.push({
          ruleId: rule.id,
          limit: limitOf(rule),
          profileId: profile.id,
          documentId,
          delta: rule.points,
          cause: `${action === 'open' ? 'Opened' : 'Clicked'} campaign '${payload.name}'`,
          key: `r${rule.id}|campaign:${payload.remoteId}:${action}|p${profile.id}:${documentId}`,
          at: new Date(at),
        });
  }
  return {
    members: first.open.size,
    clickers: first.click.size,
    ...(await applyAwards(strapi, awards)),
  };
};
