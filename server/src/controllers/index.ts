import connections from './connections';
import oauth from './oauth';
import jobs from './jobs';
import overview from './overview';
import sync from './sync';
import webhooks from './webhooks';
import consent from './consent';
import segments from './segments';
import campaigns from './campaigns';
import triggers from './triggers';

export default {
  jobs,
  overview,
  connections,
  oauth,
  sync,
  webhooks,
  consent,
  segments,
  campaigns,
  triggers,
};
