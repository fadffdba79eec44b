import { slotIso, slotKey } from '../../server/src/jobs/slot';

describe('cron slot keys', () => {
  it('names the task and the slot second in UTC', () => {
    expect(slotKey('campaign-metrics', new Date('2026-11-23T07:30:00.000Z'))).toBe(
      'cron:campaign-metrics:2026-11-23T07:30:00Z'
    );
  });

  it('gives every process ticking within the same second the same key', () => {
    expect(slotIso(new Date('2026-11-23T07:30:00.004Z'))).toBe(
      slotIso(new Date('2026-11-23T07:30:00.998Z'))
    );
    expect(slotIso(new Date('2026-11-23T07:30:01.000Z'))).toBe('2026-11-23T07:30:01Z');
  });
});
