// LaTeX for a reduction: entries as exact fractions (\frac), a step as two bmatrix blocks joined by
// \xrightarrow{R_2 \to R_2 - 2R_1}, the whole trace as an align* chain broken every few arrows so
// it fits a page, and [A | b] with a vertical bar. Pure string building, linear in the output size.
import { formatFloat } from '../../../../core/exact/field';
import type { Scalar, ScalarMatrix } from './trace-model';

export interface OperationLike {
  kind: 'swap' | 'scale' | 'add';
  rows: readonly number[];
  factor: Scalar;
}

export interface LatexStep extends OperationLike {
  matrix: ScalarMatrix;
}

function isNegative(value: Scalar): boolean {
  return typeof value === 'number' ? value < 0 : value.sign() < 0;
}

function magnitudeOf(value: Scalar): Scalar {
  return typeof value === 'number' ? Math.abs(value) : value.abs();
}

function isUnit(value: Scalar): boolean {
  return typeof value === 'number' ? value === 1 : value.isOne();
}

function floatTex(value: number): string {
  const text = formatFloat(value);
  const match = /^(-?[\d.]+)e([+-]?\d+)$/.exec(text);
  if (!match) return text;
  return `${match[1]} \\times 10^{${Number(match[2])}}`;
}

/** "3", "-3", "\frac{1}{2}", "-\frac{1}{2}", "0.707107". */
export function scalarTex(value: Scalar): string {
  if (typeof value === 'number') return floatTex(value);
  if (value.isInteger()) return value.toString();
  const sign = value.sign() < 0 ? '-' : '';
  const magnitude = value.abs();
  return `${sign}\\frac{${magnitude.numerator.toString()}}{${magnitude.denominator.toString()}}`;
}

/** A matrix as bmatrix; with `augmentAt`, as [left | right] split before that column. */
export function matrixTex(matrix: readonly (readonly Scalar[])[], augmentAt?: number): string {
  const body = matrix.map((row) => row.map(scalarTex).join(' & ')).join(' \\\\ ');
  const cols = matrix.length === 0 ? 0 : matrix[0].length;
  if (augmentAt === undefined || augmentAt <= 0 || augmentAt >= cols) {
    return `\\begin{bmatrix} ${body} \\end{bmatrix}`;
  }
  const spec = `${'c'.repeat(augmentAt)}|${'c'.repeat(cols - augmentAt)}`;
  return `\\left[\\begin{array}{${spec}} ${body} \\end{array}\\right]`;
}

/** A coefficient written before a row name: "", "-", "2", "\frac{1}{2}". */
function coefficientTex(value: Scalar): string {
  return isUnit(value) ? '' : scalarTex(value);
}

/** "R_2", "R_{12}" for a 0-based row. */
export function rowTex(row: number): string {
  const number = String(row + 1);
  return number.length === 1 ? `R_${number}` : `R_{${number}}`;
}

/** "R_1 \leftrightarrow R_3", "R_1 \to \frac{1}{2}R_1", "R_2 \to R_2 - 2R_1" (rows 1-based). */
export function operationTex(operation: OperationLike): string {
  const [first, second] = operation.rows;
  const target = rowTex(first);
  if (operation.kind === 'swap') return `${target} \\leftrightarrow ${rowTex(second!)}`;
  if (operation.kind === 'scale') {
    const sign = isNegative(operation.factor) ? '-' : '';
    return `${target} \\to ${sign}${coefficientTex(magnitudeOf(operation.factor))}${target}`;
  }
  const sign = isNegative(operation.factor) ? '-' : '+';
  return `${target} \\to ${target} ${sign} ${coefficientTex(magnitudeOf(operation.factor))}${rowTex(second!)}`;
}

/** One step as display math: before →(operation) after. */
export function stepLatex(before: ScalarMatrix, step: LatexStep, augmentAt?: number): string {
  return `\\[\n${matrixTex(before, augmentAt)}\n\\xrightarrow{${operationTex(step)}}\n${matrixTex(step.matrix, augmentAt)}\n\\]`;
}

export interface TraceLatexOptions {
  /** Arrows per line of the align* chain. */
  arrowsPerLine?: number;
  augmentAt?: number;
  /** A comment line above the chain, e.g. the arithmetic and strategy. */
  comment?: string;
}

/** The whole trace as an align* chain: A = M_0 → M_1 → … with a line break every few arrows. */
export function traceLatex(
  start: ScalarMatrix,
  steps: readonly LatexStep[],
  options: TraceLatexOptions = {},
): string {
  const perLine = Math.max(1, options.arrowsPerLine ?? 2);
  const lines: string[] = [];
  let line = `A = {} & ${matrixTex(start, options.augmentAt)}`;
  steps.forEach((step, index) => {
    const arrow = `\\xrightarrow{${operationTex(step)}} ${matrixTex(step.matrix, options.augmentAt)}`;
    if (index > 0 && index % perLine === 0) {
      lines.push(line);
      line = `  & ${arrow}`;
    } else {
      line += `\n  ${arrow}`;
    }
  });
  lines.push(line);
  const comment = options.comment ? `% ${options.comment.replace(/\n/g, ' ')}\n` : '';
  return `${comment}\\begin{align*}\n${lines.join(' \\\\\n')}\n\\end{align*}`;
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
