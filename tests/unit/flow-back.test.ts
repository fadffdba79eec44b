import { readMergeValue } from '../../server/src/providers/mailchimp/merge-fields';
import { differs, toAttributeValue } from '../../server/src/sync/flow-back';

describe('reading merge-field values back (the reverse of coerce)', () => {
  it('reads by field type; unreadable values are null', () => {
    expect(readMergeValue({ tag: 'FNAME', type: 'text' }, ' Ann ')).toEqual({
      kind: 'text',
      value: 'Ann',
    });
    expect(readMergeValue({ tag: 'FNAME', type: 'text' }, '')).toEqual({ kind: 'blank' });
    expect(readMergeValue({ tag: 'SCORE', type: 'number' }, '4.5')).toEqual({
      kind: 'number',
      value: 4.5,
    });
    expect(readMergeValue({ tag: 'SCORE', type: 'number' }, 'many')).toBeNull();
    expect(readMergeValue({ tag: 'D', type: 'date' }, '2024-02-29')).toMatchObject({
      year: 2024,
      month: 2,
      day: 29,
    });
    expect(
      readMergeValue(
        { tag: 'D', type: 'date', options: { date_format: 'DD/MM/YYYY' } },
        '03/04/2024'
      )
    ).toMatchObject({ month: 4, day: 3 });
    expect(readMergeValue({ tag: 'D', type: 'date' }, '03/04/2024')).toMatchObject({
      month: 3,
      day: 4,
    });
    expect(readMergeValue({ tag: 'D', type: 'date' }, '2023-02-29')).toBeNull();
    expect(readMergeValue({ tag: 'B', type: 'birthday' }, '12/24')).toEqual({
      kind: 'month-day',
      month: 12,
      day: 24,
    });
    expect(
      readMergeValue({ tag: 'B', type: 'birthday', options: { date_format: 'DD/MM' } }, '24/12')
    ).toEqual({ kind: 'month-day', month: 12, day: 24 });
  });
});

describe('platform values into Strapi attributes', () => {
  it('converts per attribute type, keeping what a value lacks', () => {
    expect(toAttributeValue({ type: 'string' }, { kind: 'text', value: 'x' }, 'y')).toEqual({
      ok: true,
      value: 'x',
    });
    expect(toAttributeValue({ type: 'integer' }, { kind: 'number', value: 3 }, 1)).toEqual({
      ok: true,
      value: 3,
    });
    expect(toAttributeValue({ type: 'integer' }, { kind: 'number', value: 3.5 }, 1).ok).toBe(false);
    expect(
      toAttributeValue({ type: 'date' }, { kind: 'month-day', month: 12, day: 24 }, '1990-05-01')
    ).toEqual({ ok: true, value: '1990-12-24' });
    expect(
      toAttributeValue({ type: 'date' }, { kind: 'month-day', month: 12, day: 24 }, null).ok
    ).toBe(false);
    expect(
      toAttributeValue({ type: 'enumeration', enum: ['a', 'b'] }, { kind: 'text', value: 'c' }, 'a')
        .ok
    ).toBe(false);
    expect(toAttributeValue({ type: 'relation' }, { kind: 'text', value: 'x' }, null).ok).toBe(
      false
    );
  });

  it('a cleared value is written only to an optional attribute', () => {
    expect(toAttributeValue({ type: 'string' }, { kind: 'blank' }, 'x')).toEqual({
      ok: true,
      value: null,
    });
    expect(toAttributeValue({ type: 'string', required: true }, { kind: 'blank' }, 'x').ok).toBe(
      false
    );
  });

  it('compares dates by day and numbers by value', () => {
    expect(differs({ type: 'date' }, '1990-12-24', '1990-12-24')).toBe(false);
    expect(differs({ type: 'integer' }, 3, '3')).toBe(false);
    expect(differs({ type: 'string' }, null, '')).toBe(false);
    expect(differs({ type: 'string' }, 'a', 'b')).toBe(true);
  });
});
