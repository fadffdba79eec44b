import type { Handler } from '../context';
import * as account from './account';
import * as batches from './batches';
import * as campaigns from './campaigns';
import * as lists from './lists';
import * as members from './members';
import * as mergeFields from './merge-fields';
import * as reports from './reports';
import * as segments from './segments';
import * as webhooks from './webhooks';

/** One handler per operation of the vendored spec subset (keys as in mailchimp-operations.json). */
export const handlers: Record<string, Handler> = {
  'GET /': account.root,
  'GET /ping': account.ping,
  'GET /lists': lists.getLists,
  'GET /lists/{listId}': lists.getList,
  'POST /lists/{listId}': lists.batchSubscribe,
  'GET /lists/{listId}/merge-fields': mergeFields.getMergeFields,
  'POST /lists/{listId}/merge-fields': mergeFields.createMergeField,
  'GET /lists/{listId}/merge-fields/{mergeId}': mergeFields.getMergeField,
  'PATCH /lists/{listId}/merge-fields/{mergeId}': mergeFields.updateMergeField,
  'DELETE /lists/{listId}/merge-fields/{mergeId}': mergeFields.deleteMergeField,
  'GET /lists/{listId}/members': members.getMembers,
  'POST /lists/{listId}/members': members.postMember,
  'GET /lists/{listId}/members/{subscriberHash}': members.getMember,
  'PUT /lists/{listId}/members/{subscriberHash}': members.putMember,
  'PATCH /lists/{listId}/members/{subscriberHash}': members.patchMember,
  'DELETE /lists/{listId}/members/{subscriberHash}': members.archiveMember,
  'POST /lists/{listId}/members/{subscriberHash}/actions/delete-permanent': members.deletePermanent,
  'GET /lists/{listId}/members/{subscriberHash}/tags': members.getMemberTags,
  'POST /lists/{listId}/members/{subscriberHash}/tags': members.postMemberTags,
  'GET /lists/{listId}/segments': segments.getSegments,
  'POST /lists/{listId}/segments': segments.createSegment,
  'GET /lists/{listId}/segments/{segmentId}': segments.getSegment,
  'POST /lists/{listId}/segments/{segmentId}': segments.batchSegmentMembers,
  'PATCH /lists/{listId}/segments/{segmentId}': segments.updateSegment,
  'DELETE /lists/{listId}/segments/{segmentId}': segments.deleteSegment,
  'GET /lists/{listId}/segments/{segmentId}/members': segments.getSegmentMembers,
  'GET /lists/{listId}/webhooks': webhooks.getWebhooks,
  'POST /lists/{listId}/webhooks': webhooks.createWebhook,
  'GET /lists/{listId}/webhooks/{webhookId}': webhooks.getWebhook,
  'PATCH /lists/{listId}/webhooks/{webhookId}': webhooks.updateWebhook,
  'DELETE /lists/{listId}/webhooks/{webhookId}': webhooks.deleteWebhook,
  'GET /batches': batches.getBatches,
  'POST /batches': batches.createBatch,
  'GET /batches/{batchId}': batches.getBatch,
  'DELETE /batches/{batchId}': batches.deleteBatch,
  'GET /campaigns': campaigns.getCampaigns,
  'POST /campaigns': campaigns.createCampaign,
  'GET /campaigns/{campaignId}': campaigns.getCampaign,
  'PATCH /campaigns/{campaignId}': campaigns.updateCampaign,
  'DELETE /campaigns/{campaignId}': campaigns.deleteCampaign,
  'GET /campaigns/{campaignId}/content': campaigns.getContent,
  'PUT /campaigns/{campaignId}/content': campaigns.putContent,
  'GET /campaigns/{campaignId}/send-checklist': campaigns.sendChecklist,
  'POST /campaigns/{campaignId}/actions/send': campaigns.send,
  'POST /campaigns/{campaignId}/actions/schedule': campaigns.schedule,
  'POST /campaigns/{campaignId}/actions/unschedule': campaigns.unschedule,
  'POST /campaigns/{campaignId}/actions/test': campaigns.test,
  'POST /campaigns/{campaignId}/actions/cancel-send': campaigns.cancelSend,
  'GET /reports/{campaignId}': reports.getReport,
  'GET /reports/{campaignId}/email-activity': reports.getEmailActivity,
};
