import { validateMergeFields } from '../simulator/merge-validation';
import { checkRequest } from '../simulator/spec';
import type { MergeField } from '../simulator/state';

const field = (tag: string, type: string, extra: Partial<MergeField> = {}): MergeField => ({
  merge_id: 1,
  tag,
  name: tag,
  type,
  required: false,
  default_value: '',
  public: true,
  display_order: 1,
  options: {},
  help_text: '',
  list_id: 'l',
  ...extra,
});

describe('simulator: requests checked against the vendored spec', () => {
  it('matches an operation and coerces query parameters', () => {
    const check = checkRequest(
      'GET',
      '/lists/abc/members',
      new URLSearchParams('count=50&status=unsubscribed'),
      undefined
    );
    expect(check).toMatchObject({
      ok: true,
      request: {
        key: 'GET /lists/{listId}/members',
        params: { listId: 'abc' },
        query: { count: 50, status: 'unsubscribed' },
      },
    });
  });
  it('refuses count above 1000, an unknown enum and a wrong body type', () => {
    expect(
      checkRequest('GET', '/lists', new URLSearchParams('count=1001'), undefined)
    ).toMatchObject({ ok: false, reason: 'invalid' });
    expect(
      checkRequest('GET', '/lists/a/members', new URLSearchParams('status=gone'), undefined)
    ).toMatchObject({ ok: false, reason: 'invalid' });
    expect(
      checkRequest('POST', '/lists/a', new URLSearchParams(), { members: 'nope' })
    ).toMatchObject({ ok: false, reason: 'invalid', errors: [{ field: 'members' }] });
    expect(
      checkRequest('PUT', '/lists/a/members/h', new URLSearchParams(), { email_address: 'a@b.co' })
    ).toMatchObject({ ok: false, errors: [{ field: 'status_if_new' }] });
  });
  it('tells unknown paths from wrong methods', () => {
    expect(checkRequest('GET', '/nope', new URLSearchParams(), undefined)).toEqual({
      ok: false,
      reason: 'not_found',
    });
    expect(checkRequest('DELETE', '/ping', new URLSearchParams(), undefined)).toEqual({
      ok: false,
      reason: 'method_not_allowed',
    });
  });
});

describe('simulator: merge-field formats as Mailchimp checks them', () => {
  const fields = [
    field('BDAY', 'birthday'),
    field('JOINED', 'date'),
    field('SCORE', 'number'),
    field('PLAN', 'dropdown', { options: { choices: ['free', 'pro'] } }),
    field('ADDR', 'address'),
    field('ZIP', 'zip'),
    field('REQ', 'text', { required: true }),
  ];
  it('accepts well-formed values', () => {
    expect(
      validateMergeFields(
        fields,
        {
          BDAY: '02/29',
          JOINED: '31-12-2026',
          SCORE: '4.5',
          PLAN: 'pro',
          ADDR: { addr1: '1 Main', city: 'X', state: 'Y', zip: '12345' },
          ZIP: '02134',
          REQ: 'ok',
        },
        { isNew: true }
      )
    ).toEqual([]);
  });
  it('lists each malformed or missing field', () => {
    const problems = validateMergeFields(
      fields,
      {
        BDAY: '13/01',
        JOINED: '2026-02-30',
        SCORE: 'many',
        PLAN: 'gold',
        ADDR: { addr1: '1 Main' },
        ZIP: '123',
        NEW: 'x',
      },
      { isNew: true }
    );
    expect(problems.map((p) => p.field).sort()).toEqual([
      'ADDR',
      'BDAY',
      'JOINED',
      'NEW',
      'PLAN',
      'REQ',
      'SCORE',
      'ZIP',
    ]);
  });
  it('does not require required fields on an update', () => {
    expect(validateMergeFields(fields, { SCORE: 1 }, { isNew: false })).toEqual([]);
  });
});
