/** Platforms send at quarter hours only, and need a moment to prepare the send. */
export const QUARTER_MS = 15 * 60_000;
export const MIN_LEAD_MS = 15 * 60_000;

export type ScheduleCheck =
  | { ok: true; at: Date }
  | {
      ok: false;
      rule: 'invalid' | 'quarter-hour' | 'min-lead';
      message: string;
      /** The nearest times that would be accepted, ISO UTC. */
      suggestions: string[];
    };

/** "2026-05-04 10:15 UTC" */
export const formatUtc = (date: Date) => `${date.toISOString().slice(0, 16).replace('T', ' ')} UTC`;

const floorQuarter = (ms: number) => Math.floor(ms / QUARTER_MS) * QUARTER_MS;
const ceilQuarter = (ms: number) => Math.ceil(ms / QUARTER_MS) * QUARTER_MS;

/** The first quarter hour at least MIN_LEAD_MS after `now`. */
export const earliestSlot = (now: Date) => new Date(ceilQuarter(now.getTime() + MIN_LEAD_MS));

/** The quarter hours around `requested` that are accepted: the one before and after, or the earliest two. */
export const nearestSlots = (requested: Date, now: Date): Date[] => {
  const earliest = earliestSlot(now).getTime();
  const around = [floorQuarter(requested.getTime()), ceilQuarter(requested.getTime())].filter(
    (t, i, all) => t >= earliest && all.indexOf(t) === i
  );
  const slots = around.length > 0 ? around : [earliest, earliest + QUARTER_MS];
  return slots.map((t) => new Date(t));
};

const list = (slots: Date[]) => slots.map(formatUtc).join(' or ');

/** Checks a requested send time: a valid date, on a quarter hour (UTC), at least 15 min ahead. */
export const checkScheduleTime = (value: unknown, now = new Date()): ScheduleCheck => {
  const at = typeof value === 'string' && value.trim() !== '' ? new Date(value) : null;
  if (!at || Number.isNaN(at.getTime())) {
    const suggestions = [earliestSlot(now)];
    return {
      ok: false,
      rule: 'invalid',
      message: `scheduledAt must be a date and time in ISO format (UTC), e.g. ${suggestions[0].toISOString()}.`,
      suggestions: suggestions.map((d) => d.toISOString()),
    };
  }
  const onQuarter = at.getTime() % QUARTER_MS === 0;
  const farEnough = at.getTime() - now.getTime() >= MIN_LEAD_MS;
  if (onQuarter && farEnough) return { ok: true, at };
  const suggestions = nearestSlots(at, now);
  const iso = suggestions.map((d) => d.toISOString());
  if (!onQuarter)
    return {
      ok: false,
      rule: 'quarter-hour',
      message: `Campaigns can only be scheduled on a quarter hour (:00, :15, :30 or :45 UTC, seconds 0); ${formatUtc(at).replace(' UTC', `:${String(at.getUTCSeconds()).padStart(2, '0')} UTC`)} is not one. Try ${list(suggestions)}.`,
      suggestions: iso,
    };
  return {
    ok: false,
    rule: 'min-lead',
    message: `Campaigns must be scheduled at least 15 minutes ahead; ${formatUtc(at)} is ${at.getTime() <= now.getTime() ? 'in the past' : 'too soon'}. The earliest possible time is ${formatUtc(suggestions[0])}; try ${list(suggestions)}.`,
    suggestions: iso,
  };
};
