// The reduction as the host computes it: the `rref` job (core/jobs/rref.ts) runs on a worker and
// returns plain data (exact entries as strings such as "-1/2"); this turns it back into the view's
// ReductionTrace, and useReductionTrace asks for it whenever the cells or the strategy change.
import { useEffect, useState } from 'react';
import { isCancelled } from '../../../../core/protocol/errors';
import type { HostApi } from '../../../../core/protocol/host-api';
import type { RrefJobResult } from '../../../../core/jobs/rref';
import { parseRational } from '../../../../core/exact/rational';
import type { Strategy } from '../../../../core/exact/rref';
import { runJob } from '../../host/run-job';
import {
  computeTrace,
  largestTracedSize,
  type ReductionTrace,
  type Scalar,
  type TraceOutcome,
} from './trace-model';

/** The job's result as the view's trace; `summary` when the host left the steps out. */
export function traceFromJobResult(result: RrefJobResult): TraceOutcome {
  const scalar: (text: string) => Scalar = result.exact ? parseRational : Number;
  const grid = (matrix: readonly (readonly string[])[]) => matrix.map((row) => row.map(scalar));
  const trace: ReductionTrace = {
    rows: result.rows,
    cols: result.cols,
    exact: result.exact,
    strategy: result.strategy,
    tolerance: result.tolerance,
    start: grid(result.matrix),
    steps: result.steps.map((step) => ({
      kind: step.kind,
      rows: step.rows,
      factor: scalar(step.factor),
      pivot: step.pivot,
      phase: step.phase,
      reason: step.reason,
      notation: step.notation,
      matrix: grid(step.matrix),
    })),
    rref: grid(result.rref),
    pivots: result.pivots,
    rank: result.rank,
  };
  if (result.rows > largestTracedSize || result.cols > largestTracedSize) {
    return {
      kind: 'summary',
      trace,
      reason:
        `This matrix is ${result.rows}×${result.cols}. Every step is shown up to ${largestTracedSize}×${largestTracedSize}: ` +
        `beyond that a trace has hundreds of steps of ${result.rows * result.cols} entries each, too many to read ` +
        `or to typeset at once, so the view shows what the reduction reveals instead.`,
    };
  }
  return { kind: 'trace', trace };
}

/** How long the host may take before the view reduces in place (a 12×12 trace takes milliseconds here). */
export const hostPatienceMilliseconds = 400;

export interface ReductionState {
  outcome: TraceOutcome | null;
  /** A newer request is on its way; `outcome` is the previous one meanwhile. */
  pending: boolean;
  /** Who computed the outcome shown. */
  source: 'host' | 'renderer' | null;
}

/**
 * The host's reduction of `cells`, recomputed (and the stale request cancelled) on every change.
 * When the host is slow to answer (busy workers, a dropped connection) or fails, the same pure
 * core/exact reduction runs in place, so the view never waits; the host's answer, identical by
 * construction (job-trace.test.ts), replaces it when it comes.
 */
export function useReductionTrace(
  host: HostApi,
  cells: readonly (readonly string[])[] | undefined,
  strategy: Strategy,
): ReductionState {
  const [state, setState] = useState<ReductionState>({
    outcome: null,
    pending: true,
    source: null,
  });
  useEffect(() => {
    if (!cells) return;
    const controller = new AbortController();
    let settled = false;
    const reduceInPlace = () =>
      setState({ outcome: computeTrace(cells, strategy), pending: !settled, source: 'renderer' });
    setState((previous) => (previous.pending ? previous : { ...previous, pending: true }));
    const patience = setTimeout(reduceInPlace, hostPatienceMilliseconds);
    runJob(
      host,
      'rref',
      { cells: cells.map((row) => [...row]), strategy, trace: true },
      { signal: controller.signal },
    ).then(
      (result) => {
        settled = true;
        clearTimeout(patience);
        setState({ outcome: traceFromJobResult(result), pending: false, source: 'host' });
      },
      (error: unknown) => {
        if (isCancelled(error) || controller.signal.aborted) return;
        settled = true;
        clearTimeout(patience);
        // The in-place reduction names a bad cell just as the host does, and works without it.
        reduceInPlace();
      },
    );
    return () => {
      clearTimeout(patience);
      controller.abort();
    };
  }, [host, cells, strategy]);
  return state;
}
