import { describeJobEngine } from '../helpers/jobs-engine-cases';
import { startPostgres } from '../../scripts/lib/postgres';

describeJobEngine('PostgreSQL', async () => {
  const pg = await startPostgres();
  return { env: await pg.createDatabase('engine'), cleanup: pg.stop };
});
