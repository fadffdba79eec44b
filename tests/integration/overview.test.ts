import { SEED_COUNTS } from '../../playground/src/seed';
import { startStrapi, type TestStrapi } from '../helpers/strapi';
import pkg from '../../package.json';

describe('GET /email-marketing/overview', () => {
  let app: TestStrapi;

  beforeAll(async () => {
    app = await startStrapi();
  });
  afterAll(async () => {
    await app.stop();
  });

  it('gives a super admin the seeded counts of every content type with an email field', async () => {
    const token = await app.login('admin');
    const res = await app.http
      .get('/email-marketing/overview')
      .set('Authorization', `Bearer ${token}`)
      .expect(200);

    const { data } = res.body;
    expect(data.pluginVersion).toBe(pkg.version);
    expect(data.strapiVersion).toBe('5.54.0');
    expect(data.connections).toEqual([]);
    const contact = data.contentTypes.find(
      (ct: { uid: string }) => ct.uid === 'api::contact.contact'
    );
    expect(contact).toEqual({
      uid: 'api::contact.contact',
      displayName: 'Contact',
      emailFields: ['email'],
      count: SEED_COUNTS.contacts,
    });
    // Types without an email attribute, and admin users, are not offered as contacts.
    const uids = data.contentTypes.map((ct: { uid: string }) => ct.uid);
    expect(uids).not.toContain('api::order.order');
    expect(uids).not.toContain('admin::user');
  });

  it('follows the database: a new contact shows in the count', async () => {
    await app.strapi.documents('api::contact.contact' as never).create({
      data: { email: 'newcomer@example.com', firstName: 'New' } as never,
    });
    const token = await app.login('admin');
    const res = await app.http
      .get('/email-marketing/overview')
      .set('Authorization', `Bearer ${token}`)
      .expect(200);
    const contact = res.body.data.contentTypes.find(
      (ct: { uid: string }) => ct.uid === 'api::contact.contact'
    );
    expect(contact.count).toBe(SEED_COUNTS.contacts + 1);
  });

  it('refuses an anonymous request with 401', async () => {
    await app.http.get('/email-marketing/overview').expect(401);
  });

  it('refuses an editor without plugin::email-marketing.read with 403', async () => {
    const token = await app.login('editor');
    await app.http
      .get('/email-marketing/overview')
      .set('Authorization', `Bearer ${token}`)
      .expect(403);
  });

  it('registers the read action so roles can be granted it', async () => {
    const actions = app.strapi.service('admin::permission').actionProvider.values();
    expect(actions.map((action: { actionId: string }) => action.actionId)).toContain(
      'plugin::email-marketing.read'
    );
  });
});
