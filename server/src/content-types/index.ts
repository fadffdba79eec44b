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
import trigger from './trigger';
import triggerThreshold from './trigger-threshold';
import pointEvent from './point-event';
import thresholdFiring from './threshold-firing';

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
  trigger,
  'trigger-threshold': triggerThreshold,
  'point-event': pointEvent,
  'threshold-firing': thresholdFiring,
};
