import connections from './connections';
import oauth from './oauth';
import overview from './overview';

export default {
  overview,
  connections,
  oauth,
};
