import { requireAction } from '../policies';
import connectionRoutes from './connections';

export default {
  type: 'admin',
  routes: [
    {
      method: 'GET',
      path: '/overview',
      handler: 'overview.index',
      config: { policies: requireAction('read') },
    },
    ...connectionRoutes,
  ],
};
