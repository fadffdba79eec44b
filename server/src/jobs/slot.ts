/**
 * The dedupe key of one cron slot. Every process whose task fires for the same second builds
 * the same key, and the database's unique index lets exactly one insert win.
 * `2026-11-23T07:30:00.123Z` → `cron:<name>:2026-11-23T07:30:00Z`.
 */
export const slotIso = (date: Date): string => {
  const second = new Date(Math.floor(date.getTime() / 1000) * 1000);
  return second.toISOString().replace('.000Z', 'Z');
};

export const slotKey = (name: string, date: Date): string => `cron:${name}:${slotIso(date)}`;
