import type { SegmentInput, SegmentMatch, SegmentRemoteKind } from '../types/segments';
import { readConditions, type SegmentProblem } from './compile';

type Body = Record<string, unknown>;

/** Reads a create/update body; shape problems are collected, not thrown one by one. */
export const readSegmentInput = (
  body: Body
): { input: SegmentInput; problems: SegmentProblem[] } => {
  const problems: SegmentProblem[] = [];
  const name = typeof body.name === 'string' ? body.name.trim() : '';
  if (!name) problems.push({ path: 'name', message: 'Give the segment a name.' });
  else if (name.length > 100)
    problems.push({ path: 'name', message: 'The name must be at most 100 characters.' });
  const label =
    typeof body.label === 'string' && body.label.trim() !== '' ? body.label.trim() : null;
  if (label && label.length > 60)
    problems.push({ path: 'label', message: 'The type label must be at most 60 characters.' });
  const { profileId, problem } = readProfileId(body.profileId);
  if (problem) problems.push(problem);
  const match = readMatch(body.match);
  if (!match) problems.push({ path: 'match', message: 'Match must be "all" or "any".' });
  const remoteKind = body.remoteKind ?? 'static_segment';
  if (remoteKind !== 'static_segment' && remoteKind !== 'tag')
    problems.push({
      path: 'remoteKind',
      message: 'The platform object must be "static_segment" or "tag".',
    });
  const conditions = readConditions(body.conditions);
  problems.push(...conditions.problems);
  return {
    input: {
      name,
      label,
      profileId,
      match: match ?? 'all',
      conditions: conditions.conditions,
      remoteKind: remoteKind as SegmentRemoteKind,
    },
    problems,
  };
};

export const readMatch = (raw: unknown): SegmentMatch | null =>
  raw === undefined || raw === null ? 'all' : raw === 'all' || raw === 'any' ? raw : null;

export const readProfileId = (raw: unknown): { profileId: number; problem?: SegmentProblem } => {
  const profileId = typeof raw === 'string' && raw.trim() !== '' ? Number(raw) : raw;
  if (typeof profileId !== 'number' || !Number.isInteger(profileId) || profileId < 1)
    return {
      profileId: 0,
      problem: { path: 'profileId', message: 'Choose the sync profile (source and audience).' },
    };
  return { profileId };
};
