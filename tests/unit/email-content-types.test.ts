import {
  findEmailContentTypes,
  type ContentTypeLike,
} from '../../server/src/utils/email-content-types';

const ct = (
  uid: string,
  attributes: ContentTypeLike['attributes'],
  kind: ContentTypeLike['kind'] = 'collectionType'
): ContentTypeLike => ({
  uid,
  kind,
  info: { displayName: uid.split('.').pop() ?? uid },
  attributes,
});

describe('findEmailContentTypes', () => {
  const types = {
    'api::contact.contact': ct('api::contact.contact', {
      name: { type: 'string' },
      email: { type: 'email' },
      backup: { type: 'email' },
    }),
    'api::order.order': ct('api::order.order', { reference: { type: 'string' } }),
    'admin::user': ct('admin::user', { email: { type: 'email' } }),
    'plugin::users-permissions.user': ct('plugin::users-permissions.user', {
      email: { type: 'email' },
    }),
    'api::settings.settings': ct(
      'api::settings.settings',
      { email: { type: 'email' } },
      'singleType'
    ),
  };

  it('keeps collection types with an email attribute, listing each email field in order', () => {
    expect(findEmailContentTypes(types)).toEqual([
      { uid: 'api::contact.contact', displayName: 'contact', emailFields: ['email', 'backup'] },
      { uid: 'plugin::users-permissions.user', displayName: 'user', emailFields: ['email'] },
    ]);
  });

  it('leaves out admin users, single types and types without an email attribute', () => {
    const uids = findEmailContentTypes(types).map((t) => t.uid);
    expect(uids).not.toContain('admin::user');
    expect(uids).not.toContain('api::settings.settings');
    expect(uids).not.toContain('api::order.order');
  });
});
