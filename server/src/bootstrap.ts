import type { Core } from '@strapi/strapi';
import { actionDefinitions } from './permissions';
import { registerConsentJobs } from './consent/jobs';
import { ensureWebhookEventIndexes } from './consent/indexes';
import { registerSyncJobs } from './sync/jobs';
import { registerSegmentJobs } from './segments/jobs';
import { registerCampaignJobs } from './campaigns/jobs';
import { enqueueRuleCheck, registerTriggerJobs } from './triggers/jobs';
import { ensureTriggerIndexes } from './triggers/indexes';
import { ensureSegmentMemberIndexes } from './segments/member-store';
import { getService } from './utils/get-service';

const bootstrap = async ({ strapi }: { strapi: Core.Strapi }) => {
  await strapi.service('admin::permission').actionProvider.registerMany(actionDefinitions());
  if (!getService(strapi, 'crypto').isConfigured()) {
    strapi.log.error(
      '[email-marketing] No encryption key: set EMAIL_MARKETING_ENCRYPTION_KEY or admin.secrets.encryptionKey. Connecting a platform is refused until then.'
    );
  }
  registerSyncJobs(strapi);
  registerConsentJobs(strapi);
  registerSegmentJobs(strapi);
  registerCampaignJobs(strapi);
  registerTriggerJobs(strapi);
  await ensureWebhookEventIndexes(strapi);
  await ensureSegmentMemberIndexes(strapi);
  await ensureTriggerIndexes(strapi);
  // Indexes, workers and cron tasks; handlers registered by features before this point.
  await getService(strapi, 'jobs').start();
  await enqueueRuleCheck(strapi);
};

export default bootstrap;
