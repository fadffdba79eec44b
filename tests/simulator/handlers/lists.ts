import { ok, page, type Handler } from '../context';
import { memberView, writeMember, type MemberInput } from '../members';
import { Problem, problems } from '../problems';
import { subscriberHash, type List } from '../state';
import { listOf } from './lookup';

const stats = (list: List) => {
  const members = [...list.members.values()];
  const count = (status: string) => members.filter((m) => m.status === status).length;
  return {
    member_count: count('subscribed'),
    total_contacts: members.filter((m) => m.status !== 'archived').length,
    unsubscribe_count: count('unsubscribed'),
    cleaned_count: count('cleaned'),
    member_count_since_send: count('subscribed'),
    unsubscribe_count_since_send: count('unsubscribed'),
    cleaned_count_since_send: count('cleaned'),
    campaign_count: 0,
    campaign_last_sent: '',
    merge_field_count: list.mergeFields.length,
    avg_sub_rate: 0,
    avg_unsub_rate: 0,
    target_sub_rate: 0,
    open_rate: 0,
    click_rate: 0,
    last_sub_date: '',
    last_unsub_date: '',
  };
};

export const listView = (list: List) => ({
  id: list.id,
  web_id: list.web_id,
  name: list.name,
  contact: list.contact,
  permission_reminder: list.permission_reminder,
  use_archive_bar: true,
  campaign_defaults: list.campaign_defaults,
  notify_on_subscribe: '',
  notify_on_unsubscribe: '',
  date_created: list.date_created,
  list_rating: 0,
  email_type_option: false,
  subscribe_url_short: `http://eepurl.com/${list.id}`,
  subscribe_url_long: `https://example.us1.list-manage.com/subscribe?id=${list.id}`,
  beamer_address: '',
  visibility: 'pub',
  double_optin: list.double_optin,
  has_welcome: false,
  marketing_permissions: false,
  modules: [],
  stats: stats(list),
  _links: [],
});

export const getLists: Handler = ({ account, query }) => {
  const lists = [...account.lists.values()];
  return ok({
    lists: page(lists, query).map(listView),
    total_items: lists.length,
    constraints: { may_create: true, max_instances: 100, current_total_instances: lists.length },
    _links: [],
  });
};

export const getList: Handler = (ctx) => ok(listView(listOf(ctx)));

const BATCH_LIMIT = 500;

/**
 * Batch subscribe (POST /lists/{id}): up to 500 members. Without update_existing an existing
 * address is an ERROR_CONTACT_EXISTS error; with it, `status` is applied to existing members.
 */
export const batchSubscribe: Handler = (ctx) => {
  const list = listOf(ctx);
  const body = ctx.body as { members: MemberInput[]; update_existing?: boolean };
  if (body.members.length > BATCH_LIMIT) {
    throw problems.invalidResource([
      { field: 'members', message: `You may not exceed ${BATCH_LIMIT} members per request.` },
    ]);
  }
  const skipMergeValidation = ctx.query.skip_merge_validation === true;
  const seen = new Set<string>();
  const result = {
    new_members: [] as unknown[],
    updated_members: [] as unknown[],
    errors: [] as Array<{
      email_address: string;
      error: string;
      error_code: string;
      field: string;
      field_message: string;
    }>,
    total_created: 0,
    total_updated: 0,
    error_count: 0,
    _links: [],
  };
  for (const input of body.members) {
    const email = input.email_address ?? '';
    const key = email.trim().toLowerCase();
    if (seen.has(key) && ctx.query.skip_duplicate_check !== true) continue; // first appearance wins
    seen.add(key);
    try {
      const existing = list.members.get(subscriberHash(key));
      if (existing && existing.status !== 'archived' && !body.update_existing) {
        result.errors.push({
          email_address: email,
          error: `${email} is already a list member, do you want to update? please provide update_existing:true in the request body`,
          error_code: 'ERROR_CONTACT_EXISTS',
          field: '',
          field_message: '',
        });
        continue;
      }
      // Batch subscribe puts `status` on new and (with update_existing) existing members alike.
      const { member, created } = writeMember(
        list,
        null,
        { ...input, status_if_new: input.status },
        {
          mode: 'put',
          skipMergeValidation,
          nextWebId: () => ctx.sim.nextWebId(),
        }
      );
      (created ? result.new_members : result.updated_members).push(memberView(list, member));
    } catch (error) {
      if (!(error instanceof Problem)) throw error;
      const field = error.errors?.[0];
      result.errors.push({
        email_address: email,
        error: field ? `${field.field}: ${field.message}` : error.detail,
        error_code: 'ERROR_GENERIC',
        field: field?.field ?? '',
        field_message: field?.message ?? '',
      });
    }
  }
  result.total_created = result.new_members.length;
  result.total_updated = result.updated_members.length;
  result.error_count = result.errors.length;
  return ok(result);
};
