/**
 * What a threshold does for a contact whose points are now `points`:
 * - `fire`: reached and no active firing (first time, or re-armed after a fall);
 * - `reset`: fell below an active firing of a threshold that refires on re-crossing (re-arms it);
 * - `none`: otherwise. A threshold that does not refire stays fired for good.
 */
export type ThresholdDecision = 'fire' | 'reset' | 'none';

export const decideThreshold = (
  points: number,
  threshold: { points: number; refireOnRecross: boolean },
  activeFiring: boolean
): ThresholdDecision => {
  if (points >= threshold.points) return activeFiring ? 'none' : 'fire';
  return activeFiring && threshold.refireOnRecross ? 'reset' : 'none';
};
