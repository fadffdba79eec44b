import { requireAction } from '../policies';
import connectionRoutes from './connections';
import jobRoutes from './jobs';
import syncRoutes from './sync';
import consentRoutes from './consent';
import segmentRoutes from './segments';
import campaignRoutes from './campaigns';
import triggerRoutes from './triggers';

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
    ...jobRoutes,
    ...segmentRoutes,
    ...campaignRoutes,
    ...triggerRoutes,
  ],
};
