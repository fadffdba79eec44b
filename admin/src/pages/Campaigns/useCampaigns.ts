import { useCallback, useEffect, useRef, useState } from 'react';
import { useCampaignsApi, type CampaignView } from '../../api/campaigns';

type State =
  | { status: 'loading' }
  | { status: 'error'; error: unknown }
  | { status: 'ready'; data: CampaignView[] };

/** While a campaign is sending its status changes on its own: look again this often. */
const BUSY_REFRESH_MS = 5000;

/** Every campaign, newest first; refreshed while one of them is sending. */
export const useCampaigns = () => {
  const api = useCampaignsApi();
  const [state, setState] = useState<State>({ status: 'loading' });
  const timer = useRef<ReturnType<typeof setTimeout>>();

  const load = useCallback(async () => {
    clearTimeout(timer.current);
    try {
      const data = await api.list();
      setState({ status: 'ready', data });
      if (data.some((c) => c.status === 'sending'))
        timer.current = setTimeout(() => void load(), BUSY_REFRESH_MS);
    } catch (error) {
      setState({ status: 'error', error });
    }
  }, [api]);

  useEffect(() => {
    void load();
    return () => clearTimeout(timer.current);
  }, [load]);

  return { state, reload: load };
};
