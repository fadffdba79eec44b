import audit from './audit';
import connections from './connections';
import crypto from './crypto';
import oauth from './oauth';
import jobs from './jobs';
import overview from './overview';
import platformSettings from './platform-settings';
import contactSync from './contact-sync';
import syncProfiles from './sync-profiles';
import webhooks from './webhooks';
import consent from './consent';
import segments from './segments';
import campaigns from './campaigns';
import triggers from './triggers';

export default {
  jobs,
  overview,
  audit,
  connections,
  crypto,
  oauth,
  platformSettings,
  contactSync,
  syncProfiles,
  webhooks,
  consent,
  segments,
  campaigns,
  triggers,
};
