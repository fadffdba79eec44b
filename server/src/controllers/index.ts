import connections from './connections';
import oauth from './oauth';
import jobs from './jobs';
import overview from './overview';

export default {
  jobs,
  overview,
  connections,
  oauth,
};
