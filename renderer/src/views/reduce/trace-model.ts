// The reduction the Reduce view steps through, as the rref job returns it (job-trace.ts reads it
// back): exact entries, or floating ones when an entry is irrational, with the full Gauss–Jordan
// trace, and the facts each step shows (rows read and written, the operation in words). Pure.
import { writtenNotation, type RowNotation } from '../../../../core/exact/row-notation';
import type { Rational } from '../../../../core/exact/rational';
import type { StepOf, Strategy } from '../../../../core/exact/rref';
import {
  entryText,
  operationWords,
  rowMarks,
  type RowMarks,
} from '../../../../core/lecture/step-description';

export type Scalar = Rational | number;
export type ScalarMatrix = Scalar[][];
export type TraceStep = StepOf<Scalar>;

/** Up to this size every step is shown and stays comfortable to read. */
export const comfortableSize = 12;
/** Up to this size every step is shown in a scrolling area; beyond, only summary facts. */
export const largestTracedSize = 30;

export interface ReductionTrace {
  rows: number;
  cols: number;
  exact: boolean;
  /** The strategy actually used: floating reduction always pivots partially. */
  strategy: Strategy;
  /** Floating only: entries at most this in magnitude were treated as zero. */
  tolerance?: number;
  /** Floating because the decimals are read as floating data, not because an entry is irrational. */
  decimalsAsFloating?: boolean;
  start: ScalarMatrix;
  steps: TraceStep[];
  rref: ScalarMatrix;
  pivots: number[];
  rank: number;
}

export type TraceOutcome =
  | { kind: 'trace'; trace: ReductionTrace }
  /** Too large to show every step: the reduction without its trace, and why. */
  | { kind: 'summary'; trace: ReductionTrace; reason: string }
  | { kind: 'error'; message: string };

/** The matrix shown at step `index` (0 = the original matrix, k = after the k-th operation). */
export function matrixAtStep(trace: ReductionTrace, index: number): ScalarMatrix {
  return index <= 0 ? trace.start : trace.steps[Math.min(index, trace.steps.length) - 1].matrix;
}

/** Plain text of an entry: "-1/2", "0.707107" (six significant digits for floats). */
export const scalarText: (value: Scalar) => string = entryText;

export interface StepHighlight extends RowMarks {
  pivot: { row: number; col: number };
}

/** The rows a step reads and writes (as the slides mark them), and its pivot. */
export function stepHighlight(step: Pick<TraceStep, 'kind' | 'rows' | 'pivot'>): StepHighlight {
  return { ...rowMarks(step), pivot: step.pivot };
}

/** "R_2 ← R_2 − 2R_1" → "R₂ ← R₂ − 2R₁", or "R₂ − 2R₁ → R₂" under the target-last notation. */
export function unicodeNotation(notation: string, convention?: RowNotation): string {
  return writtenNotation(notation, convention);
}

/**
 * The operation in words, as the slides and handouts say it: "subtract 2 times row 1 from row 2",
 * "swap rows 1 and 3", "multiply row 1 by 1/2".
 */
export function stepWords(step: Pick<TraceStep, 'kind' | 'rows' | 'factor'>): string {
  return operationWords(step);
}

/** "step 3 of 7". */
export function stepCounterText(index: number, total: number): string {
  return `step ${index} of ${total}`;
}

/** Column indices that are not pivots: the free variables. */
export function freeColumns(pivots: readonly number[], cols: number): number[] {
  const pivotSet = new Set(pivots);
  return Array.from({ length: cols }, (_, j) => j).filter((j) => !pivotSet.has(j));
}
