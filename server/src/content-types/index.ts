import auditEvent from './audit-event';
import connection from './connection';

export default {
  connection,
  'audit-event': auditEvent,
};
