import { listSegmentAttributes } from '../../server/src/segments/attributes';
import { compileSegment, readConditions } from '../../server/src/segments/compile';
import type { SchemaLike } from '../../server/src/sync/sources';
import type { SegmentCondition } from '../../server/src/types/segments';

const schemas: Record<string, SchemaLike> = {
  'api::contact.contact': {
    uid: 'api::contact.contact',
    kind: 'collectionType',
    info: { displayName: 'Contact' },
    attributes: {
      email: { type: 'email' },
      city: { type: 'string' },
      birthday: { type: 'date' },
      lastSeen: { type: 'datetime' },
      consent: { type: 'boolean' },
      score: { type: 'integer' },
      interests: { type: 'enumeration', enum: ['events', 'offers'] },
      secret: { type: 'string', private: true },
      organization: { type: 'relation', target: 'api::organization.organization' },
      createdBy: { type: 'relation', target: 'admin::user' },
    },
  },
  'api::organization.organization': {
    uid: 'api::organization.organization',
    kind: 'collectionType',
    info: { displayName: 'Organization' },
    attributes: {
      name: { type: 'string' },
      contacts: { type: 'relation', target: 'api::contact.contact' },
    },
  },
};
const attributes = listSegmentAttributes(schemas, 'api::contact.contact');
const one = (condition: SegmentCondition) =>
  compileSegment('all', [condition], attributes, 'Contact');
const filtersOf = (condition: SegmentCondition) => {
  const result = one(condition);
  if (!result.ok) throw new Error(JSON.stringify(result.problems));
  return (result.filters as { $and: unknown[] }).$and[0];
};
const problemOf = (condition: SegmentCondition) => {
  const result = one(condition);
  if (result.ok) throw new Error(`compiled: ${JSON.stringify(result.filters)}`);
  return result.problems[0];
};

describe('segment attributes', () => {
  it('lists scalars and one level into relations, never private or admin ones', () => {
    const paths = attributes.map((a) => a.path);
    expect(paths).toEqual(
      expect.arrayContaining(['email', 'city', 'birthday', 'score', 'organization.name'])
    );
    expect(paths).not.toContain('secret');
    expect(paths).not.toContain('organization');
    expect(paths.some((p) => p.startsWith('createdBy'))).toBe(false);
    expect(paths.some((p) => p.startsWith('organization.contacts'))).toBe(false);
    expect(attributes.find((a) => a.path === 'organization.name')?.label).toBe(
      'Organization › Name'
    );
    expect(attributes.find((a) => a.path === 'interests')?.enum).toEqual(['events', 'offers']);
    expect(attributes.find((a) => a.path === 'consent')?.operators).not.toContain('contains');
  });
});

describe('compile conditions to Strapi filters', () => {
  it('each operator', () => {
    expect(filtersOf({ field: 'city', operator: 'eq', value: 'Paris' })).toEqual({
      city: { $eq: 'Paris' },
    });
    expect(filtersOf({ field: 'city', operator: 'ne', value: 'Paris' })).toEqual({
      $or: [{ city: { $ne: 'Paris' } }, { city: { $null: true } }],
    });
    expect(filtersOf({ field: 'city', operator: 'contains', value: 'par' })).toEqual({
      city: { $containsi: 'par' },
    });
    expect(filtersOf({ field: 'city', operator: 'notContains', value: 'par' })).toEqual({
      $or: [{ city: { $notContainsi: 'par' } }, { city: { $null: true } }],
    });
    expect(filtersOf({ field: 'interests', operator: 'in', value: ['events'] })).toEqual({
      interests: { $in: ['events'] },
    });
    expect(filtersOf({ field: 'score', operator: 'notIn', value: ['1', '2'] })).toEqual({
      $or: [{ score: { $notIn: [1, 2] } }, { score: { $null: true } }],
    });
    expect(filtersOf({ field: 'birthday', operator: 'before', value: '1980-01-01' })).toEqual({
      birthday: { $lt: '1980-01-01' },
    });
    expect(
      filtersOf({ field: 'lastSeen', operator: 'after', value: '2026-01-01T10:00:00+02:00' })
    ).toEqual({ lastSeen: { $gt: '2026-01-01T08:00:00.000Z' } });
    expect(filtersOf({ field: 'score', operator: 'gt', value: 5 })).toEqual({
      score: { $gt: 5 },
    });
    expect(filtersOf({ field: 'score', operator: 'lt', value: '7' })).toEqual({
      score: { $lt: 7 },
    });
    expect(filtersOf({ field: 'consent', operator: 'eq', value: 'true' })).toEqual({
      consent: { $eq: true },
    });
    expect(filtersOf({ field: 'city', operator: 'isEmpty' })).toEqual({
      $or: [{ city: { $null: true } }, { city: { $eq: '' } }],
    });
    expect(filtersOf({ field: 'birthday', operator: 'isNotEmpty' })).toEqual({
      birthday: { $notNull: true },
    });
  });

  it('a relation one level deep nests the filter under the relation', () => {
    expect(filtersOf({ field: 'organization.name', operator: 'eq', value: 'Acme' })).toEqual({
      organization: { name: { $eq: 'Acme' } },
    });
    expect(filtersOf({ field: 'organization.name', operator: 'isEmpty' })).toEqual({
      $or: [{ organization: { name: { $null: true } } }, { organization: { name: { $eq: '' } } }],
    });
  });

  it('all → $and, any → $or, none → no filter', () => {
    const conditions: SegmentCondition[] = [
      { field: 'city', operator: 'eq', value: 'Paris' },
      { field: 'score', operator: 'gt', value: 1 },
    ];
    expect(compileSegment('all', conditions, attributes, 'Contact')).toEqual({
      ok: true,
      filters: { $and: [{ city: { $eq: 'Paris' } }, { score: { $gt: 1 } }] },
    });
    expect(compileSegment('any', conditions, attributes, 'Contact')).toEqual({
      ok: true,
      filters: { $or: [{ city: { $eq: 'Paris' } }, { score: { $gt: 1 } }] },
    });
    expect(compileSegment('all', [], attributes, 'Contact')).toEqual({ ok: true, filters: {} });
  });

  it('specific errors naming the condition and the field', () => {
    expect(problemOf({ field: 'shoeSize', operator: 'eq', value: 1 })).toEqual({
      path: 'conditions.0.field',
      message:
        'Condition 1: "shoeSize" is not an attribute of Contact (was it removed from the content type?).',
    });
    expect(
      problemOf({ field: 'organization.contacts.city', operator: 'eq', value: 'x' }).message
    ).toMatch(/more than one relation deep/);
    expect(problemOf({ field: 'consent', operator: 'contains', value: 'x' })).toMatchObject({
      path: 'conditions.0.operator',
      message: expect.stringMatching(
        /"contains" does not apply to Consent \(a boolean attribute\)/
      ),
    });
    expect(problemOf({ field: 'birthday', operator: 'before', value: 'last year' })).toMatchObject({
      path: 'conditions.0.value',
      message: expect.stringMatching(/must be a date \(YYYY-MM-DD\)/),
    });
    expect(problemOf({ field: 'score', operator: 'gt', value: 'many' }).message).toMatch(
      /must be a number/
    );
    expect(problemOf({ field: 'score', operator: 'eq', value: 1.5 }).message).toMatch(
      /whole number/
    );
    expect(problemOf({ field: 'interests', operator: 'in', value: ['golf'] }).message).toMatch(
      /"golf" is not one of events, offers/
    );
    expect(problemOf({ field: 'city', operator: 'in', value: [] }).message).toMatch(
      /at least one value/
    );
    expect(problemOf({ field: 'city', operator: 'eq' }).message).toMatch(/needs a value/);
    expect(problemOf({ field: 'consent', operator: 'eq', value: 'yes' }).message).toMatch(
      /true or false/
    );
  });

  it('reads request bodies and reports malformed conditions', () => {
    expect(readConditions('x').problems[0].path).toBe('conditions');
    const read = readConditions([
      { field: ' city ', operator: 'eq', value: 'a' },
      { operator: 'zz' },
    ]);
    expect(read.conditions[0]).toEqual({ field: 'city', operator: 'eq', value: 'a' });
    expect(read.problems.map((p) => p.path)).toEqual([
      'conditions.1.field',
      'conditions.1.operator',
    ]);
  });
});
