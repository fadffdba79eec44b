import { windowStart, withinLimit } from '../../server/src/triggers/limits';
import { decideThreshold } from '../../server/src/triggers/thresholds';

describe('point limits: period windows (UTC)', () => {
  // Wednesday 2026-11-25 15:42:10.500 UTC
  const now = new Date('2026-11-25T15:42:10.500Z');
  it.each([
    ['ever', null],
    ['day', '2026-11-25T00:00:00.000Z'],
    ['week', '2026-11-23T00:00:00.000Z'],
    ['month', '2026-11-01T00:00:00.000Z'],
  ] as const)('%s starts at %s', (per, start) => {
    expect(windowStart(per, now)?.toISOString() ?? null).toBe(start);
  });
  it('a week starting on Sunday belongs to the week of the Monday before', () => {
    expect(windowStart('week', new Date('2026-11-29T23:59:59Z'))!.toISOString()).toBe(
      '2026-11-23T00:00:00.000Z'
    );
    expect(windowStart('week', new Date('2026-11-30T00:00:00Z'))!.toISOString()).toBe(
      '2026-11-30T00:00:00.000Z'
    );
  });
  it('a month window crosses the year boundary correctly', () => {
    expect(windowStart('month', new Date('2027-01-01T00:00:00Z'))!.toISOString()).toBe(
      '2027-01-01T00:00:00.000Z'
    );
    expect(windowStart('day', new Date('2026-12-31T23:59:59.999Z'))!.toISOString()).toBe(
      '2026-12-31T00:00:00.000Z'
    );
  });
  it('counts awards already earned in the window against the limit', () => {
    expect(withinLimit(null, 1000)).toBe(true);
    expect(withinLimit({ count: 1, per: 'day' }, 0)).toBe(true);
    expect(withinLimit({ count: 1, per: 'day' }, 1)).toBe(false);
    expect(withinLimit({ count: 3, per: 'week' }, 2)).toBe(true);
    expect(withinLimit({ count: 3, per: 'week' }, 3)).toBe(false);
  });
});

describe('threshold crossing', () => {
  const once = { points: 30, refireOnRecross: false };
  const refires = { points: 30, refireOnRecross: true };
  it('fires on reaching the threshold (exactly or beyond) when not fired', () => {
    expect(decideThreshold(29, once, false)).toBe('none');
    expect(decideThreshold(30, once, false)).toBe('fire');
    expect(decideThreshold(45, refires, false)).toBe('fire');
  });
  it('does not fire again while its firing is active', () => {
    expect(decideThreshold(40, once, true)).toBe('none');
    expect(decideThreshold(40, refires, true)).toBe('none');
  });
  it('a fall below re-arms only a threshold that refires', () => {
    expect(decideThreshold(10, refires, true)).toBe('reset');
    expect(decideThreshold(10, once, true)).toBe('none');
    expect(decideThreshold(10, refires, false)).toBe('none');
  });
  it('negative thresholds work the same way', () => {
    expect(decideThreshold(-5, { points: -5, refireOnRecross: false }, false)).toBe('fire');
    expect(decideThreshold(-6, { points: -5, refireOnRecross: true }, true)).toBe('reset');
  });
});
