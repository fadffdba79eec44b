import auditEvent from './audit-event';
import connection from './connection';
import contactState from './contact-state';
import job from './job';
import preference from './preference';
import syncProfile from './sync-profile';
import webhookEvent from './webhook-event';
import segment from './segment';
import segmentMember from './segment-member';
import campaign from './campaign';
import campaignSnapshot from './campaign-snapshot';

export default {
  connection,
  job,
  'audit-event': auditEvent,
  'sync-profile': syncProfile,
  'contact-state': contactState,
  preference,
  'webhook-event': webhookEvent,
  segment,
  'segment-member': segmentMember,
  campaign,
  'campaign-snapshot': campaignSnapshot,
};
