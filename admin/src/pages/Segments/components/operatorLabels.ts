import type { SegmentOperator } from '../../../api/segments';
import { useT } from '../../../utils/useT';

const LABELS: Record<SegmentOperator, string> = {
  eq: 'equals',
  ne: 'does not equal',
  contains: 'contains',
  notContains: 'does not contain',
  in: 'is one of',
  notIn: 'is not one of',
  before: 'is before',
  after: 'is after',
  gt: 'is greater than',
  lt: 'is less than',
  isEmpty: 'is empty',
  isNotEmpty: 'is not empty',
};

/** An operator as a person reads it: 'in' → "is one of". */
export const useOperatorLabel = () => {
  const t = useT();
  return (operator: SegmentOperator) =>
    t(`segments.operator.${operator}`, LABELS[operator] ?? operator);
};
