import type {
  LimitPeriod,
  PointEvent,
  PointEventType,
  PointRuleView,
  SegmentOption,
  ThresholdAction,
  ThresholdActionType,
  TriggerEventOptions,
} from '../../api/triggers';
import { useT } from '../../utils/useT';

type T = ReturnType<typeof useT>;

/** Labels of the event types, for the editor's select and the table. */
export const eventTypeLabel = (t: T, type: PointEventType): string =>
  ({
    'entry.created': t(
      'triggers.event.entryCreated',
      'An entry relating to the contact is created'
    ),
    'field.changed': t('triggers.event.fieldChanged', 'A field of the contact changes to a value'),
    'contact.published': t('triggers.event.contactPublished', 'The contact is published'),
    'campaign.opened': t('triggers.event.campaignOpened', 'A campaign email is opened'),
    'campaign.clicked': t('triggers.event.campaignClicked', 'A campaign email is clicked'),
    manual: t('triggers.event.manual', 'Manual adjustment by an admin'),
  })[type];

export const periodLabel = (t: T, per: LimitPeriod): string =>
  ({
    ever: t('triggers.period.ever', 'per contact'),
    day: t('triggers.period.day', 'per day'),
    week: t('triggers.period.week', 'per week'),
    month: t('triggers.period.month', 'per month'),
  })[per];

const valueText = (value: string | number | boolean | null) =>
  value === null ? '∅' : String(value);

/** "Order (contact) created", "city changes to Paris": a rule's event in a few words. */
export const eventInWords = (
  t: T,
  event: PointEvent,
  options: TriggerEventOptions | null
): string => {
  switch (event.type) {
    case 'entry.created': {
      const type = options?.contentTypes.find((c) => c.uid === event.uid);
      return t('triggers.words.entryCreated', '{type} created (via {field})', {
        type: type?.displayName ?? event.uid,
        field: event.relationField,
      });
    }
    case 'field.changed':
      return t('triggers.words.fieldChanged', '{field} changes to {value}', {
        field: event.field,
        value: valueText(event.value),
      });
    default:
      return eventTypeLabel(t, event.type);
  }
};

export const limitInWords = (t: T, limit: PointRuleView['limit']): string =>
  limit
    ? t('triggers.words.limit', 'At most {count}× {period}', {
        count: limit.count,
        period: periodLabel(t, limit.per),
      })
    : t('triggers.words.noLimit', 'No limit');

export const actionTypeLabel = (t: T, type: ThresholdActionType): string =>
  ({
    push: t('triggers.action.push', 'Push the contact now'),
    addTags: t('triggers.action.addTags', 'Add tags'),
    removeTags: t('triggers.action.removeTags', 'Remove tags'),
    addToSegment: t('triggers.action.addToSegment', 'Add to a segment'),
    startDoubleOptIn: t('triggers.action.startDoubleOptIn', 'Start double opt-in'),
    markVip: t('triggers.action.markVip', 'Mark as VIP'),
  })[type];

/** "Add tags: hot-lead", "Add to segment Buyers": one action of a threshold. */
export const actionInWords = (t: T, action: ThresholdAction, segments: SegmentOption[]): string => {
  switch (action.type) {
    case 'addTags':
    case 'removeTags':
      return `${actionTypeLabel(t, action.type)}: ${action.tags.join(', ')}`;
    case 'addToSegment': {
      const segment = segments.find((s) => s.id === action.segmentId);
      return `${actionTypeLabel(t, action.type)}: ${segment?.name ?? `#${action.segmentId}`}`;
    }
    default:
      return actionTypeLabel(t, action.type);
  }
};

/** Points with their sign: "+10", "−5". */
export const signed = (n: number) => (n > 0 ? `+${n}` : n < 0 ? `−${Math.abs(n)}` : '0');
