// Recomputes the selected matrix's analysis on each edit: waits ~60 ms for typing to pause,
// cancels the job still running for the previous text, and reports a slow job after ~150 ms.
import { useEffect, useState } from 'react';
import type { AnalyzeResult } from '../../../core/jobs/analyze';
import type { HostApi } from '../../../core/protocol/host-api';
import { runJob } from '../host/run-job';
import { LatestJob, type LatestJobState } from './latest-job';

export const analysisDebounceMilliseconds = 60;
export const slowJobMilliseconds = 150;

export type AnalysisState = LatestJobState<AnalyzeResult>;
type Cells = readonly (readonly string[])[];

export function useAnalysis(host: HostApi, cells: Cells | null): AnalysisState {
  const [state, setState] = useState<AnalysisState>({
    result: null,
    error: null,
    slow: false,
    running: false,
  });
  const [latest, setLatest] = useState<LatestJob<Cells, AnalyzeResult> | null>(null);

  useEffect(() => {
    const job = new LatestJob<Cells, AnalyzeResult>(
      (input, signal) =>
        runJob(host, 'analyze', { cells: input.map((row) => [...row]) }, { signal }),
      setState,
      {
        debounceMilliseconds: analysisDebounceMilliseconds,
        slowAfterMilliseconds: slowJobMilliseconds,
      },
    );
    setLatest(job);
    return () => job.dispose();
  }, [host]);

  useEffect(() => {
    latest?.submit(cells);
  }, [latest, cells]);

  return state;
}
