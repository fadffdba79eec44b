import { useCampaignsApi, type CampaignView } from '../../api/campaigns';
import { usePolledList } from '../../utils/usePolledList';

/** While a campaign is sending its status changes on its own: look again this often. */
const BUSY_REFRESH_MS = 5000;

const isSending = (campaign: CampaignView) => campaign.status === 'sending';

/** Every campaign, newest first; refreshed while one of them is sending. */
export const useCampaigns = () => {
  const api = useCampaignsApi();
  return usePolledList(api.list, isSending, BUSY_REFRESH_MS);
};
