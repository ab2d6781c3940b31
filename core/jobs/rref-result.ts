// The row reduction's result as plain data (strings for rationals) that crosses threads by
// structured clone: exact (or, with an irrational entry, floating) RREF, its trace, the four
// subspaces and the factorizations. `rankscope rref` prints it as JSON (rref-report.ts) or LaTeX
// (rref-latex.ts). Takes entries already parsed, so it loads no expression parser (core/jobs/rref.ts parses cells).
import { type JobContext, directContext } from './context';
import type { ParsedEntryMatrix } from '../exact/entry';
import { Rational } from '../exact/rational';
import { type StepOf, type Strategy, rref, rrefFloat } from '../exact/rref';
import {
  freeColumnsOf,
  reductionFromSteps,
  specialSolutions,
  subspacesFromReduction,
} from '../exact/analysis';
import { luDecomposition } from '../exact/factorizations';
import { exactRref } from '../exact/exact-rank';
import { solveSystem } from '../exact/system';

export interface RrefOptions {
  strategy?: Strategy;
  /** Record the steps (default true, within traceSizeLimit). */
  trace?: boolean;
  /** The last column is b: also solve Ax = b (the analysis is of A). */
  augmented?: boolean;
}

/** Steps are recorded only for matrices a person will read step by step. */
export const traceSizeLimit = { rows: 30, cols: 30 } as const;

export interface RrefJobStep {
  kind: 'swap' | 'scale' | 'add';
  rows: number[];
  factor: string;
  pivot: { row: number; col: number };
  phase: 'forward' | 'backward';
  reason: string;
  notation: string;
  matrix: string[][];
}

export type RrefJobSystem =
  | { kind: 'inconsistent'; contradictionRow: number }
  | { kind: 'unique'; solution: string[] }
  | { kind: 'infinite'; particular: string[]; freeColumns: number[]; nullspace: string[][] };

export interface RrefJobResult {
  rows: number;
  cols: number;
  exact: boolean;
  /** Present when inexact: entries at most this in magnitude were treated as zero. */
  tolerance?: number;
  /** Inexact because the decimals were read as floating data (not because an entry is irrational). */
  decimalsAsFloating?: boolean;
  strategy: Strategy;
  method: 'gauss-jordan' | 'multimodular' | 'floating';
  matrix: string[][];
  rref: string[][];
  pivots: number[];
  rank: number;
  nullity: number;
  freeColumns: number[];
  nullspace: string[][];
  columnSpace: string[][];
  rowSpace: string[][];
  leftNullspace: string[][];
  steps: RrefJobStep[];
  traceOmittedReason?: string;
  /** E with EA = R (exact, within the trace size limit). */
  reduction?: string[][];
  lu?: { permutation: number[]; lower: string[][]; upper: string[][] };
  columnRow?: { columnFactor: string[][]; rowFactor: string[][] };
  /** A⁻¹, null when A is not invertible (exact, within the trace size limit). */
  inverse?: string[][] | null;
  system?: RrefJobSystem;
  /** With `augmented`: the RREF of the whole [A | b], where the trace ends. */
  augmentedRref?: string[][];
}

type Entry = Rational | number;

function entryText(value: Entry): string {
  return typeof value === 'number' ? String(value) : value.toString();
}

function grid(matrix: readonly (readonly Entry[])[]): string[][] {
  return matrix.map((row) => row.map(entryText));
}

function stepData(step: StepOf<Entry>): RrefJobStep {
  return {
    kind: step.kind,
    rows: step.rows,
    factor: entryText(step.factor),
    pivot: step.pivot,
    phase: step.phase,
    reason: step.reason,
    notation: step.notation,
    matrix: grid(step.matrix),
  };
}

/** Why the steps are left out, or undefined when they are recorded. */
export function traceVerdict(rows: number, cols: number, wanted: boolean): string | undefined {
  if (!wanted) return 'no trace was asked for';
  if (rows > traceSizeLimit.rows || cols > traceSizeLimit.cols) {
    return `the matrix is ${rows}×${cols}; steps are recorded only up to ${traceSizeLimit.rows}×${traceSizeLimit.cols}`;
  }
  return undefined;
}

function floatSpecialSolutions(reduced: number[][], pivots: number[], columns: number): number[][] {
  return freeColumnsOf(pivots, columns).map((free) => {
    const vector = new Array<number>(columns).fill(0);
    vector[free] = 1;
    pivots.forEach((pivotColumn, row) => {
      vector[pivotColumn] = reduced[row][free] === 0 ? 0 : -reduced[row][free];
    });
    return vector;
  });
}

function transpose<T>(matrix: readonly (readonly T[])[], columns: number): T[][] {
  return Array.from({ length: columns }, (_, j) => matrix.map((row) => row[j]));
}

function analyzeExact(
  matrix: Rational[][],
  columns: number,
  strategy: Strategy,
  traceOmittedReason: string | undefined,
  context: JobContext,
): Omit<RrefJobResult, 'rows' | 'cols' | 'matrix' | 'strategy' | 'system'> {
  const rows = matrix.length;
  const small = rows <= traceSizeLimit.rows && columns <= traceSizeLimit.cols;
  if (small) {
    // One traced elimination gives R, and replaying its steps on I gives E (EA = R), hence the
    // left null space and, for invertible A, A⁻¹ = E.
    const traced = rref(matrix, { strategy, trace: true });
    context.checkCancelled();
    context.progress(0.6, 'finding the subspaces');
    const reduction = reductionFromSteps(traced.steps, rows);
    const analysis = subspacesFromReduction(matrix, columns, traced.rref, traced.pivots, reduction);
    const lu = luDecomposition(matrix, columns);
    const invertible = rows === columns && traced.rank === rows;
    return {
      exact: true,
      method: 'gauss-jordan',
      rref: grid(traced.rref),
      pivots: traced.pivots,
      rank: traced.rank,
      nullity: analysis.nullity,
      freeColumns: analysis.freeColumns,
      nullspace: grid(analysis.nullspace),
      columnSpace: grid(analysis.columnSpace),
      rowSpace: grid(analysis.rowSpace),
      leftNullspace: grid(analysis.leftNullspace),
      steps: traceOmittedReason === undefined ? traced.steps.map(stepData) : [],
      traceOmittedReason,
      reduction: grid(reduction),
      lu: { permutation: lu.permutation, lower: grid(lu.lower), upper: grid(lu.upper) },
      // A = CR: C the pivot columns of A, R the non-zero rows of rref(A).
      columnRow: {
        columnFactor: grid(matrix.map((row) => traced.pivots.map((col) => row[col]))),
        rowFactor: grid(analysis.rowSpace),
      },
      inverse: invertible ? grid(reduction) : null,
    };
  }
  // Larger matrices: the fast exact RREF, and the left null space as the null space of Aᵀ.
  const options = { columns, checkCancelled: () => context.checkCancelled() };
  const reduced = exactRref(matrix, options);
  context.progress(0.5, 'finding the left null space');
  const transposed = exactRref(transpose(matrix, columns), { ...options, columns: rows });
  return {
    exact: true,
    method:
      reduced.method === 'bareiss' || reduced.method === 'modular'
        ? 'gauss-jordan'
        : reduced.method,
    rref: grid(reduced.rref),
    pivots: reduced.pivots,
    rank: reduced.rank,
    nullity: columns - reduced.rank,
    freeColumns: freeColumnsOf(reduced.pivots, columns),
    nullspace: grid(specialSolutions(reduced.rref, reduced.pivots, columns)),
    columnSpace: grid(reduced.pivots.map((col) => matrix.map((row) => row[col]))),
    rowSpace: grid(reduced.rref.slice(0, reduced.rank)),
    leftNullspace: grid(specialSolutions(transposed.rref, transposed.pivots, rows)),
    steps: [],
    traceOmittedReason,
  };
}

function analyzeFloat(
  matrix: number[][],
  columns: number,
  traceOmittedReason: string | undefined,
): Omit<RrefJobResult, 'rows' | 'cols' | 'matrix' | 'strategy' | 'system'> {
  const rows = matrix.length;
  const reduced = rrefFloat(matrix, { trace: traceOmittedReason === undefined });
  // [A | I] with A's tolerance: the left block reduces exactly as A alone did.
  const withIdentity = rrefFloat(
    matrix.map((row, i) => [...row, ...Array.from({ length: rows }, (_, j) => (i === j ? 1 : 0))]),
    { tolerance: reduced.tolerance, trace: false },
  );
  const rank = reduced.rank;
  return {
    exact: false,
    tolerance: reduced.tolerance,
    method: 'floating',
    rref: grid(reduced.rref),
    pivots: reduced.pivots,
    rank,
    nullity: columns - rank,
    freeColumns: freeColumnsOf(reduced.pivots, columns),
    nullspace: grid(floatSpecialSolutions(reduced.rref, reduced.pivots, columns)),
    columnSpace: grid(reduced.pivots.map((col) => matrix.map((row) => row[col]))),
    rowSpace: grid(reduced.rref.slice(0, rank)),
    leftNullspace: grid(withIdentity.rref.slice(rank).map((row) => row.slice(columns))),
    steps: reduced.steps.map(stepData),
    traceOmittedReason,
    reduction: grid(withIdentity.rref.map((row) => row.slice(columns))),
  };
}

function systemData(
  matrix: Rational[][],
  rightHandSide: Rational[],
  columns: number,
): RrefJobSystem {
  const solution = solveSystem(matrix, rightHandSide, { trace: false, columns });
  if (solution.kind === 'inconsistent')
    return { kind: 'inconsistent', contradictionRow: solution.contradictionRow };
  if (solution.kind === 'unique')
    return { kind: 'unique', solution: solution.solution.map(String) };
  return {
    kind: 'infinite',
    particular: solution.particular.map(String),
    freeColumns: solution.freeColumns,
    nullspace: grid(solution.nullspace),
  };
}

/**
 * The job's result from entries already parsed (exactly, or in floating point when one is
 * irrational); callers that read only numbers and fractions need not load the expression parser.
 */
export function rrefOfEntries(
  parsed: ParsedEntryMatrix,
  request: RrefOptions = {},
  context: JobContext = directContext,
): RrefJobResult {
  const rows = parsed.approx.length;
  const allColumns = rows === 0 ? 0 : parsed.approx[0].length;
  const augmented = request.augmented === true && allColumns > 0;
  const columns = augmented ? allColumns - 1 : allColumns;
  const strategy = request.strategy ?? 'textbook';
  const traceOmittedReason = traceVerdict(rows, allColumns, request.trace ?? true);
  context.progress(0.1, 'reducing');
  const base = { rows, cols: allColumns, strategy };
  if (parsed.exact) {
    const full = parsed.rationals!;
    const matrix = augmented ? full.map((row) => row.slice(0, columns)) : full;
    // With [A | b] the trace shown is that of the whole augmented matrix.
    const analysis = analyzeExact(matrix, columns, strategy, traceOmittedReason, context);
    if (augmented) {
      const traced = rref(full, { strategy, trace: traceOmittedReason === undefined });
      analysis.steps = traced.steps.map(stepData);
      analysis.augmentedRref = grid(traced.rref);
    }
    context.progress(1);
    return {
      ...base,
      ...analysis,
      matrix: grid(full),
      ...(augmented
        ? {
            system: systemData(
              matrix,
              full.map((row) => row[columns]),
              columns,
            ),
          }
        : {}),
    };
  }
  const matrix = augmented ? parsed.approx.map((row) => row.slice(0, columns)) : parsed.approx;
  const analysis = analyzeFloat(matrix, columns, traceOmittedReason);
  if (augmented) {
    const traced = rrefFloat(parsed.approx, { trace: traceOmittedReason === undefined });
    analysis.steps = traced.steps.map(stepData);
    analysis.augmentedRref = grid(traced.rref);
  }
  context.progress(1);
  return { ...base, ...analysis, strategy: 'partial', matrix: grid(parsed.approx) };
}
