/**
 * RFC 4180 CSV: every field quoted when it holds a comma, quote or line break, and no field
 * read as a formula (cells hold text from webhooks and the public form).
 */
const cell = (value: unknown): string => {
  if (value === null || value === undefined) return '';
  let text = typeof value === 'object' ? JSON.stringify(value) : String(value);
  // A leading =, +, -, @, tab or CR runs as a formula in Excel and Sheets: make it plain text.
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
};

export const toCsv = (columns: string[], rows: Array<Record<string, unknown>>): string =>
  [columns.join(','), ...rows.map((row) => columns.map((c) => cell(row[c])).join(','))].join(
    '\r\n'
  ) + '\r\n';
