/** RFC 4180 CSV: every field quoted when it holds a comma, quote or line break. */
const cell = (value: unknown): string => {
  if (value === null || value === undefined) return '';
  const text = typeof value === 'object' ? JSON.stringify(value) : String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
};

export const toCsv = (columns: string[], rows: Array<Record<string, unknown>>): string =>
  [columns.join(','), ...rows.map((row) => columns.map((c) => cell(row[c])).join(','))].join(
    '\r\n'
  ) + '\r\n';
