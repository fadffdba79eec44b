import { useSyncApi, type ProfileView } from '../../api/sync';
import { usePolledList } from '../../utils/usePolledList';

const BUSY_REFRESH_MS = 1000;

const isSyncing = (profile: ProfileView) => Boolean(profile.runningJob);

/** All sync profiles, refreshed every second while one of them has a full sync running. */
export const useProfiles = () => {
  const api = useSyncApi();
  return usePolledList(api.profiles, isSyncing, BUSY_REFRESH_MS);
};
