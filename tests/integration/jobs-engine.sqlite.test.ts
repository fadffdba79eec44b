import { describeJobEngine } from '../helpers/jobs-engine-cases';

describeJobEngine('SQLite', async () => ({}));
