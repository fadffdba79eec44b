import type { KlaviyoSimulator } from './index';
import { canReceive, suppress } from './profiles';
import { nowIso, type Account, type Campaign } from './state';

/**
 * A campaign goes to the profiles of its included lists, minus the excluded lists, who can
 * receive email marketing and have no suppression for that list. Smart sending skips anyone
 * who received a campaign within the smart-sending window. An address whose local part
 * contains "bounce" bounces hard (and is suppressed), as in the Mailchimp simulator.
 */
export const sendCampaign = (sim: KlaviyoSimulator, account: Account, c: Campaign) => {
  c.status = 'Sending';
  c.send_time = c.send_time ?? nowIso();
  const excluded = new Set(
    c.audiences.excluded.flatMap((id) => [...(account.lists.get(id)?.profiles ?? [])])
  );
  const now = Date.now();
  const recipients = new Set<string>();
  for (const listId of c.audiences.included) {
    for (const pid of account.lists.get(listId)?.profiles ?? []) {
      const p = account.profiles.get(pid);
      if (!p || excluded.has(pid) || !canReceive(p)) continue;
      if (p.marketing.list_suppressions.some((s) => s.list_id === listId)) continue;
      if (
        c.send_options.use_smart_sending &&
        p.lastCampaignAt !== null &&
        now - p.lastCampaignAt < sim.options.smartSendingWindowMs
      )
        continue;
      recipients.add(pid);
    }
  }
  sim.later(sim.options.sendDurationMs, () => {
    if (c.status !== 'Sending') return; // cancelled meanwhile
    for (const pid of recipients) {
      const p = account.profiles.get(pid);
      if (!p) continue;
      c.sentTo.add(pid);
      c.stats.recipients++;
      p.lastCampaignAt = Date.now();
      if (/bounce/i.test(p.email.split('@')[0])) {
        c.stats.bounced++;
        suppress(p, 'HARD_BOUNCE');
      } else c.stats.delivered++;
    }
    c.status = recipients.size === 0 ? 'Cancelled: No Recipients' : 'Sent';
    c.updated_at = nowIso();
  });
};
