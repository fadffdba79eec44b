import { createHash } from 'crypto';
import type { MailchimpSimulator } from '../simulator';
import type { Member } from '../simulator/state';
import type {
  Platform,
  PlatformAccount,
  PlatformFixture,
  PlatformRequest,
  RemoteContact,
} from './platforms';
import { startSimFixture } from './simulator';

const md5 = (email: string) => createHash('md5').update(email.toLowerCase()).digest('hex');

/** The Mailchimp fixture, with its simulator for the suites' Mailchimp-only blocks. */
export interface MailchimpPlatformFixture extends PlatformFixture {
  readonly sim: MailchimpSimulator;
  readonly accountId: string;
}

const toContact = (member: Member): RemoteContact => ({
  id: member.contact_id,
  email: member.email_address,
  status: member.status as RemoteContact['status'],
  fields: member.merge_fields,
  tags: member.tags.map((t) => t.name),
  confirmationsSent: member.confirmationsSent,
});

const startMailchimp = async (): Promise<MailchimpPlatformFixture> => {
  const fx = await startSimFixture({ logBodies: true });
  const { sim } = fx;
  // The fixture audience has BIRTHDAY; the suites also map the organisation to COMPANY.
  sim.list(fx.listId).mergeFields.push({
    merge_id: 99,
    tag: 'COMPANY',
    name: 'Company',
    type: 'text',
    required: false,
    default_value: '',
    public: true,
    display_order: 9,
    options: {},
    help_text: '',
    list_id: fx.listId,
  });
  let nextDc = 8;
  const requests = (): PlatformRequest[] => sim.requests;
  const touches = (email: string) =>
    requests().filter(
      (r) => r.path.includes(md5(email)) || JSON.stringify(r.body ?? '').includes(email)
    );
  const primary: PlatformAccount = {
    accountName: 'Fixture Co',
    audienceId: fx.listId,
    audienceName: 'Fixture audience',
    connectBody: { provider: 'mailchimp', apiKey: fx.apiKey },
  };
  return {
    name: 'mailchimp',
    sim,
    accountId: fx.accountId,
    env: { MAILCHIMP_API_ROOT: `${sim.url}/{dc}/3.0` },
    primary,
    fields: { firstName: 'FNAME', lastName: 'LNAME', birthday: 'BIRTHDAY', company: 'COMPANY' },
    missingAudienceId: 'deadbeef00',
    webhooks: true,
    consentScope: 'audience',

    // The fixture audience already has every merge field the suites map.
    async afterConnect() {},
    addAccount(name) {
      const slug = name.toLowerCase().replace(/\W+/g, '');
      const { account, apiKey } = sim.createAccount({
        dc: `us${nextDc++}`,
        accountName: name,
        email: `owner@${slug}.example`,
      });
      const list = sim.createList(account.account_id, {
        name: `${name} audience`,
        fromName: name,
        fromEmail: `news@${slug}.example`,
      });
      return {
        accountName: name,
        audienceId: list.id,
        audienceName: list.name,
        connectBody: { provider: 'mailchimp', apiKey },
      };
    },
    createAudience({ name, doubleOptIn = false }) {
      return sim.createList(fx.accountId, { name, doubleOptin: doubleOptIn }).id;
    },
    seed(audienceId, contacts) {
      sim.seedMembers(
        audienceId,
        contacts.map((c) => ({
          email_address: c.email,
          status_if_new: c.status,
          ...(c.fields ? { merge_fields: c.fields } : {}),
        }))
      );
    },
    contact(email, audienceId = fx.listId) {
      const member = sim.member(audienceId, email);
      return member ? toContact(member) : undefined;
    },
    contacts(audienceId = fx.listId) {
      return [...sim.list(audienceId).members.values()].map(toContact);
    },

    unsubscribe(email, audienceId = fx.listId) {
      sim.unsubscribe(audienceId, email);
    },
    hardBounce(email, audienceId = fx.listId) {
      sim.hardBounce(audienceId, email);
    },
    unsubscribeQuietly(email, audienceId = fx.listId) {
      const member = sim.member(audienceId, email);
      if (!member) throw new Error(`${email} is not on ${audienceId}`);
      member.status = 'unsubscribed';
      member.last_changed = new Date().toISOString();
    },
    // The provider waits for its batch operations itself: nothing accepted is left running.
    async settled() {},
    // Mailchimp calls the plugin's webhook: delivering the queued deliveries is the signal.
    async deliverSignals() {
      await sim.flushDeliveries();
    },

    clearLog: () => sim.clearLog(),
    requests,
    writes: () => requests().filter((r) => r.method !== 'GET'),
    touches,
    // A status sent for an existing member would be a re-subscription. A batch subscribe with
    // update_existing:false only creates new members, so its status cannot touch an existing one.
    subscribingWrites: (email) =>
      touches(email).filter((r) => {
        const body = (r.body ?? {}) as { status?: string; update_existing?: boolean };
        return body.update_existing !== false && /^(subscribed|pending)$/.test(body.status ?? '');
      }),

    hasCampaign: (remoteId) => sim.account(fx.accountId).campaigns.has(remoteId),
    // Mailchimp's simulator derives opens and clicks from the recipients as time passes.
    engage: (remoteId) => sim.advanceEngagement(remoteId, 72),
    async campaignTruth(remoteId) {
      const report = await fx.client().getReport(remoteId);
      return {
        recipients: report.emails_sent,
        delivered: report.emails_sent - report.bounces.hard_bounces - report.bounces.soft_bounces,
        uniqueOpens: report.opens.unique_opens,
        uniqueClicks: report.clicks.unique_subscriber_clicks,
      };
    },
    stop: () => sim.stop(),
  };
};

export const mailchimpPlatform: Platform = { name: 'mailchimp', start: startMailchimp };

/** The Mailchimp fixture behind a PlatformFixture, for a suite's Mailchimp-only block. */
export const asMailchimp = (fx: PlatformFixture): MailchimpPlatformFixture => {
  if (fx.name !== 'mailchimp' || !('sim' in fx)) throw new Error(`${fx.name} is not Mailchimp`);
  return fx as MailchimpPlatformFixture;
};
