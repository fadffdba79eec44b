import type { Knex } from 'knex';

export function seedContactRows(
  knex: Knex,
  count: number,
  options?: { prefix?: string; consent?: boolean }
): Promise<void>;
