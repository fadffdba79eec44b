import { createHash } from 'crypto';
import { startSimFixture, type SimFixture } from '../helpers/simulator';

/**
 * Mailchimp's own Node client (@mailchimp/mailchimp_marketing) against the simulator: if the
 * official client is answered the way it expects, the simulator speaks Mailchimp, not just
 * whatever our client happens to send.
 */
interface OfficialClient {
  basePath: string;
  setConfig(config: { apiKey?: string; accessToken?: string; server: string }): void;
  ping: { get(): Promise<{ health_status: string }> };
  lists: {
    getAllLists(opts?: Record<string, unknown>): Promise<{
      lists: Array<{ id: string; stats: { member_count: number } }>;
      total_items: number;
    }>;
    setListMember(
      listId: string,
      hash: string,
      body: Record<string, unknown>
    ): Promise<{ id: string; status: string }>;
    getListMember(
      listId: string,
      hash: string
    ): Promise<{ status: string; merge_fields: Record<string, unknown> }>;
    batchListMembers(
      listId: string,
      body: Record<string, unknown>
    ): Promise<{
      total_created: number;
      error_count: number;
      errors: Array<{ error_code: string }>;
    }>;
  };
  campaigns: {
    create(body: Record<string, unknown>): Promise<{ id: string; status: string }>;
    setContent(id: string, body: Record<string, unknown>): Promise<{ html: string }>;
    send(id: string): Promise<unknown>;
    get(id: string): Promise<{ status: string; emails_sent: number }>;
  };
}

// eslint-disable-next-line @typescript-eslint/no-require-imports
const mailchimp = require('@mailchimp/mailchimp_marketing') as OfficialClient;

const md5 = (email: string) => createHash('md5').update(email.toLowerCase()).digest('hex');

describe('the official @mailchimp/mailchimp_marketing client against the simulator', () => {
  let fx: SimFixture;

  beforeAll(async () => {
    fx = await startSimFixture();
    // The official client swaps the word "server" in its base path for the data center.
    mailchimp.basePath = fx.sim.officialClientBasePath;
    mailchimp.setConfig({ apiKey: fx.apiKey, server: 'us7' });
  });
  afterAll(async () => {
    await fx.sim.stop();
  });

  it('pings', async () => {
    await expect(mailchimp.ping.get()).resolves.toEqual({ health_status: "Everything's Chimpy!" });
  });

  it('lists audiences', async () => {
    const response = await mailchimp.lists.getAllLists({ count: 10 });
    expect(response.total_items).toBe(1);
    expect(response.lists[0].id).toBe(fx.listId);
  });

  it('upserts a member with setListMember and reads it back', async () => {
    const member = await mailchimp.lists.setListMember(fx.listId, md5('official@example.com'), {
      email_address: 'official@example.com',
      status_if_new: 'subscribed',
      merge_fields: { FNAME: 'Off', BIRTHDAY: '12/31' },
    });
    expect(member).toMatchObject({ id: md5('official@example.com'), status: 'subscribed' });
    await expect(
      mailchimp.lists.getListMember(fx.listId, md5('official@example.com'))
    ).resolves.toMatchObject({
      status: 'subscribed',
      merge_fields: expect.objectContaining({ FNAME: 'Off', BIRTHDAY: '12/31' }),
    });
  });

  it('batch-subscribes, with the existing address reported as ERROR_CONTACT_EXISTS', async () => {
    const result = await mailchimp.lists.batchListMembers(fx.listId, {
      members: [
        { email_address: 'official@example.com', status: 'subscribed' },
        { email_address: 'official2@example.com', status: 'subscribed' },
      ],
      update_existing: false,
    });
    expect(result.total_created).toBe(1);
    expect(result.errors.map((e) => e.error_code)).toEqual(['ERROR_CONTACT_EXISTS']);
  });

  it('creates a campaign, sets content and sends it', async () => {
    const campaign = await mailchimp.campaigns.create({
      type: 'regular',
      recipients: { list_id: fx.listId },
      settings: {
        subject_line: 'Official',
        from_name: 'Fixture Co',
        reply_to: 'news@fixture.example',
      },
    });
    expect(campaign.status).toBe('save');
    await expect(
      mailchimp.campaigns.setContent(campaign.id, { html: '<p>Hi</p>' })
    ).resolves.toMatchObject({ html: '<p>Hi</p>' });
    await mailchimp.campaigns.send(campaign.id);
    await expect(mailchimp.campaigns.get(campaign.id)).resolves.toMatchObject({
      status: 'sending',
      emails_sent: 2,
    });
  });

  it('gets the error body the official client expects for a bad key', async () => {
    mailchimp.setConfig({ apiKey: '00000000000000000000000000000000-us7', server: 'us7' });
    try {
      await expect(mailchimp.ping.get()).rejects.toMatchObject({
        status: 401,
        response: { body: { title: 'API Key Invalid', status: 401 } },
      });
    } finally {
      mailchimp.setConfig({ apiKey: fx.apiKey, server: 'us7' });
    }
  });

  it('sent only requests the spec allows', () => {
    const ours = fx.sim.requests.filter((r) => r.accountId === fx.accountId);
    expect(ours.length).toBeGreaterThanOrEqual(8);
    expect(ours.filter((r) => r.specErrors)).toEqual([]);
  });
});
