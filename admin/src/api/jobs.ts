import { useFetchClient } from '@strapi/strapi/admin';
import { useCallback, useEffect, useRef, useState } from 'react';
import type {
  JobList,
  JobStatus,
  JobView,
  ScheduledTaskView,
} from '../../../server/src/types/jobs';

export type { JobList, JobStatus, JobView, ScheduledTaskView };

export interface JobFilters {
  status: JobStatus | '';
  type: string;
  page: number;
}

type State<T> =
  | { status: 'loading' }
  | { status: 'error'; error: Error }
  | { status: 'ready'; data: T };

/** While jobs are queued or running the list refreshes this often; idle, much less. */
const BUSY_REFRESH_MS = 1500;
const IDLE_REFRESH_MS = 15000;

/** `GET /email-marketing/jobs` (+ the schedule), refreshed while there is work in flight. */
export const useActivity = (filters: JobFilters) => {
  const { get, post } = useFetchClient();
  const [jobs, setJobs] = useState<State<JobList>>({ status: 'loading' });
  const [schedule, setSchedule] = useState<ScheduledTaskView[]>([]);
  const timer = useRef<ReturnType<typeof setTimeout>>();
  // Bumped when the filters change or the page unmounts: a reply to an older request is
  // dropped, so it neither shows stale rows nor starts a second refresh loop.
  const generation = useRef(0);

  const load = useCallback(async () => {
    clearTimeout(timer.current);
    const mine = generation.current;
    const params = new URLSearchParams({ page: String(filters.page), pageSize: '25' });
    if (filters.status) params.set('status', filters.status);
    if (filters.type) params.set('type', filters.type);
    let busy = false;
    try {
      const [list, tasks] = await Promise.all([
        get<{ data: JobList }>(`/email-marketing/jobs?${params.toString()}`),
        get<{ data: ScheduledTaskView[] }>('/email-marketing/schedule'),
      ]);
      if (mine !== generation.current) return;
      setJobs({ status: 'ready', data: list.data.data });
      setSchedule(tasks.data.data);
      busy = list.data.data.counts.running > 0 || list.data.data.counts.queued > 0;
    } catch (error) {
      if (mine !== generation.current) return;
      setJobs({ status: 'error', error: error as Error });
    }
    timer.current = setTimeout(() => void load(), busy ? BUSY_REFRESH_MS : IDLE_REFRESH_MS);
  }, [get, filters.page, filters.status, filters.type]);

  useEffect(() => {
    void load();
    return () => {
      generation.current += 1;
      clearTimeout(timer.current);
    };
  }, [load]);

  const act = useCallback(
    async (id: number, action: 'retry' | 'cancel') => {
      await post(`/email-marketing/jobs/${id}/${action}`);
      await load();
    },
    [post, load]
  );

  return {
    jobs,
    schedule,
    reload: load,
    retry: (id: number) => act(id, 'retry'),
    cancel: (id: number) => act(id, 'cancel'),
  };
};
