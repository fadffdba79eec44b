import { requireAction } from '../policies';

export default {
  type: 'admin',
  routes: [
    {
      method: 'GET',
      path: '/overview',
      handler: 'overview.index',
      config: { policies: requireAction('read') },
    },
  ],
};
