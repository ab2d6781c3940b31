// Runs one catalog job for the views whenever its request changes: waits for typing to pause,
// cancels the job still running for the previous request, and reports progress for slow jobs.
import { useEffect, useState } from 'react';
import { isCancelled } from '../../../../core/protocol/errors';
import type { JobName, JobRequest, JobResult } from '../../../../core/protocol/jobs';
import { runJob } from '../../host/run-job';
import { useHost } from '../../workbench/app-context';

export interface JobState<K extends JobName> {
  result: JobResult<K> | null;
  error: string | null;
  running: boolean;
  /** In [0, 1] while running. */
  progress: number;
}

export const jobDebounceMilliseconds = 60;

/** `request` must be memoized by the caller: a new object starts a new job. null runs nothing. */
export function useJobResult<K extends JobName>(
  job: K,
  request: JobRequest<K> | null,
): JobState<K> {
  const { host } = useHost();
  const [state, setState] = useState<JobState<K>>({
    result: null,
    error: null,
    running: false,
    progress: 0,
  });

  useEffect(() => {
    if (!request) {
      setState({ result: null, error: null, running: false, progress: 0 });
      return;
    }
    const controller = new AbortController();
    const timer = setTimeout(() => {
      setState((previous) => ({ ...previous, running: true, progress: 0 }));
      runJob(host, job, request, {
        signal: controller.signal,
        onProgress: (event) => setState((previous) => ({ ...previous, progress: event.fraction })),
      }).then(
        (result) => setState({ result, error: null, running: false, progress: 1 }),
        (error: unknown) => {
          if (isCancelled(error) || (error instanceof Error && error.name === 'AbortError')) return;
          setState({
            result: null,
            error: error instanceof Error ? error.message : String(error),
            running: false,
            progress: 0,
          });
        },
      );
    }, jobDebounceMilliseconds);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [host, job, request]);

  return state;
}
