// The Reduce view's LaTeX: core/exact/latex.ts writes the matrices, operations and the align*
// chain; this file adds what only the view needs — the split position of [A | b] as the view
// keeps it, display-math wrapping, a comment line, and a .tex document that compiles on its own.
import {
  latexMatrix,
  latexNumber,
  latexOperation,
  latexTrace,
  type LatexStep as CoreLatexStep,
} from '../../../../core/exact/latex';
import type { RowNotation } from '../../../../core/exact/row-notation';
import type { Scalar, ScalarMatrix } from './trace-model';

export interface OperationLike {
  kind: 'swap' | 'scale' | 'add';
  rows: readonly number[];
  factor: Scalar;
}

export interface LatexStep extends OperationLike {
  matrix: ScalarMatrix;
}

/** Columns after `augmentAt` set off by a bar; none when it does not split the matrix. */
function augmented(matrix: readonly (readonly Scalar[])[], augmentAt?: number) {
  const columns = matrix.length === 0 ? 0 : matrix[0].length;
  return augmentAt === undefined || augmentAt <= 0 || augmentAt >= columns
    ? {}
    : { augmentedColumns: columns - augmentAt };
}

/** "3", "-3", "\frac{1}{2}", "-\frac{1}{2}", "0.707107". */
export const scalarTex: (value: Scalar) => string = latexNumber;

/** A matrix as bmatrix; with `augmentAt`, as [left | right] split before that column. */
export function matrixTex(matrix: readonly (readonly Scalar[])[], augmentAt?: number): string {
  return latexMatrix(matrix, augmented(matrix, augmentAt));
}

/** "R_1 \leftrightarrow R_3", "R_1 \to \frac{1}{2}R_1", "R_2 \to R_2 - 2R_1" (rows 1-based). */
export const operationTex: (operation: OperationLike) => string = latexOperation;

/** One step as display math: before →(operation) after, the operation in the chosen notation. */
export function stepLatex(
  before: ScalarMatrix,
  step: LatexStep,
  augmentAt?: number,
  notation?: RowNotation,
): string {
  const arrow = `\\xrightarrow{${latexOperation(step, notation)}}`;
  return `\\[\n${matrixTex(before, augmentAt)}\n${arrow}\n${matrixTex(step.matrix, augmentAt)}\n\\]`;
}

export interface TraceLatexOptions {
  /** Arrows per line of the align* chain. */
  arrowsPerLine?: number;
  augmentAt?: number;
  /** A comment line above the chain, e.g. the arithmetic and strategy. */
  comment?: string;
  notation?: RowNotation;
}

/** The whole trace as an align* chain with a line break every few arrows. */
export function traceLatex(
  start: ScalarMatrix,
  steps: readonly LatexStep[],
  options: TraceLatexOptions = {},
): string {
  const chain = latexTrace(start, steps as readonly CoreLatexStep[], {
    stepsPerLine: options.arrowsPerLine ?? 2,
    notation: options.notation,
    ...augmented(start, options.augmentAt),
  });
  const comment = options.comment ? `% ${options.comment.replace(/\n/g, ' ')}\n` : '';
  return `${comment}${chain}`;
}

/** A .tex file that compiles on its own (amsmath only). */
export function standaloneDocument(body: string, title: string): string {
  const safeTitle = title.replace(/[\\{}$&#^_%~]/g, ' ');
  return [
    '\\documentclass{article}',
    '\\usepackage{amsmath}',
    '\\setcounter{MaxMatrixCols}{40}',
    '\\begin{document}',
    `\\section*{${safeTitle}}`,
    body,
    '\\end{document}',
    '',
  ].join('\n');
}
