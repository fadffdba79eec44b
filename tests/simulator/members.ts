import { problems } from './problems';
import { validateMergeFields } from './merge-validation';
import { hex, now, subscriberHash, type List, type Member, type MemberStatus } from './state';

export const EMAIL_PATTERN = /^[^\s@]+@[^\s@]+\.[^\s@]{2,}$/;

export interface MemberInput {
  email_address?: string;
  status?: MemberStatus;
  status_if_new?: MemberStatus;
  email_type?: string;
  merge_fields?: Record<string, unknown>;
  interests?: Record<string, boolean>;
  language?: string;
  vip?: boolean;
  ip_signup?: string;
  timestamp_signup?: string;
  ip_opt?: string;
  timestamp_opt?: string;
  tags?: string[];
  marketing_permissions?: Array<{ marketing_permission_id: string; enabled: boolean }>;
}

export type StatusChange = { from: string | null; to: string };

/** Resolves the `subscriberHash` path segment: Mailchimp also accepts the email address. */
export const resolveHash = (value: string) =>
  value.includes('@') ? subscriberHash(value) : value.toLowerCase();

export const findMember = (list: List, hashOrEmail: string): Member | undefined => {
  const member = list.members.get(resolveHash(hashOrEmail));
  return member && member.status !== 'archived' ? member : undefined;
};

/**
 * A status change Mailchimp allows through the API. Someone who unsubscribed or was cleaned
 * cannot be made `subscribed` again by an API call; `pending` (re-confirmation) is allowed.
 */
export const assertStatusChangeAllowed = (member: Member, next: MemberStatus) => {
  if (next === 'subscribed' && (member.status === 'unsubscribed' || member.status === 'cleaned')) {
    throw problems.complianceState(member.email_address);
  }
};

const newMember = (list: List, email: string, status: MemberStatus, webId: number): Member => {
  const time = now();
  return {
    id: subscriberHash(email),
    email_address: email.trim(),
    unique_email_id: hex(5),
    contact_id: hex(16),
    web_id: webId,
    status,
    email_type: 'html',
    merge_fields: Object.fromEntries(
      list.mergeFields.map((f) => [f.tag, f.type === 'address' ? '' : ''])
    ),
    interests: {},
    language: '',
    vip: false,
    ip_signup: '',
    timestamp_signup: '',
    ip_opt: '',
    timestamp_opt: status === 'subscribed' ? time : '',
    last_changed: time,
    source: 'API - Generic',
    tags: [],
    confirmationsSent: status === 'pending' ? 1 : 0,
    marketing_permissions: [],
  };
};

const applyFields = (member: Member, input: MemberInput) => {
  if (input.merge_fields) member.merge_fields = { ...member.merge_fields, ...input.merge_fields };
  if (input.interests) member.interests = { ...member.interests, ...input.interests };
  for (const key of [
    'email_type',
    'language',
    'ip_signup',
    'timestamp_signup',
    'ip_opt',
    'timestamp_opt',
  ] as const) {
    if (input[key] !== undefined) member[key] = input[key]!;
  }
  if (input.vip !== undefined) member.vip = input.vip;
};

export interface UpsertOptions {
  /** put = upsert; post = create only ("Member Exists"); patch = update only (404). */
  mode: 'put' | 'post' | 'patch';
  skipMergeValidation?: boolean;
  nextWebId: () => number;
}

export interface UpsertResult {
  member: Member;
  created: boolean;
  statusChange: StatusChange | null;
}

/**
 * The member write rules shared by PUT/POST/PATCH, batch subscribe and /batches. For an
 * existing member only an explicit `status` changes the status; `status_if_new` never does.
 */
export const writeMember = (
  list: List,
  hashOrEmail: string | null,
  input: MemberInput,
  options: UpsertOptions
): UpsertResult => {
  const email = input.email_address?.trim();
  if (email !== undefined && !EMAIL_PATTERN.test(email)) {
    throw problems.invalidResource(
      [{ field: 'email_address', message: 'Please provide a valid email address.' }],
      `${email} looks fake or invalid, please enter a real email address.`
    );
  }
  const hash = hashOrEmail ? resolveHash(hashOrEmail) : email ? subscriberHash(email) : null;
  if (!hash)
    throw problems.invalidResource([
      { field: 'email_address', message: 'This value should not be blank.' },
    ]);
  if (
    email &&
    options.mode !== 'patch' &&
    subscriberHash(email) !== hash &&
    !list.members.has(hash)
  ) {
    throw problems.invalidResource([
      { field: 'email_address', message: 'The email address does not match the subscriber hash.' },
    ]);
  }
  const existing = list.members.get(hash);
  const live = existing && existing.status !== 'archived' ? existing : undefined;

  if (!live) {
    if (options.mode === 'patch') throw problems.notFound();
    if (list.forgotten.has(hash)) throw problems.forgotten(email ?? hash);
    const status = options.mode === 'post' ? input.status : (input.status ?? input.status_if_new);
    if (!email || !status) {
      throw problems.invalidResource([
        ...(email ? [] : [{ field: 'email_address', message: 'This value should not be blank.' }]),
        ...(status
          ? []
          : [
              {
                field: options.mode === 'post' ? 'status' : 'status_if_new',
                message: 'This value should not be blank.',
              },
            ]),
      ]);
    }
    const mergeProblems = options.skipMergeValidation
      ? []
      : validateMergeFields(list.mergeFields, input.merge_fields ?? {}, { isNew: true });
    if (mergeProblems.length > 0) throw problems.mergeFieldsInvalid(mergeProblems);
    const member = newMember(list, email, status, existing?.web_id ?? options.nextWebId());
    applyFields(member, input);
    list.members.set(hash, member);
    return {
      member,
      created: true,
      statusChange: { from: existing ? 'archived' : null, to: status },
    };
  }

  if (options.mode === 'post') throw problems.memberExists(live.email_address);
  // A different email_address on an existing member changes its address (same member).
  if (email && email.toLowerCase() !== live.email_address.toLowerCase()) {
    const newHash = subscriberHash(email);
    const taken = list.members.get(newHash);
    if (taken && taken.status !== 'archived') throw problems.memberExists(email);
    list.members.delete(live.id);
    live.email_address = email;
    live.id = newHash;
    list.members.set(newHash, live);
  }
  const mergeProblems = options.skipMergeValidation
    ? []
    : validateMergeFields(list.mergeFields, input.merge_fields ?? {}, { isNew: false });
  if (mergeProblems.length > 0) throw problems.mergeFieldsInvalid(mergeProblems);
  let statusChange: StatusChange | null = null;
  if (input.status && input.status !== live.status) {
    assertStatusChangeAllowed(live, input.status);
    statusChange = { from: live.status, to: input.status };
    live.status = input.status;
    if (input.status === 'subscribed') live.timestamp_opt = now();
    if (input.status === 'pending') live.confirmationsSent++;
  }
  applyFields(live, input);
  live.last_changed = now();
  return { member: live, created: false, statusChange };
};

/** The member as the API returns it. */
export const memberView = (list: List, member: Member) => ({
  id: member.id,
  email_address: member.email_address,
  unique_email_id: member.unique_email_id,
  contact_id: member.contact_id,
  full_name: [member.merge_fields.FNAME, member.merge_fields.LNAME].filter(Boolean).join(' '),
  web_id: member.web_id,
  email_type: member.email_type,
  status: member.status,
  ...(member.unsubscribe_reason ? { unsubscribe_reason: member.unsubscribe_reason } : {}),
  merge_fields: member.merge_fields,
  interests: member.interests,
  stats: { avg_open_rate: 0, avg_click_rate: 0 },
  ip_signup: member.ip_signup,
  timestamp_signup: member.timestamp_signup,
  ip_opt: member.ip_opt,
  timestamp_opt: member.timestamp_opt,
  member_rating: 2,
  last_changed: member.last_changed,
  language: member.language,
  vip: member.vip,
  email_client: '',
  location: { latitude: 0, longitude: 0, gmtoff: 0, dstoff: 0, country_code: '', timezone: '' },
  marketing_permissions: member.marketing_permissions,
  source: member.source,
  tags_count: member.tags.length,
  tags: member.tags.slice(0, 50).map(({ id, name }) => ({ id, name })),
  list_id: list.id,
  _links: [],
});
