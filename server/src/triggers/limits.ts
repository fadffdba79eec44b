import type { LimitPeriod, PointLimit } from '../types/triggers';

const DAY_MS = 86_400_000;

/**
 * Where the current limit window of `per` starts (UTC): the day at 00:00, the ISO week on
 * Monday 00:00, the month on the 1st 00:00; null for "ever" (no window).
 */
export const windowStart = (per: LimitPeriod, now: Date): Date | null => {
  const day = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
  switch (per) {
    case 'ever':
      return null;
    case 'day':
      return new Date(day);
    case 'week':
      // getUTCDay: Sunday 0 … Saturday 6; Monday starts the week.
      return new Date(day - ((now.getUTCDay() + 6) % 7) * DAY_MS);
    case 'month':
      return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 1));
  }
};

/** Whether one more award fits, given how many the contact already earned in the window. */
export const withinLimit = (limit: PointLimit | null | undefined, earnedInWindow: number) =>
  !limit || earnedInWindow < limit.count;
