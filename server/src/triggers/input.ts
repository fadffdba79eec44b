import { LIMIT_PERIODS } from '../types/triggers';
import type {
  LimitPeriod,
  PointEvent,
  PointRuleInput,
  ThresholdAction,
  ThresholdInput,
} from '../types/triggers';

export interface Problem {
  path: string;
  message: string;
}
type Body = Record<string, unknown>;

const MAX_POINTS = 1_000_000;

const readName = (raw: unknown, what: string, problems: Problem[]) => {
  const name = typeof raw === 'string' ? raw.trim() : '';
  if (!name) problems.push({ path: 'name', message: `Give the ${what} a name.` });
  else if (name.length > 100)
    problems.push({ path: 'name', message: 'The name must be at most 100 characters.' });
  return name;
};

export const readProfileId = (raw: unknown, problems: Problem[]) => {
  const id = typeof raw === 'string' && raw.trim() !== '' ? Number(raw) : raw;
  if (typeof id === 'number' && Number.isInteger(id) && id > 0) return id;
  problems.push({ path: 'profileId', message: 'Choose the sync profile (source and audience).' });
  return 0;
};

const isInt = (value: unknown): value is number =>
  typeof value === 'number' && Number.isInteger(value);

const readEvent = (raw: unknown, problems: Problem[]): PointEvent => {
  const event = (raw ?? {}) as Record<string, unknown>;
  switch (event.type) {
    case 'entry.created':
      if (typeof event.uid !== 'string' || !event.uid)
        problems.push({
          path: 'event.uid',
          message: 'Choose the content type whose entries count.',
        });
      if (typeof event.relationField !== 'string' || !event.relationField)
        problems.push({
          path: 'event.relationField',
          message: 'Choose the relation that points at the contact.',
        });
      return {
        type: 'entry.created',
        uid: String(event.uid ?? ''),
        relationField: String(event.relationField ?? ''),
      };
    case 'field.changed': {
      const value = event.value ?? null;
      if (typeof event.field !== 'string' || !event.field)
        problems.push({ path: 'event.field', message: 'Choose the contact field to watch.' });
      if (value !== null && !['string', 'number', 'boolean'].includes(typeof value))
        problems.push({
          path: 'event.value',
          message: 'The value must be text, a number or yes/no.',
        });
      return {
        type: 'field.changed',
        field: String(event.field ?? ''),
        value: value as string | number | boolean | null,
      };
    }
    case 'contact.published':
    case 'campaign.opened':
    case 'campaign.clicked':
    case 'manual':
      return { type: event.type };
    default:
      problems.push({
        path: 'event.type',
        message:
          'The event must be entry.created, field.changed, contact.published, campaign.opened, campaign.clicked or manual.',
      });
      return { type: 'manual' };
  }
};

/** Reads a rule body; shape problems are collected (the schema checks come after). */
export const readRuleInput = (body: Body): { input: PointRuleInput; problems: Problem[] } => {
  const problems: Problem[] = [];
  const name = readName(body.name, 'rule', problems);
  const profileId = readProfileId(body.profileId, problems);
  const event = readEvent(body.event, problems);
  const points = body.points;
  if (!isInt(points) || points === 0 || Math.abs(points) > MAX_POINTS)
    problems.push({
      path: 'points',
      message: `Points must be a whole number other than 0, at most ${MAX_POINTS} either way.`,
    });
  let limit: PointRuleInput['limit'] = null;
  if (body.limit !== undefined && body.limit !== null) {
    const raw = body.limit as Record<string, unknown>;
    if (!isInt(raw.count) || raw.count < 1)
      problems.push({ path: 'limit.count', message: 'The limit must be at least 1 time.' });
    if (!LIMIT_PERIODS.includes(raw.per as LimitPeriod))
      problems.push({ path: 'limit.per', message: 'The limit is per ever, day, week or month.' });
    limit = { count: Number(raw.count), per: raw.per as LimitPeriod };
  }
  if (body.paused !== undefined && typeof body.paused !== 'boolean')
    problems.push({ path: 'paused', message: 'paused must be true or false.' });
  return {
    input: { name, profileId, event, points: Number(points), limit, paused: body.paused === true },
    problems,
  };
};

const readTags = (raw: unknown, path: string, problems: Problem[]) => {
  const tags = Array.isArray(raw)
    ? raw.filter((t): t is string => typeof t === 'string').map((t) => t.trim())
    : [];
  if (tags.length === 0 || tags.some((t) => !t || t.length > 100))
    problems.push({ path, message: 'Name at least one tag (each at most 100 characters).' });
  return tags;
};

const readAction = (raw: unknown, i: number, problems: Problem[]): ThresholdAction | null => {
  const action = (raw ?? {}) as Record<string, unknown>;
  const path = `actions.${i}`;
  switch (action.type) {
    case 'push':
    case 'startDoubleOptIn':
    case 'markVip':
      return { type: action.type };
    case 'addTags':
    case 'removeTags':
      return { type: action.type, tags: readTags(action.tags, `${path}.tags`, problems) };
    case 'addToSegment':
      if (!isInt(action.segmentId) || action.segmentId < 1)
        problems.push({ path: `${path}.segmentId`, message: 'Choose the segment.' });
      return { type: 'addToSegment', segmentId: Number(action.segmentId) };
    default:
      problems.push({
        path: `${path}.type`,
        message:
          'An action is push, addTags, removeTags, addToSegment, startDoubleOptIn or markVip.',
      });
      return null;
  }
};

export const readThresholdInput = (body: Body): { input: ThresholdInput; problems: Problem[] } => {
  const problems: Problem[] = [];
  const name = readName(body.name, 'threshold', problems);
  const profileId = readProfileId(body.profileId, problems);
  if (!isInt(body.points) || Math.abs(body.points) > MAX_POINTS)
    problems.push({ path: 'points', message: 'The threshold must be a whole number of points.' });
  const raw = Array.isArray(body.actions) ? body.actions : [];
  if (raw.length === 0) problems.push({ path: 'actions', message: 'Choose at least one action.' });
  const actions = raw.flatMap((a, i) => readAction(a, i, problems) ?? []);
  if (body.refireOnRecross !== undefined && typeof body.refireOnRecross !== 'boolean')
    problems.push({ path: 'refireOnRecross', message: 'refireOnRecross must be true or false.' });
  return {
    input: {
      name,
      profileId,
      points: Number(body.points),
      actions,
      refireOnRecross: body.refireOnRecross === true,
      paused: body.paused === true,
    },
    problems,
  };
};

/** A short human label per action, kept on each firing for the history. */
export const actionLabel = (action: ThresholdAction): string => {
  switch (action.type) {
    case 'push':
      return 'push to audience';
    case 'addTags':
      return `add tags ${action.tags.join(', ')}`;
    case 'removeTags':
      return `remove tags ${action.tags.join(', ')}`;
    case 'addToSegment':
      return `add to segment #${action.segmentId}`;
    case 'startDoubleOptIn':
      return 'start double opt-in';
    case 'markVip':
      return 'mark as VIP';
  }
};
