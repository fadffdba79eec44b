import { useEffect, useState } from 'react';
import { useSegmentsApi, type SegmentAttribute } from '../../api/segments';
import { readApiError } from '../../utils/apiError';

type State =
  | { status: 'idle' | 'loading' }
  | { status: 'error'; message: string }
  | { status: 'ready'; data: SegmentAttribute[] };

/** The attributes a segment of this profile can filter on (its content type's, and one level in). */
export const useSegmentAttributes = (profileId: number | null) => {
  const api = useSegmentsApi();
  const [state, setState] = useState<State>({ status: 'idle' });

  useEffect(() => {
    if (profileId === null) {
      setState({ status: 'idle' });
      return undefined;
    }
    let cancelled = false;
    setState({ status: 'loading' });
    api.attributes(profileId).then(
      (data) => !cancelled && setState({ status: 'ready', data }),
      (error: unknown) =>
        !cancelled && setState({ status: 'error', message: readApiError(error).message })
    );
    return () => {
      cancelled = true;
    };
  }, [api, profileId]);

  return state;
};
