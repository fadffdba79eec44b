/** The platform sends only on quarter hours, at least this far ahead (the server checks too). */
export const MIN_LEAD_MINUTES = 15;
const QUARTER_MS = 15 * 60 * 1000;

/** The browser's IANA time zone, which the schedule dialog works in. */
export const browserTimeZone = () => Intl.DateTimeFormat().resolvedOptions().timeZone;

/** A calendar day (as the date picker gives it) at "HH:mm", in the browser's time zone. */
export const atLocalTime = (day: Date, time: string): Date | null => {
  const match = /^(\d{1,2}):(\d{2})$/.exec(time);
  if (!match) return null;
  return new Date(
    day.getFullYear(),
    day.getMonth(),
    day.getDate(),
    Number(match[1]),
    Number(match[2]),
    0,
    0
  );
};

export type ScheduleProblem = 'notQuarter' | 'tooSoon';

/** Why the platform would refuse this time, or null when it is a valid slot. */
export const scheduleProblem = (at: Date, now: Date): ScheduleProblem | null => {
  if (at.getTime() % QUARTER_MS !== 0) return 'notQuarter';
  if (at.getTime() - now.getTime() < MIN_LEAD_MINUTES * 60 * 1000) return 'tooSoon';
  return null;
};

/** The first quarter hour at least MIN_LEAD_MINUTES after `now`. */
export const firstValidSlot = (now: Date): Date => {
  const earliest = now.getTime() + MIN_LEAD_MINUTES * 60 * 1000;
  return new Date(Math.ceil(earliest / QUARTER_MS) * QUARTER_MS);
};

/** "HH:mm" of a time in the browser's zone, as the time picker shows it. */
export const localTimeOf = (at: Date) =>
  `${String(at.getHours()).padStart(2, '0')}:${String(at.getMinutes()).padStart(2, '0')}`;
