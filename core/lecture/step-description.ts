// What one elementary row operation does, said three ways for slides and handouts: the rows it
// reads and writes, the operation in words ("subtract 2 times row 1 from row 3"), and its notation
// with subscripts ("R₃ ← R₃ − 2R₁"). Pure text; the Reduce view says the same in its stepper.
import { formatFloat } from '../exact/field';
import type { Rational } from '../exact/rational';
import type { StepKind } from '../exact/rref';
import { type RowNotation, writtenNotation } from '../exact/row-notation';

export type LessonEntry = Rational | number;

export interface OperationShape {
  kind: StepKind;
  /** swap: [i, j]; scale: [i]; add: [target, source] (0-based). */
  rows: readonly number[];
  factor: LessonEntry;
}

export interface RowMarks {
  /** Rows whose values the operation reads without changing them (the source row of an add). */
  readRows: number[];
  /** Rows the operation changes. */
  writtenRows: number[];
}

export function rowMarks(step: Pick<OperationShape, 'kind' | 'rows'>): RowMarks {
  if (step.kind === 'swap') return { readRows: [], writtenRows: [step.rows[0], step.rows[1]] };
  if (step.kind === 'scale') return { readRows: [], writtenRows: [step.rows[0]] };
  return { readRows: [step.rows[1]], writtenRows: [step.rows[0]] };
}

export function isNegativeEntry(value: LessonEntry): boolean {
  return typeof value === 'number' ? value < 0 : value.sign() < 0;
}

/** "3", "-1/2", "0.707107": exact text for rationals, six significant digits for floats. */
export function entryText(value: LessonEntry): string {
  return typeof value === 'number' ? formatFloat(value) : value.toString();
}

/** As typeset: minus signs are U+2212. */
export function typesetText(text: string): string {
  return text.replace(/-/g, '−');
}

function magnitudeText(value: LessonEntry): string {
  return entryText(value).replace(/^-/, '');
}

/** "swap rows 1 and 3", "multiply row 2 by 1/2", "subtract 2 times row 1 from row 3". */
export function operationWords(step: OperationShape): string {
  const [first, second] = step.rows;
  if (step.kind === 'swap') return `swap rows ${first + 1} and ${second + 1}`;
  if (step.kind === 'scale')
    return `multiply row ${first + 1} by ${typesetText(entryText(step.factor))}`;
  const magnitude = magnitudeText(step.factor);
  const times = magnitude === '1' ? 'row' : `${magnitude} times row`;
  return isNegativeEntry(step.factor)
    ? `subtract ${times} ${second + 1} from row ${first + 1}`
    : `add ${times} ${second + 1} to row ${first + 1}`;
}

const subscriptDigits = '₀₁₂₃₄₅₆₇₈₉';

/** R with a Unicode subscript: "R₁₂" for 0-based row 11. */
export function rowSymbol(row: number): string {
  return `R${String(row + 1).replace(/\d/g, (digit) => subscriptDigits[Number(digit)])}`;
}

/** What the written row holds after a scale or an add: "R₃ − 2R₁", "(1/2)R₂". */
export function operationExpression(step: OperationShape): string {
  const [first, second] = step.rows;
  const magnitude = magnitudeText(step.factor);
  const coefficient =
    magnitude === '1' ? '' : magnitude.includes('/') ? `(${magnitude})` : magnitude;
  const negative = isNegativeEntry(step.factor);
  if (step.kind === 'scale') return `${negative ? '−' : ''}${coefficient}${rowSymbol(first)}`;
  return `${rowSymbol(first)} ${negative ? '−' : '+'} ${coefficient}${rowSymbol(second)}`;
}

/**
 * "R₃ ← R₃ − 2R₁" (or, target last, "R₃ − 2R₁ → R₃"), "R₁ ↔ R₂", "R₂ ← (1/2)R₂": the notation
 * with Unicode subscripts, written under the chosen convention (core/exact/row-notation.ts).
 */
export function operationNotation(
  step: OperationShape,
  convention: RowNotation = 'target-first',
): string {
  const [first, second] = step.rows;
  if (step.kind === 'swap') return `${rowSymbol(first)} ↔ ${rowSymbol(second)}`;
  return writtenNotation(`${rowSymbol(first)} ← ${operationExpression(step)}`, convention);
}
