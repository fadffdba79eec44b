import { useEffect, useRef, useState } from 'react';
import {
  useSegmentsApi,
  type SegmentAttribute,
  type SegmentInput,
  type SegmentPreview,
} from '../../api/segments';
import { readApiError, type ApiErrorInfo } from '../../utils/apiError';
import { isComplete } from './conditionValues';

/** Typing in a value waits this long before the count is asked for. */
export const PREVIEW_DEBOUNCE_MS = 400;
const SAMPLE_SIZE = 10;

export type PreviewState =
  | { status: 'idle' }
  | { status: 'incomplete' }
  | { status: 'loading'; last: SegmentPreview | null }
  | { status: 'ready'; preview: SegmentPreview }
  | { status: 'error'; error: ApiErrorInfo };

/**
 * The live count and first matching contacts of the unsaved filters, asked for once they have
 * been still for PREVIEW_DEBOUNCE_MS. A reply to an older version of the filters is dropped.
 */
export const useSegmentPreview = (form: SegmentInput, attributes: SegmentAttribute[]) => {
  const api = useSegmentsApi();
  const [state, setState] = useState<PreviewState>({ status: 'idle' });
  const generation = useRef(0);
  const last = useRef<SegmentPreview | null>(null);

  const { profileId, match, conditions } = form;
  // One string for the effect to compare: a new array with the same rows asks nothing new.
  const key = JSON.stringify({ profileId, match, conditions });
  const complete = conditions.every((c) =>
    isComplete(
      c,
      attributes.find((a) => a.path === c.field)
    )
  );

  useEffect(() => {
    const mine = ++generation.current;
    if (profileId === null) {
      setState({ status: 'idle' });
      return undefined;
    }
    if (!complete) {
      setState({ status: 'incomplete' });
      return undefined;
    }
    setState({ status: 'loading', last: last.current });
    const timer = setTimeout(() => {
      const query = JSON.parse(key) as Pick<SegmentInput, 'match' | 'conditions'> & {
        profileId: number;
      };
      api.preview({ ...query, limit: SAMPLE_SIZE }).then(
        (preview) => {
          if (mine !== generation.current) return;
          last.current = preview;
          setState({ status: 'ready', preview });
        },
        (error: unknown) => {
          if (mine !== generation.current) return;
          setState({ status: 'error', error: readApiError(error) });
        }
      );
    }, PREVIEW_DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [api, key, profileId, complete]);

  return state;
};
