import { requireAction } from '../policies';

/** The Activity page: jobs, retry and cancel, and the schedule. */
export default [
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
];
