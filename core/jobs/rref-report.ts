// The JSON `rankscope rref FILE --json` prints: the rref job's result cut down to what a script
// reads (the matrix, pivots, rank, null space and the operations), with plain strings for fractions.
import type { Strategy } from '../exact/rref';
import { runRref } from './rref';

export interface RrefCliStep {
  op: 'swap' | 'scale' | 'add';
  rows: number[];
  factor: string;
  reason: string;
  notation: string;
}

export interface RrefCliReport {
  rows: number;
  cols: number;
  rref: string[][];
  pivots: number[];
  rank: number;
  nullspace: string[][];
  exact: boolean;
  tolerance?: number;
  strategy: Strategy;
  steps: RrefCliStep[];
  traceOmittedReason?: string;
}

/** The JSON `rankscope rref FILE --json` prints. */
export function rrefCliReport(
  cells: string[][],
  options: { strategy?: Strategy } = {},
): RrefCliReport {
  const result = runRref({ cells, strategy: options.strategy, trace: true });
  const report: RrefCliReport = {
    rows: result.rows,
    cols: result.cols,
    rref: result.rref,
    pivots: result.pivots,
    rank: result.rank,
    nullspace: result.nullspace,
    exact: result.exact,
    strategy: result.strategy,
    steps: result.steps.map((step) => ({
      op: step.kind,
      rows: step.rows,
      factor: step.factor,
      reason: step.reason,
      notation: step.notation,
    })),
  };
  if (result.tolerance !== undefined) report.tolerance = result.tolerance;
  if (result.traceOmittedReason !== undefined)
    report.traceOmittedReason = result.traceOmittedReason;
  return report;
}
