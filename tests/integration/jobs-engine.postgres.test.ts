import { describeJobEngine } from '../helpers/jobs-engine-cases';
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { startPostgres } =
  require('../../scripts/lib/postgres') as typeof import('../../scripts/lib/postgres');

describeJobEngine('PostgreSQL', async () => {
  const pg = await startPostgres();
  return { env: await pg.createDatabase('engine'), cleanup: pg.stop };
});
