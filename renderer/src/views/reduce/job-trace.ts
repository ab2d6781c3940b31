// The reduction as the host computes it: the `rref` job (core/jobs/rref.ts) runs on a worker and
// returns plain data (exact entries as strings such as "-1/2"); this turns it back into the view's
// ReductionTrace, and useReductionTrace asks for it whenever the cells or the strategy change.
// The page never reduces on its own: the job's answer is the one shown.
import { useMemo } from 'react';
import type { RrefJobResult } from '../../../../core/jobs/rref';
import { parseRational } from '../../../../core/exact/rational';
import type { DecimalReading } from '../../../../core/exact/decimal-reading';
import type { Strategy } from '../../../../core/exact/rref';
import { useCatalogJob } from '../shared/use-job';
import {
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
    ...(result.decimalsAsFloating ? { decimalsAsFloating: true } : {}),
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

/** The view's outcome for a failed job: a bad cell named as the host names it, as a sentence. */
export function failureOutcome(error: unknown): TraceOutcome {
  const message = error instanceof Error ? error.message : String(error);
  const sentence = `${message.charAt(0).toUpperCase()}${message.slice(1)}`;
  return { kind: 'error', message: /[.!?]$/.test(sentence) ? sentence : `${sentence}.` };
}

export interface ReductionState {
  outcome: TraceOutcome | null;
  /** A newer request is on its way; `outcome` is the previous one meanwhile. */
  pending: boolean;
  /** The job's own result, which the lecture exports build their lesson from. */
  result: RrefJobResult | null;
}

/**
 * The host's reduction of `cells` under the decimals' reading, recomputed (and the stale request
 * cancelled) on every change.
 */
export function useReductionTrace(
  cells: readonly (readonly string[])[] | undefined,
  strategy: Strategy,
  decimals: DecimalReading,
): ReductionState {
  const request = useMemo(
    () => (cells ? { cells: cells.map((row) => [...row]), strategy, trace: true, decimals } : null),
    [cells, strategy, decimals],
  );
  // No pause to wait for: the cells change in the editor, not while this view is open.
  const job = useCatalogJob('rref', request, { debounceMilliseconds: 0 });
  const outcome = useMemo(
    () =>
      job.result
        ? traceFromJobResult(job.result)
        : job.error !== null
          ? failureOutcome(new Error(job.error))
          : null,
    [job.result, job.error],
  );
  return { outcome, pending: job.running || outcome === null, result: job.result };
}
