import { checkScheduleTime, earliestSlot } from '../../server/src/campaigns/schedule-rule';

const now = new Date('2026-05-04T09:00:00Z');

describe('campaign schedule rule: quarter hours, at least 15 minutes ahead', () => {
  it('refuses 10:07 naming the rule and the nearest valid quarter hours', () => {
    const check = checkScheduleTime('2026-05-04T10:07:00Z', now);
    expect(check.ok).toBe(false);
    if (check.ok) return;
    expect(check.rule).toBe('quarter-hour');
    expect(check.message).toMatch(/quarter hour \(:00, :15, :30 or :45 UTC/);
    expect(check.message).toContain('2026-05-04 10:07:00 UTC is not one');
    expect(check.message).toContain('Try 2026-05-04 10:00 UTC or 2026-05-04 10:15 UTC');
    expect(check.suggestions).toEqual(['2026-05-04T10:00:00.000Z', '2026-05-04T10:15:00.000Z']);
  });

  it('accepts a quarter hour exactly 15 minutes ahead, and later ones', () => {
    expect(checkScheduleTime('2026-05-04T09:15:00Z', now)).toEqual({
      ok: true,
      at: new Date('2026-05-04T09:15:00Z'),
    });
    expect(checkScheduleTime('2026-05-05T00:00:00.000Z', now).ok).toBe(true);
    // Another offset, the same instant in UTC (11:30+02:00 = 09:30Z).
    expect(checkScheduleTime('2026-05-04T11:30:00+02:00', now).ok).toBe(true);
  });

  it('refuses seconds off the quarter hour', () => {
    const check = checkScheduleTime('2026-05-04T10:15:30Z', now);
    expect(check).toMatchObject({ ok: false, rule: 'quarter-hour' });
  });

  it('refuses a quarter hour less than 15 minutes ahead, suggesting the earliest ones', () => {
    const at = new Date('2026-05-04T09:01:00Z');
    const check = checkScheduleTime('2026-05-04T09:15:00Z', at);
    expect(check).toMatchObject({
      ok: false,
      rule: 'min-lead',
      suggestions: ['2026-05-04T09:30:00.000Z', '2026-05-04T09:45:00.000Z'],
    });
    if (!check.ok) expect(check.message).toContain('at least 15 minutes ahead');
    if (!check.ok) expect(check.message).toContain('too soon');
    expect(earliestSlot(at).toISOString()).toBe('2026-05-04T09:30:00.000Z');
  });

  it('refuses the past', () => {
    const check = checkScheduleTime('2026-05-04T08:00:00Z', now);
    expect(check).toMatchObject({ ok: false, rule: 'min-lead' });
    if (!check.ok) expect(check.message).toContain('in the past');
  });

  it('a time off the quarter and too soon suggests only accepted times', () => {
    const check = checkScheduleTime('2026-05-04T09:07:00Z', now);
    expect(check).toMatchObject({
      ok: false,
      rule: 'quarter-hour',
      suggestions: ['2026-05-04T09:15:00.000Z'],
    });
  });

  it('refuses what is not a date', () => {
    for (const value of ['tomorrow', '', undefined, 12])
      expect(checkScheduleTime(value, now)).toMatchObject({ ok: false, rule: 'invalid' });
  });
});
