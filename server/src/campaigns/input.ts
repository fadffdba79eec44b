import type { CampaignEntryRef, CampaignInput } from '../types/campaigns';
import { EMAIL_PATTERN } from '../validation/connections';

export interface CampaignProblem {
  path: string;
  message: string;
}

/** Mailchimp's limits, the strictest of the platforms. */
const SUBJECT_MAX = 150;
const PREVIEW_MAX = 150;
export const ENTRIES_MAX = 30;

const text = (value: unknown) => (typeof value === 'string' ? value.trim() : '');
const optionalText = (value: unknown) => text(value) || null;
const optionalId = (value: unknown): number | null | undefined => {
  if (value === null || value === undefined || value === '') return null;
  const n = Number(value);
  return Number.isInteger(n) && n > 0 ? n : undefined;
};

/** A campaign body checked field by field; every problem names its field. */
export const readCampaignInput = (body: Record<string, unknown>) => {
  const problems: CampaignProblem[] = [];
  const need = (ok: boolean, path: string, message: string) => {
    if (!ok) problems.push({ path, message });
  };
  const name = text(body.name);
  need(
    name !== '' && name.length <= 200,
    'name',
    'Give the campaign a name (at most 200 characters).'
  );
  const connectionId = optionalId(body.connectionId);
  need(
    connectionId !== undefined,
    'connectionId',
    'connectionId must be a connection id, or empty for the default connection.'
  );
  const segmentId = optionalId(body.segmentId);
  need(
    segmentId !== undefined,
    'segmentId',
    'segmentId must be a segment id, or empty for the whole audience.'
  );
  const subject = text(body.subject);
  need(
    subject !== '' && subject.length <= SUBJECT_MAX,
    'subject',
    `Write a subject line (at most ${SUBJECT_MAX} characters).`
  );
  const previewText = optionalText(body.previewText);
  need(
    !previewText || previewText.length <= PREVIEW_MAX,
    'previewText',
    `The preview text is at most ${PREVIEW_MAX} characters.`
  );
  const replyTo = optionalText(body.replyTo);
  need(
    !replyTo || EMAIL_PATTERN.test(replyTo),
    'replyTo',
    `The reply-to address "${replyTo}" is not a valid email address.`
  );
  const contentMode = body.contentMode;
  need(
    contentMode === 'html' || contentMode === 'entries',
    'contentMode',
    'contentMode must be "html" or "entries".'
  );
  const html = typeof body.html === 'string' ? body.html : null;
  if (contentMode === 'html')
    need(Boolean(html?.trim()), 'html', 'Paste the HTML of the email, or build it from entries.');
  const entries: CampaignEntryRef[] = [];
  if (contentMode === 'entries') {
    const raw = Array.isArray(body.entries) ? body.entries : [];
    for (const item of raw) {
      const ref = item as Partial<CampaignEntryRef> | null;
      if (
        ref &&
        typeof ref.uid === 'string' &&
        typeof ref.documentId === 'string' &&
        ref.uid &&
        ref.documentId
      )
        entries.push({ uid: ref.uid, documentId: ref.documentId });
      else problems.push({ path: 'entries', message: 'Each entry needs a uid and a documentId.' });
    }
    need(
      entries.length > 0 && entries.length <= ENTRIES_MAX,
      'entries',
      `Pick 1 to ${ENTRIES_MAX} entries for the digest.`
    );
  }
  const input: CampaignInput = {
    name,
    connectionId: connectionId ?? null,
    audienceId: text(body.audienceId),
    segmentId: segmentId ?? null,
    subject,
    previewText,
    fromName: optionalText(body.fromName),
    replyTo,
    contentMode: contentMode === 'entries' ? 'entries' : 'html',
    html: contentMode === 'html' ? html : null,
    entries: contentMode === 'entries' ? entries : [],
    intro: optionalText(body.intro),
  };
  return { input, problems };
};

/** 1 to `max` valid addresses for a test send. */
export const readTestEmails = (body: Record<string, unknown>, max: number) => {
  const raw = Array.isArray(body.emails) ? body.emails : [];
  const emails = [...new Set(raw.map((e) => text(e).toLowerCase()).filter(Boolean))];
  const problems: CampaignProblem[] = [];
  if (emails.length === 0 || emails.length > max)
    problems.push({ path: 'emails', message: `Send a test to 1 to ${max} addresses.` });
  const bad = emails.filter((e) => !EMAIL_PATTERN.test(e));
  if (bad.length > 0)
    problems.push({ path: 'emails', message: `Not a valid email address: ${bad.join(', ')}.` });
  return { emails, problems };
};
