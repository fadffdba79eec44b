/** "status: subscribed → unsubscribed", from an audit event's before/after objects. */
export const describeChange = (
  before: Record<string, unknown> | null,
  after: Record<string, unknown> | null
): string => {
  const keys = [...new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {})])];
  const show = (value: unknown) =>
    value === undefined || value === null
      ? '—'
      : typeof value === 'object'
        ? JSON.stringify(value)
        : String(value);
  return keys
    .map((key) =>
      before && key in before
        ? `${key}: ${show(before[key])} → ${show(after?.[key])}`
        : `${key}: ${show(after?.[key])}`
    )
    .join(' · ');
};
