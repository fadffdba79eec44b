import { useCallback, useState } from 'react';
import type { CampaignInput, CampaignView } from '../../api/campaigns';

/** A new campaign: the default connection, HTML content until entries are chosen. */
export const emptyCampaign = (): CampaignInput => ({
  name: '',
  connectionId: null,
  audienceId: '',
  segmentId: null,
  subject: '',
  previewText: '',
  fromName: '',
  replyTo: '',
  contentMode: 'entries',
  html: '',
  entries: [],
  intro: '',
});

/** The editable part of a saved campaign (what PUT takes back). */
export const toInput = (campaign: CampaignView): CampaignInput => ({
  name: campaign.name,
  connectionId: campaign.connectionId ?? null,
  audienceId: campaign.audienceId,
  segmentId: campaign.segmentId ?? null,
  subject: campaign.subject,
  previewText: campaign.previewText ?? '',
  fromName: campaign.fromName ?? '',
  replyTo: campaign.replyTo ?? '',
  contentMode: campaign.contentMode,
  html: campaign.html ?? '',
  entries: campaign.entries ?? [],
  intro: campaign.intro ?? '',
});

/** Empty optional texts go out as null, so the server resolves its defaults. */
export const toPayload = (form: CampaignInput): CampaignInput => ({
  ...form,
  previewText: form.previewText || null,
  fromName: form.fromName || null,
  replyTo: form.replyTo || null,
  html: form.contentMode === 'html' ? form.html || null : null,
  entries: form.contentMode === 'entries' ? (form.entries ?? []) : [],
  intro: form.intro || null,
});

const without = (errors: Record<string, string>, keys: string[]) =>
  Object.fromEntries(
    Object.entries(errors).filter(
      ([path]) => !keys.some((key) => path === key || path.startsWith(`${key}.`))
    )
  );

/** The editor's form; `errors` are the server's, keyed by field (see readApiError). */
export const useCampaignForm = (initial: CampaignInput) => {
  const [form, setForm] = useState<CampaignInput>(initial);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [dirty, setDirty] = useState(false);

  const change = useCallback((patch: Partial<CampaignInput>) => {
    setForm((current) => ({ ...current, ...patch }));
    setErrors((current) => without(current, Object.keys(patch)));
    setDirty(true);
  }, []);

  const reset = useCallback((next: CampaignInput) => {
    setForm(next);
    setErrors({});
    setDirty(false);
  }, []);

  return { form, errors, setErrors, change, dirty, reset };
};

export type CampaignForm = ReturnType<typeof useCampaignForm>;
