/** A unique-index violation on PostgreSQL (23505) or SQLite (SQLITE_CONSTRAINT*). */
export const isUniqueViolation = (error: unknown): boolean => {
  const code = (error as { code?: unknown } | null)?.code;
  return code === '23505' || (typeof code === 'string' && code.startsWith('SQLITE_CONSTRAINT'));
};
