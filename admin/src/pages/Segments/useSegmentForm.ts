import { useCallback, useRef, useState } from 'react';
import type { SegmentCondition, SegmentInput, SegmentView } from '../../api/segments';

/** A new segment: no profile yet, everyone must match, synced as a static segment. */
export const emptySegment = (): SegmentInput => ({
  name: '',
  label: null,
  profileId: null,
  match: 'all',
  conditions: [],
  remoteKind: 'static_segment',
});

/** The editable part of a saved segment (what PUT takes back). */
export const toInput = (segment: SegmentView): SegmentInput => ({
  name: segment.name,
  label: segment.label,
  profileId: segment.profileId,
  match: segment.match,
  conditions: segment.conditions,
  remoteKind: segment.remoteKind,
});

/** JSON with sorted keys: the server may give the same conditions back in another key order. */
const canonical = (value: unknown): string =>
  JSON.stringify(value, (_key, inner: unknown) =>
    inner && typeof inner === 'object' && !Array.isArray(inner)
      ? Object.fromEntries(Object.entries(inner).sort(([a], [b]) => a.localeCompare(b)))
      : inner
  );

/** Whether the form still says what was saved (a blank type label is the same as none). */
export const sameInput = (a: SegmentInput, b: SegmentInput) =>
  canonical({ ...a, label: a.label || null }) === canonical({ ...b, label: b.label || null });

/** Drops the errors of these fields, and of their parts (`conditions.2.value`). */
const without = (errors: Record<string, string>, keys: string[]) =>
  Object.fromEntries(
    Object.entries(errors).filter(
      ([path]) => !keys.some((key) => path === key || path.startsWith(`${key}.`))
    )
  );

/** The editor's form state; `errors` are the server's, keyed by field (see readApiError). */
export const useSegmentForm = (initial: SegmentInput) => {
  const [form, setForm] = useState<SegmentInput>(initial);
  const [errors, setErrors] = useState<Record<string, string>>({});
  // A React key per condition row, so that removing a row does not hand its inputs to the next.
  const [rowKeys, setRowKeys] = useState<number[]>(() => initial.conditions.map((_, i) => i));
  const nextKey = useRef(initial.conditions.length);

  const set = useCallback(<K extends keyof SegmentInput>(key: K, value: SegmentInput[K]) => {
    setForm((current) => ({ ...current, [key]: value }));
    setErrors((current) => without(current, [key]));
  }, []);

  /** Another profile means another content type: its conditions named the old one's attributes. */
  const chooseProfile = useCallback((profileId: number) => {
    setForm((current) => ({ ...current, profileId, conditions: [] }));
    setRowKeys([]);
    setErrors((current) => without(current, ['profileId', 'conditions']));
  }, []);

  const setCondition = useCallback((index: number, condition: SegmentCondition) => {
    setForm((current) => ({
      ...current,
      conditions: current.conditions.map((c, i) => (i === index ? condition : c)),
    }));
    setErrors((current) => without(current, [`conditions.${index}`, 'conditions']));
  }, []);

  const addCondition = useCallback((condition: SegmentCondition) => {
    setForm((current) => ({ ...current, conditions: [...current.conditions, condition] }));
    setRowKeys((current) => [...current, nextKey.current++]);
  }, []);

  const removeCondition = useCallback((index: number) => {
    setForm((current) => ({
      ...current,
      conditions: current.conditions.filter((_, i) => i !== index),
    }));
    setRowKeys((current) => current.filter((_, i) => i !== index));
    // Row errors are keyed by index: after a removal they would point at the wrong rows.
    setErrors((current) => without(current, ['conditions']));
  }, []);

  return {
    form,
    rowKeys,
    errors,
    setErrors,
    set,
    chooseProfile,
    setCondition,
    addCondition,
    removeCondition,
  };
};

export type SegmentForm = ReturnType<typeof useSegmentForm>;
