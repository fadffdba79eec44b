import type { Core } from '@strapi/strapi';
import { getService } from '../utils/get-service';
import type { ProfileRuntime } from './profile-runtime';
import { stateStore, type ContactStateRow } from './state-store';

/**
 * An entry left the synced set (deleted, unpublished, or gone behind the document service's
 * back): follow the profile's choice: archive (default), keep, or delete permanently.
 */
export const removeContact = async (
  strapi: Core.Strapi,
  runtime: ProfileRuntime,
  state: ContactStateRow
) => {
  const { profile, provider, audienceId } = runtime;
  const email = state.email;
  if (
    email &&
    state.remoteStatus &&
    state.remoteStatus !== 'cleaned' &&
    state.remoteStatus !== 'forgotten'
  ) {
    if (profile.onDelete === 'archive') await provider.archiveContact(audienceId, email);
    if (profile.onDelete === 'delete') {
      await provider.deleteContactPermanently(audienceId, email);
      // Permanently deleted: keep a suppression row so no later sync re-adds the address.
      await stateStore(strapi).setPreference(email, 'forgotten', {
        source: `strapi:${profile.sourceUid}`,
      });
    }
    if (profile.onDelete !== 'keep') {
      await getService(strapi, 'audit').record(
        { type: 'system', name: 'contact sync' },
        {
          action: profile.onDelete === 'delete' ? 'contact.deleted' : 'contact.archived',
          subjectType: profile.sourceUid,
          subjectId: state.sourceDocumentId,
          email,
          before: { status: state.remoteStatus },
          after: { status: profile.onDelete === 'delete' ? 'forgotten' : 'archived' },
        }
      );
    }
  }
  await stateStore(strapi).deleteState(state.id);
};
