import type { Knex } from 'knex';
import { isUniqueViolation } from './unique-violation';

/** Runs `CREATE [UNIQUE] INDEX IF NOT EXISTS …` statements in order, on every boot. */
export const createIndexes = async (knex: Knex, statements: string[]): Promise<void> => {
  for (const sql of statements) {
    try {
      await knex.raw(sql);
    } catch (error) {
      // Two processes booting together on Postgres can race on the catalog; the other won.
      if (!isUniqueViolation(error)) throw error;
    }
  }
};
