import type {
  ThresholdAction,
  ThresholdActionType,
  ThresholdInput,
  ThresholdView,
} from '../../api/triggers';

/** One action as the editor holds it: tags as typed ("hot-lead, vip"), the segment as picked. */
export interface ActionRow {
  type: ThresholdActionType;
  tags: string;
  segmentId: number | undefined;
}

export interface ThresholdForm {
  name: string;
  points: number | undefined;
  actions: ActionRow[];
  refireOnRecross: boolean;
}

const toRow = (action: ThresholdAction): ActionRow => ({
  type: action.type,
  tags: action.type === 'addTags' || action.type === 'removeTags' ? action.tags.join(', ') : '',
  segmentId: action.type === 'addToSegment' ? action.segmentId : undefined,
});

export const emptyRow = (type: ThresholdActionType = 'addTags'): ActionRow => ({
  type,
  tags: '',
  segmentId: undefined,
});

export const thresholdToForm = (threshold: ThresholdView | null): ThresholdForm => ({
  name: threshold?.name ?? '',
  points: threshold?.points ?? 30,
  actions: threshold ? threshold.actions.map(toRow) : [emptyRow()],
  refireOnRecross: threshold?.refireOnRecross ?? false,
});

const splitTags = (text: string) =>
  text
    .split(',')
    .map((tag) => tag.trim())
    .filter(Boolean);

const toAction = (row: ActionRow): ThresholdAction => {
  switch (row.type) {
    case 'addTags':
    case 'removeTags':
      return { type: row.type, tags: splitTags(row.tags) };
    case 'addToSegment':
      // An unpicked segment goes as NaN (null in JSON) so the server names it.
      return { type: row.type, segmentId: row.segmentId ?? Number.NaN };
    default:
      return { type: row.type };
  }
};

export const formToThreshold = (
  form: ThresholdForm,
  profileId: number,
  paused: boolean
): ThresholdInput => ({
  name: form.name.trim(),
  profileId,
  points: form.points ?? Number.NaN,
  actions: form.actions.map(toAction),
  refireOnRecross: form.refireOnRecross,
  paused,
});
