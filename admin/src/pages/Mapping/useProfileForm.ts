import { useCallback, useState } from 'react';
import type { ProfileInput, ProfileView, SyncSource } from '../../api/sync';

/** A new profile: published entries only, consent not chosen yet, archive on delete. */
export const emptyProfile = (): ProfileInput => ({
  name: '',
  sourceUid: '',
  emailField: '',
  connectionId: null,
  audienceId: null,
  syncDrafts: false,
  consentField: null,
  consentRule: { kind: 'boolean' },
  mergeFields: [],
  staticTags: [],
  tagAttribute: null,
  doubleOptIn: false,
  welcomeTag: null,
  onDelete: 'archive',
  flowBack: false,
  onErase: 'keep',
  enabled: true,
});

/** The editable part of a saved profile (what PUT takes back). */
export const toInput = (profile: ProfileView): ProfileInput => ({
  name: profile.name,
  sourceUid: profile.sourceUid,
  emailField: profile.emailField,
  connectionId: profile.connectionId,
  audienceId: profile.audienceId,
  syncDrafts: profile.syncDrafts,
  consentField: profile.consentField,
  consentRule: profile.consentRule,
  mergeFields: profile.mergeFields,
  staticTags: profile.staticTags,
  tagAttribute: profile.tagAttribute,
  doubleOptIn: profile.doubleOptIn,
  welcomeTag: profile.welcomeTag,
  onDelete: profile.onDelete,
  flowBack: profile.flowBack,
  onErase: profile.onErase,
  enabled: profile.enabled,
});

/** Choosing another content type resets everything that named one of its attributes. */
const withSource = (form: ProfileInput, source: SyncSource | undefined): ProfileInput => ({
  ...form,
  sourceUid: source?.uid ?? '',
  name: form.name || (source?.displayName ?? ''),
  emailField: source?.emailCandidates[0] ?? '',
  syncDrafts: false,
  consentField: null,
  consentRule: { kind: 'boolean' },
  mergeFields: [],
  tagAttribute: null,
});

/** Drops the errors of these fields, and of their parts (`mergeFields.2.tag`). */
const without = (errors: Record<string, string>, keys: string[]) =>
  Object.fromEntries(
    Object.entries(errors).filter(
      ([path]) => !keys.some((key) => path === key || path.startsWith(`${key}.`))
    )
  );

/** The editor's form state; `errors` are the server's, keyed by field (see readApiError). */
export const useProfileForm = (initial: ProfileInput) => {
  const [form, setForm] = useState<ProfileInput>(initial);
  const [errors, setErrors] = useState<Record<string, string>>({});

  const set = useCallback(<K extends keyof ProfileInput>(key: K, value: ProfileInput[K]) => {
    setForm((current) => ({ ...current, [key]: value }));
    setErrors((current) => without(current, [key]));
  }, []);

  const change = useCallback((patch: Partial<ProfileInput>) => {
    setForm((current) => ({ ...current, ...patch }));
    setErrors((current) => without(current, Object.keys(patch)));
  }, []);

  const chooseSource = useCallback((source: SyncSource | undefined) => {
    setForm((current) => withSource(current, source));
    setErrors({});
  }, []);

  return { form, setForm, errors, setErrors, set, change, chooseSource };
};

export type ProfileForm = ReturnType<typeof useProfileForm>;
