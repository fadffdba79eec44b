import { useCallback, useEffect, useRef, useState } from 'react';
import {
  useTriggersApi,
  type LeaderRow,
  type PointRuleView,
  type SegmentOption,
  type ThresholdView,
  type TriggerEventOptions,
} from '../../api/triggers';

export interface TriggersData {
  rules: PointRuleView[];
  thresholds: ThresholdView[];
  options: TriggerEventOptions | null;
  leaders: LeaderRow[];
  segments: SegmentOption[];
}

type State =
  | { status: 'idle' }
  | { status: 'loading' }
  | { status: 'error'; error: unknown }
  | { status: 'ready'; data: TriggersData };

/** Points arrive through jobs after a save: the leaderboard is re-read this often. */
const LEADERS_REFRESH_MS = 5000;

/**
 * A profile's rules, thresholds, event options, leaderboard and segments. Options and
 * segments are extras (their failure, e.g. no `segments.read`, leaves them empty).
 */
export const useTriggersData = (profileId: number | null) => {
  const api = useTriggersApi();
  const [state, setState] = useState<State>({ status: 'idle' });
  const timer = useRef<ReturnType<typeof setTimeout>>();
  // A reply for a profile that is no longer selected is dropped.
  const current = useRef(profileId);
  current.current = profileId;

  const refreshLeaders = useCallback(async () => {
    clearTimeout(timer.current);
    if (profileId === null) return;
    try {
      const leaders = await api.leaders(profileId);
      if (current.current !== profileId) return;
      setState((s) => (s.status === 'ready' ? { ...s, data: { ...s.data, leaders } } : s));
    } catch {
      // Kept as it was; the next tick tries again.
    }
    timer.current = setTimeout(() => void refreshLeaders(), LEADERS_REFRESH_MS);
  }, [api, profileId]);

  const load = useCallback(async () => {
    if (profileId === null) return setState({ status: 'idle' });
    try {
      const [rules, thresholds, leaders, options, segments] = await Promise.all([
        api.rules(profileId),
        api.thresholds(profileId),
        api.leaders(profileId),
        api.options(profileId).catch(() => null),
        api.segments().catch((): SegmentOption[] => []),
      ]);
      if (current.current !== profileId) return;
      setState({
        status: 'ready',
        data: {
          rules,
          thresholds,
          leaders,
          options,
          segments: segments.filter((s) => s.profileId === profileId),
        },
      });
    } catch (error) {
      if (current.current !== profileId) return;
      setState({ status: 'error', error });
    }
  }, [api, profileId]);

  useEffect(() => {
    setState(profileId === null ? { status: 'idle' } : { status: 'loading' });
    void load().then(() => {
      timer.current = setTimeout(() => void refreshLeaders(), LEADERS_REFRESH_MS);
    });
    return () => clearTimeout(timer.current);
  }, [load, refreshLeaders, profileId]);

  return { state, reload: load, refreshLeaders };
};
