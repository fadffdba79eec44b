import {
  coerce,
  mergeTypeFor,
  type MergeFieldSpec,
} from '../../server/src/providers/mailchimp/merge-fields';

const f = (type: MergeFieldSpec['type'], extra: Partial<MergeFieldSpec> = {}): MergeFieldSpec => ({
  tag: 'F',
  type,
  ...extra,
});

describe('coerce: Strapi values to Mailchimp merge values', () => {
  it.each([
    [f('date'), '1990-05-04', '1990-05-04'],
    [f('date'), '2026-11-23T23:30:00.000Z', '2026-11-23'],
    [f('date'), new Date('2026-01-31T00:00:00Z'), '2026-01-31'],
    [f('birthday'), '1990-05-04', '05/04'],
    [f('birthday', { options: { date_format: 'DD/MM' } }), '1990-05-04', '04/05'],
    [f('birthday'), '02/29', '02/29'],
    [f('number'), '42.5', 42.5],
    [f('number'), 7, 7],
    [f('number'), true, 1],
    [f('text'), true, 'true'],
    [f('text'), 12, '12'],
    [f('dropdown', { options: { choices: ['free', 'pro'] } }), 'pro', 'pro'],
    [f('zip'), '02134', '02134'],
    [f('url'), 'https://strapi.io', 'https://strapi.io'],
    [f('phone'), '+33 1 23 45 67 89', '+33 1 23 45 67 89'],
    [f('text'), null, ''],
  ] as Array<[MergeFieldSpec, unknown, unknown]>)('%o %p → %p', (field, value, expected) => {
    expect(coerce(field, value)).toEqual({ ok: true, value: expected });
  });

  it('builds an address object and names missing parts', () => {
    expect(
      coerce(f('address'), {
        addr1: '1 Main',
        city: 'Paris',
        state: 'IDF',
        zip: '75001',
        country: 'FR',
      })
    ).toEqual({
      ok: true,
      value: { addr1: '1 Main', city: 'Paris', state: 'IDF', zip: '75001', country: 'FR' },
    });
    expect(coerce(f('address'), { addr1: '1 Main' })).toEqual({
      ok: false,
      reason: 'F address is missing city, state, zip',
    });
    expect(coerce(f('address'), '1 Main St')).toMatchObject({ ok: false });
  });

  it.each([
    [f('birthday'), '1990-13-45'],
    [f('birthday'), '13/45'],
    [f('date'), 'yesterday'],
    [f('date'), '2026-02-30'],
    [f('number'), 'many'],
    [f('dropdown', { options: { choices: ['free', 'pro'] } }), 'gold'],
    [f('zip'), '1234'],
    [f('url'), 'strapi.io'],
    [f('phone', { options: { phone_format: 'US' } }), '+33 1 23 45 67 89'],
    [f('text'), 'x'.repeat(256)],
    [f('text', { required: true }), ''],
  ] as Array<[MergeFieldSpec, unknown]>)('reports %o %p instead of sending it', (field, value) => {
    const result = coerce(field, value);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.reason).toMatch(/^F /);
  });

  it('suggests a merge type from the Strapi attribute type', () => {
    expect(mergeTypeFor('integer')).toBe('number');
    expect(mergeTypeFor('datetime')).toBe('date');
    expect(mergeTypeFor('enumeration')).toBe('dropdown');
    expect(mergeTypeFor('string')).toBe('text');
  });
});
