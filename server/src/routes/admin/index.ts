import { requireAction } from '../policies';
import connectionRoutes from './connections';
import syncRoutes from './sync';
import consentRoutes from './consent';

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
    ...syncRoutes,
    ...consentRoutes,
    {
      method: 'GET',
      path: '/jobs',
      handler: 'jobs.list',
      config: { policies: requireAction('jobsRead') },
    },
    {
      method: 'POST',
      path: '/jobs/:id/retry',
      handler: 'jobs.retry',
      config: { policies: requireAction('jobsManage') },
    },
    {
      method: 'POST',
      path: '/jobs/:id/cancel',
      handler: 'jobs.cancel',
      config: { policies: requireAction('jobsManage') },
    },
    {
      method: 'GET',
      path: '/schedule',
      handler: 'jobs.schedule',
      config: { policies: requireAction('jobsRead') },
    },
  ],
};
