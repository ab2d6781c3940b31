// The one way the page runs work on the host: give a request (memoized: a new object is a new
// job; null runs nothing) and read back the newest result, error, progress and whether it is
// slow. Typing is debounced, the job for older input is cancelled, late answers are dropped.
// useJob takes any runner (several catalog jobs in a row, say); useCatalogJob runs one job.
import { useEffect, useMemo, useRef, useState } from 'react';
import type { JobName, JobRequest, JobResult } from '../../../../core/protocol/jobs';
import { runJob } from '../../host/run-job';
import { useHost } from '../../state/app-context';
import {
  answersOlderInput,
  idleJobState,
  LatestJob,
  type LatestJobOptions,
  type LatestJobState,
  type RunRequest,
} from './latest-job';

/** Long enough to span a keystroke, short enough to feel instant. */
export const jobDebounceMilliseconds = 60;
/** A job that takes longer than this shows that it is working. */
export const slowJobMilliseconds = 150;

const defaultOptions: LatestJobOptions = {
  debounceMilliseconds: jobDebounceMilliseconds,
  slowAfterMilliseconds: slowJobMilliseconds,
};

export interface JobState<Output> extends LatestJobState<Output> {
  /**
   * The result (or error) answers an older request than the one given now: readouts show "…"
   * rather than a number that no longer belongs to what is shown.
   */
  stale: boolean;
  /** Stops the job in flight; the next new request runs as usual. */
  cancel(): void;
}

/**
 * Runs `run(request)` whenever `request` changes. `run` is read when a job starts, so it need
 * not be stable; `options` are read once.
 */
export function useJob<Input, Output>(
  run: RunRequest<Input, Output>,
  request: Input | null,
  options: Partial<LatestJobOptions> = {},
): JobState<Output> {
  const [state, setState] = useState<LatestJobState<Output>>(idleJobState);
  const runRef = useRef(run);
  runRef.current = run;
  const optionsRef = useRef({ ...defaultOptions, ...options });
  const [latest] = useState(
    () =>
      new LatestJob<Input, Output>(
        (input, control) => runRef.current(input, control),
        setState,
        optionsRef.current,
      ),
  );
  useEffect(() => () => latest.dispose(), [latest]);
  useEffect(() => latest.submit(request), [latest, request]);
  // Derived here rather than set when the request changes: see latest-job.ts.
  return useMemo(
    () => ({ ...state, stale: answersOlderInput(state, request), cancel: () => latest.cancel() }),
    [state, latest, request],
  );
}

/** One catalog job (core/protocol/jobs) on the page's host. */
export function useCatalogJob<K extends JobName>(
  job: K,
  request: JobRequest<K> | null,
  options?: Partial<LatestJobOptions>,
): JobState<JobResult<K>> {
  const { host } = useHost();
  return useJob<JobRequest<K>, JobResult<K>>(
    (input, control) => runJob(host, job, input, control),
    request,
    options,
  );
}
