/** A positive whole number from a query string, or the fallback; capped at `max`. */
export const positive = (
  value: unknown,
  fallback: number,
  max = Number.MAX_SAFE_INTEGER
): number => {
  const n = Number(value);
  return Number.isInteger(n) && n > 0 ? Math.min(n, max) : fallback;
};
