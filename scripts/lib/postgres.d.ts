/** Types of postgres.js for the TypeScript tests. */
export interface ThrowawayPostgres {
  host: string;
  port: number;
  user: string;
  password: string;
  /** Creates a database; returns the DATABASE_* env the playground's database.ts reads. */
  createDatabase(name: string): Promise<Record<string, string>>;
  stop(): Promise<void>;
}

export function startPostgres(): Promise<ThrowawayPostgres>;
export function ensurePostgresBinaries(): string;
