import { useFetchClient } from '@strapi/strapi/admin';
import { useCallback, useEffect, useState } from 'react';
import type { Overview } from '../../../server/src/types/overview';

export type { Overview };

type State =
  | { status: 'loading' }
  | { status: 'error'; error: Error }
  | { status: 'ready'; data: Overview };

/** Loads `GET /email-marketing/overview` through Strapi's authenticated fetch client. */
export const useOverview = () => {
  const { get } = useFetchClient();
  const [state, setState] = useState<State>({ status: 'loading' });

  const load = useCallback(async () => {
    try {
      const { data } = await get<{ data: Overview }>('/email-marketing/overview');
      setState({ status: 'ready', data: data.data });
    } catch (error) {
      setState({ status: 'error', error: error as Error });
    }
  }, [get]);

  useEffect(() => {
    void load();
  }, [load]);

  return state;
};
