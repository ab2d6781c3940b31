// LaTeX (amsmath) for row reductions: a matrix as bmatrix (or [A | b] as an array with a vertical
// bar), a step as \xrightarrow{R_2 \leftarrow R_2 - 2R_1} between matrices, a whole trace as an align*
// chain with a few matrices per line. Fractions as \frac{1}{2}. Cost linear in the output size.
import { orientLatex, type RowNotation } from './row-notation';
import { Rational } from './rational';
import { formatFloat } from './field';
import type { StepKind } from './rref';

export type LatexEntry = Rational | number;

export interface LatexStep {
  kind: StepKind;
  rows: readonly number[];
  factor: LatexEntry;
  matrix: readonly (readonly LatexEntry[])[];
}

export interface LatexOptions {
  /** Columns at the right set off by a vertical bar: 1 for [A | b], m for [A | I]. */
  augmentedColumns?: number;
  /** How operations on the arrows are written (default target-first: R_2 \leftarrow R_2 - 2R_1). */
  notation?: RowNotation;
}

export interface LatexTraceOptions extends LatexOptions {
  /** Arrows per line of the align* chain (default: 2, or 1 for wide matrices). */
  stepsPerLine?: number;
}

/** "3", "-3", "\frac{1}{2}", "-\frac{1}{2}"; floats to six significant digits. */
export function latexNumber(value: LatexEntry): string {
  if (typeof value === 'number') {
    const text = formatFloat(value);
    const exponent = /^(-?[\d.]+)e([+-]\d+)$/.exec(text);
    return exponent ? `${exponent[1]} \\times 10^{${Number(exponent[2])}}` : text;
  }
  if (value.isInteger()) return value.toString();
  const sign = value.sign() < 0 ? '-' : '';
  return `${sign}\\frac{${value.numerator < 0n ? -value.numerator : value.numerator}}{${value.denominator}}`;
}

export function latexMatrix(
  matrix: readonly (readonly LatexEntry[])[],
  options: LatexOptions = {},
): string {
  const columns = matrix.length === 0 ? 0 : matrix[0].length;
  const body = matrix.map((row) => row.map(latexNumber).join(' & ')).join(' \\\\ ');
  const augmented = options.augmentedColumns ?? 0;
  if (augmented > 0 && augmented < columns) {
    const spec = `${'c'.repeat(columns - augmented)}|${'c'.repeat(augmented)}`;
    return `\\left[\\begin{array}{${spec}} ${body} \\end{array}\\right]`;
  }
  return `\\begin{bmatrix} ${body} \\end{bmatrix}`;
}

function isNegative(value: LatexEntry): boolean {
  return typeof value === 'number' ? value < 0 : value.sign() < 0;
}

function magnitude(value: LatexEntry): LatexEntry {
  return typeof value === 'number' ? Math.abs(value) : value.abs();
}

function coefficient(value: LatexEntry): string {
  const text = latexNumber(value);
  return text === '1' ? '' : text.includes('\\times') ? `(${text})` : text;
}

/**
 * "R_2 \leftarrow R_2 - 2R_1" (or, target last, "R_2 - 2R_1 \rightarrow R_2"),
 * "R_1 \leftrightarrow R_3", "R_3 \leftarrow \frac{1}{2}R_3": the same notation as on screen.
 */
export function latexOperation(
  step: Pick<LatexStep, 'kind' | 'rows' | 'factor'>,
  convention: RowNotation = 'target-first',
): string {
  // R_2 as written by hand; braces only where LaTeX needs them (R_{12}).
  const [first, second] = step.rows.map((row) => (row < 9 ? `R_${row + 1}` : `R_{${row + 1}}`));
  if (step.kind === 'swap') return `${first} \\leftrightarrow ${second}`;
  const sign = isNegative(step.factor) ? '-' : '+';
  const scaled = coefficient(magnitude(step.factor));
  if (step.kind === 'scale')
    return orientLatex(first, `${sign === '-' ? '-' : ''}${scaled}${first}`, convention);
  return orientLatex(first, `${first} ${sign} ${scaled}${second}`, convention);
}

function arrow(step: LatexStep, notation?: RowNotation): string {
  return `\\xrightarrow{${latexOperation(step, notation)}}`;
}

/** One step: the matrix before, the labelled arrow, the matrix after. */
export function latexStep(
  before: readonly (readonly LatexEntry[])[],
  step: LatexStep,
  options: LatexOptions = {},
): string {
  return `${latexMatrix(before, options)} ${arrow(step, options.notation)} ${latexMatrix(step.matrix, options)}`;
}

/** The whole reduction as an align* chain, a few matrices per line. */
export function latexTrace(
  start: readonly (readonly LatexEntry[])[],
  steps: readonly LatexStep[],
  options: LatexTraceOptions = {},
): string {
  const columns = start.length === 0 ? 0 : start[0].length;
  const perLine = Math.max(1, options.stepsPerLine ?? (columns > 6 ? 1 : 2));
  const lines: string[] = [];
  let line = `${latexMatrix(start, options)} &`;
  steps.forEach((step, index) => {
    if (index > 0 && index % perLine === 0) {
      lines.push(line);
      line = '&';
    }
    line += ` ${arrow(step, options.notation)} ${latexMatrix(step.matrix, options)}`;
  });
  lines.push(line);
  return ['\\begin{align*}', lines.join(' \\\\\n'), '\\end{align*}'].join('\n');
}
