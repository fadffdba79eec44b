import auditEvent from './audit-event';
import connection from './connection';
import job from './job';

export default {
  connection,
  job,
  'audit-event': auditEvent,
};
