// What a job or file read may cost before it starts: every job estimates the memory it will hold
// and the arithmetic it will do from its request alone (dimensions, not data), and a host refuses
// one over its budget with a sentence giving the estimate, before anything is allocated.
// Estimates are upper-bound-ish counts (Golub & Van Loan's flop counts for the decompositions);
// time assumes the one-thread WebAssembly rate, so it is conservative on a fast machine.
import { formatBytes, formatSeconds } from '../quantities';
import { formatNumber } from '../number-shown';

export interface Cost {
  /** Bytes the job holds at its peak (inputs included). */
  bytes: number;
  /** Floating-point operations (or their equivalent for exact arithmetic). */
  flops: number;
}

export interface Budget {
  memoryBytes: number;
  seconds: number;
}

/** What one thread of the SIMD kernels sustains on the decompositions, roughly. */
export const assumedFlopsPerSecond = 1e9;

/** A quarter of the machine's memory (at least 512 MiB), and a quarter of an hour. */
export function defaultBudget(totalMemoryBytes: number): Budget {
  return { memoryBytes: Math.max(512 * 1024 ** 2, Math.floor(totalMemoryBytes / 4)), seconds: 900 };
}

export class OverBudgetError extends Error {
  override name = 'OverBudget';
}

/** Throws OverBudgetError when `cost` exceeds `budget`; `what` names the work ("the job “stress”"). */
export function checkBudget(what: string, cost: Cost, budget: Budget): void {
  const seconds = cost.flops / assumedFlopsPerSecond;
  if (!(cost.bytes <= budget.memoryBytes))
    throw new OverBudgetError(
      `${what} would need about ${formatBytes(cost.bytes)} of memory, more than the ${formatBytes(budget.memoryBytes)} this host allows one job (set with --memory-budget).`,
    );
  if (!(seconds <= budget.seconds))
    throw new OverBudgetError(
      `${what} would take about ${formatSeconds(seconds)} (${formatNumber(cost.flops)} operations), more than the ${formatSeconds(budget.seconds)} this host allows one job (set with --time-budget).`,
    );
}

const doubles = 8;

/** A dense m×n matrix of doubles. */
export function matrixBytes(rows: number, cols: number): number {
  return rows * cols * doubles;
}

/**
 * The SVD of an m×n matrix: values only (bidiagonalization, 4mn² − 4n³/3 for m ≥ n) or with thin
 * vectors (Golub–Reinsch, about 4m²n + 8mn² + 9n³ — G&VL Fig. 8.6.1), plus its workspace.
 */
export function svdCost(rows: number, cols: number, vectors: boolean): Cost {
  const m = Math.max(rows, cols);
  const n = Math.min(rows, cols);
  const flops = vectors
    ? 4 * m * m * n + 8 * m * n * n + 9 * n ** 3
    : 4 * m * n * n - (4 * n ** 3) / 3;
  const bytes = matrixBytes(m, n) * (vectors ? 3 : 2) + matrixBytes(n, n) * (vectors ? 1 : 0);
  return { bytes, flops: Math.max(flops, m * n) };
}

/** The product of an m×k and a k×n matrix. */
export function productCost(m: number, k: number, n: number): Cost {
  return { bytes: matrixBytes(m, n), flops: 2 * m * k * n };
}

export function addCosts(...costs: Cost[]): Cost {
  return costs.reduce(
    (sum, cost) => ({ bytes: sum.bytes + cost.bytes, flops: sum.flops + cost.flops }),
    {
      bytes: 0,
      flops: 0,
    },
  );
}

/** Exact elimination of an m×n matrix of rationals: each operation costs a BigInt multiply. */
export function exactEliminationCost(rows: number, cols: number, textBytes: number): Cost {
  const n = Math.min(rows, cols);
  // Entry growth makes each operation dozens of machine operations; 50 is a typical factor.
  return { bytes: textBytes * 8 + rows * cols * 96, flops: 50 * rows * cols * n };
}

/** The bytes of the strings in a grid of cells (UTF-16 in memory), and its shape. */
export function cellsSize(cells: readonly (readonly string[])[]): {
  rows: number;
  cols: number;
  textBytes: number;
} {
  let textBytes = 0;
  let cols = 0;
  for (const row of cells) {
    cols = Math.max(cols, row.length);
    for (const cell of row) textBytes += 2 * cell.length + 32;
  }
  return { rows: cells.length, cols, textBytes };
}
