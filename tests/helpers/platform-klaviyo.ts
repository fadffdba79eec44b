import type { KlaviyoSimulator, Profile } from '../simulator-klaviyo';
import { startKlaviyoFixture } from './klaviyo';
import type {
  Platform,
  PlatformAccount,
  PlatformFixture,
  PlatformRequest,
  RemoteContact,
  RemoteStatus,
} from './platforms';

/** The Klaviyo fixture, with its simulator for a suite's Klaviyo-only needs. */
export interface KlaviyoPlatformFixture extends PlatformFixture {
  readonly sim: KlaviyoSimulator;
  readonly accountId: string;
}

const CLEANED = new Set(['HARD_BOUNCE', 'INVALID_EMAIL', 'SPAM_COMPLAINT']);
/** Klaviyo's standard profile attributes the suites map to; anything else is a custom property. */
const STANDARD = new Set(['first_name', 'last_name', 'organization']);

/**
 * Klaviyo's consent is per profile (account-wide) and list membership is separate; this reads
 * both for one list in the vocabulary the suites share with Mailchimp:
 * a list unsubscribe → unsubscribed; awaiting a double opt-in confirmation → pending; off the
 * list (the plugin archives by removing from the list) → archived; a bounce, invalid address or
 * spam complaint → cleaned; withdrawn consent or an unsubscribe suppression → unsubscribed;
 * consent given → subscribed; on the list without marketing consent → transactional.
 */
const statusOn = (profile: Profile, listId: string, onList: boolean): RemoteStatus => {
  const m = profile.marketing;
  if (m.list_suppressions.some((s) => s.list_id === listId)) return 'unsubscribed';
  if (profile.pendingLists.has(listId)) return 'pending';
  if (!onList) return 'archived';
  if (m.suppression.some((s) => CLEANED.has(s.reason))) return 'cleaned';
  if (m.consent === 'UNSUBSCRIBED' || m.suppression.length > 0) return 'unsubscribed';
  return m.consent === 'SUBSCRIBED' ? 'subscribed' : 'transactional';
};

const startKlaviyo = async (): Promise<KlaviyoPlatformFixture> => {
  const fx = await startKlaviyoFixture({ logBodies: true });
  const { sim } = fx;
  /** Lists that are audiences (made by the fixture); any other list holding a profile is a tag. */
  const audiences = new Set([fx.listId, fx.doubleOptInListId]);

  const accountOf = (listId: string) => {
    for (const account of sim.accounts.values()) if (account.lists.has(listId)) return account;
    throw new Error(`unknown Klaviyo list ${listId}`);
  };
  const toContact = (profile: Profile, listId: string): RemoteContact => {
    const account = accountOf(listId);
    const onList = account.lists.get(listId)!.profiles.has(profile.id);
    const fields: Record<string, unknown> = { ...profile.properties };
    for (const key of STANDARD) fields[key] = profile[key as keyof Profile];
    return {
      id: profile.id,
      email: profile.email,
      status: statusOn(profile, listId, onList),
      fields,
      tags: [...account.lists.values()]
        .filter((l) => !audiences.has(l.id) && l.profiles.has(profile.id))
        .map((l) => l.name),
      confirmationsSent: profile.confirmationsSent,
    };
  };
  const profileOf = (email: string, listId: string) =>
    sim.profile(accountOf(listId).id, email) ?? undefined;
  const requests = (): PlatformRequest[] =>
    sim.requests.map((r) => ({
      method: r.method,
      path: r.query ? `${r.path}?${decodeURIComponent(r.query)}` : r.path,
      body: r.body,
    }));
  const touches = (email: string) => {
    const id = profileOf(email, fx.listId)?.id;
    const needle = email.toLowerCase();
    return requests().filter(
      (r) =>
        (id !== undefined && r.path.includes(id)) ||
        r.path.toLowerCase().includes(needle) ||
        JSON.stringify(r.body ?? '')
          .toLowerCase()
          .includes(needle)
    );
  };
  const account = (name: string, apiKey: string, listId: string, listName: string) => ({
    accountName: name,
    audienceId: listId,
    audienceName: listName,
    connectBody: { provider: 'klaviyo', apiKey },
  });
  const primary: PlatformAccount = account(
    'Fixture Store',
    fx.apiKey,
    fx.listId,
    'Fixture newsletter'
  );

  return {
    name: 'klaviyo',
    sim,
    accountId: fx.accountId,
    env: fx.env,
    primary,
    fields: {
      firstName: 'first_name',
      lastName: 'last_name',
      birthday: 'birthday',
      company: 'organization',
    },
    missingAudienceId: 'Zz9Zz9',
    webhooks: false,
    consentScope: 'account',

    // Klaviyo's custom properties are free-form: the admin "creates" the birthday field, which
    // the provider records with its kind (so that values are coerced as birthdays).
    async afterConnect(plugin, connectionId) {
      const res = await plugin.post('/email-marketing/sync/merge-fields', {
        connectionId,
        audienceId: fx.listId,
        name: 'Birthday',
        tag: 'birthday',
        type: 'birthday',
      });
      if (res.status !== 200) throw new Error(`creating the birthday property: ${res.status}`);
    },
    addAccount(name) {
      const slug = name.toLowerCase().replace(/\W+/g, '');
      const created = sim.createAccount({
        organizationName: name,
        senderName: name,
        senderEmail: `news@${slug}.example`,
      });
      const list = sim.createList(created.account.id, { name: `${name} newsletter` });
      audiences.add(list.id);
      return account(name, created.apiKey, list.id, list.name);
    },
    createAudience({ name, doubleOptIn = false }) {
      const list = sim.createList(fx.accountId, { name, doubleOptIn });
      audiences.add(list.id);
      return list.id;
    },
    seed(audienceId, contacts) {
      const { id: accountId } = accountOf(audienceId);
      sim.seedProfiles(
        accountId,
        audienceId,
        contacts.map((c) => {
          const standard: Record<string, string> = {};
          const properties: Record<string, unknown> = {};
          for (const [key, value] of Object.entries(c.fields ?? {}))
            (STANDARD.has(key) ? standard : properties)[key] = value;
          return {
            email: c.email,
            ...standard,
            properties,
            consent: c.status === 'unsubscribed' ? 'UNSUBSCRIBED' : 'SUBSCRIBED',
          };
        })
      );
      for (const c of contacts) if (c.status === 'cleaned') sim.bounce(accountId, c.email);
    },
    contact(email, audienceId = fx.listId) {
      const profile = profileOf(email, audienceId);
      return profile ? toContact(profile, audienceId) : undefined;
    },
    contacts(audienceId = fx.listId) {
      const acct = accountOf(audienceId);
      return [...acct.profiles.values()]
        .filter(
          (p) =>
            acct.lists.get(audienceId)!.profiles.has(p.id) ||
            p.pendingLists.has(audienceId) ||
            p.marketing.list_suppressions.some((s) => s.list_id === audienceId)
        )
        .map((p) => toContact(p, audienceId));
    },

    unsubscribe(email, audienceId = fx.listId) {
      sim.personUnsubscribes(accountOf(audienceId).id, email);
    },
    hardBounce(email, audienceId = fx.listId) {
      sim.bounce(accountOf(audienceId).id, email);
    },
    // Klaviyo never calls the plugin: every change is "quiet" until the import polls for it.
    unsubscribeQuietly(email, audienceId = fx.listId) {
      sim.personUnsubscribes(accountOf(audienceId).id, email);
    },
    // Klaviyo's subscribe, unsubscribe and suppression jobs run after the call has answered.
    async settled() {
      const running = () =>
        [...sim.accounts.values()].some((a) =>
          [...a.jobs.values()].some((j) => j.status === 'queued' || j.status === 'processing')
        );
      const deadline = Date.now() + 10_000;
      while (running()) {
        if (Date.now() > deadline) throw new Error('Klaviyo simulator jobs did not finish');
        await new Promise((resolve) => setTimeout(resolve, 10));
      }
    },
    // The plugin polls Klaviyo (the daily opt-out import, here on demand).
    async deliverSignals(plugin) {
      const res = await plugin.post('/email-marketing/consent/import');
      if (res.status !== 200) throw new Error(`the opt-out import answered ${res.status}`);
    },

    clearLog: () => sim.clearLog(),
    requests,
    writes: () => requests().filter((r) => r.method !== 'GET'),
    touches,
    // Subscribe Profiles sets consent and clears unsubscribe suppressions: any such call naming
    // the address could re-subscribe it.
    subscribingWrites: (email) =>
      touches(email).filter(
        (r) =>
          r.method === 'POST' && r.path.startsWith('/api/profile-subscription-bulk-create-jobs')
      ),

    hasCampaign: (remoteId) => [...sim.accounts.values()].some((a) => a.campaigns.has(remoteId)),
    // Every recipient opens; every third also clicks.
    engage(remoteId, emails) {
      const acct = [...sim.accounts.values()].find((a) => a.campaigns.has(remoteId))!;
      const campaign = acct.campaigns.get(remoteId)!;
      emails.forEach((email, i) => {
        const profile = sim.profile(acct.id, email);
        if (!profile || !campaign.sentTo.has(profile.id)) return;
        sim.engage(acct.id, remoteId, email, i % 3 === 0 ? 'click' : 'open');
      });
    },
    async campaignTruth(remoteId) {
      const acct = [...sim.accounts.values()].find((a) => a.campaigns.has(remoteId))!;
      const { stats } = acct.campaigns.get(remoteId)!;
      return {
        recipients: stats.recipients,
        delivered: stats.delivered,
        uniqueOpens: stats.openers.size,
        uniqueClicks: stats.clickers.size,
      };
    },
    stop: () => sim.stop(),
  };
};

export const klaviyoPlatform: Platform = { name: 'klaviyo', start: startKlaviyo };
