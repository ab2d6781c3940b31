// Manual mode: a person chooses each row operation; we validate it, apply it exactly, keep the
// history for undo, say whether the matrix is in RREF yet (and why not), and suggest a next step.
// Sessions are immutable values, so the renderer's undo/redo and autosave can hold them directly.
// Cost: O(m·n) per operation; suggestNextStep runs one traced Gauss–Jordan elimination.
import { Rational } from './rational';
import { rationalField } from './field';
import { applyOperationInPlace, rref, stepNotation } from './rref';
import { type RowOperation, parseRowOperation } from './command';

export class ManualError extends Error {
  override name = 'ManualError';
}

export interface ManualStep {
  operation: RowOperation;
  /** "R_2 ← R_2 − 2R_1". */
  notation: string;
  /** The matrix after the operation. */
  matrix: Rational[][];
}

export interface ManualSession {
  start: Rational[][];
  steps: ManualStep[];
}

export function startManual(matrix: readonly (readonly Rational[])[]): ManualSession {
  return { start: matrix.map((row) => row.slice()), steps: [] };
}

export function currentMatrix(session: ManualSession): Rational[][] {
  return session.steps.length === 0
    ? session.start
    : session.steps[session.steps.length - 1].matrix;
}

function checkRow(row: number, rowCount: number): void {
  if (!Number.isInteger(row) || row < 0 || row >= rowCount) {
    throw new ManualError(
      `row ${row + 1} does not exist: the matrix has ${rowCount} ${rowCount === 1 ? 'row' : 'rows'}`,
    );
  }
}

function isZeroRow(row: readonly Rational[]): boolean {
  return row.every((value) => value.isZero());
}

/** Throws ManualError with a sentence when the operation is not allowed on this matrix. */
export function validateOperation(
  matrix: readonly (readonly Rational[])[],
  operation: RowOperation,
): void {
  const rowCount = matrix.length;
  operation.rows.forEach((row) => checkRow(row, rowCount));
  if (operation.kind === 'swap') {
    if (operation.rows[0] === operation.rows[1])
      throw new ManualError('swapping a row with itself changes nothing');
    return;
  }
  if (!(operation.factor instanceof Rational))
    throw new ManualError('the factor must be an exact number');
  if (operation.kind === 'scale') {
    if (operation.factor.isZero()) throw new ManualError('scaling by 0 is not allowed');
    if (isZeroRow(matrix[operation.rows[0]])) {
      throw new ManualError(
        `this row is already zero: scaling R${operation.rows[0] + 1} changes nothing`,
      );
    }
    return;
  }
  const [target, source] = operation.rows;
  if (target === source) throw new ManualError('a row cannot be added to itself: scale it instead');
  if (operation.factor.isZero()) throw new ManualError('adding 0 times a row changes nothing');
  if (isZeroRow(matrix[source])) {
    throw new ManualError(
      `this row is already zero: adding a multiple of R${source + 1} changes nothing`,
    );
  }
}

/** Applies a person's operation (data or typed text) and returns the new session. */
export function applyManualOperation(
  session: ManualSession,
  input: RowOperation | string,
): ManualSession {
  const operation = typeof input === 'string' ? parseRowOperation(input) : input;
  const before = currentMatrix(session);
  validateOperation(before, operation);
  const after = before.map((row) => row.slice());
  const factor = operation.kind === 'swap' ? Rational.one : operation.factor;
  applyOperationInPlace(after, operation.kind, operation.rows, factor, rationalField);
  const notation = stepNotation(operation.kind, operation.rows, factor, rationalField);
  return {
    start: session.start,
    steps: [...session.steps, { operation, notation, matrix: after }],
  };
}

export function undo(session: ManualSession): ManualSession {
  if (session.steps.length === 0) throw new ManualError('there is nothing to undo');
  return { start: session.start, steps: session.steps.slice(0, -1) };
}

function leadingColumn(row: readonly Rational[]): number {
  return row.findIndex((value) => !value.isZero());
}

/** Whether the matrix is in reduced row echelon form, and if not the first rule it breaks. */
export function explainRref(matrix: readonly (readonly Rational[])[]): {
  isRref: boolean;
  reason?: string;
} {
  let previousLead = -1;
  let zeroRowSeen = -1;
  for (let i = 0; i < matrix.length; i++) {
    const lead = leadingColumn(matrix[i]);
    if (lead < 0) {
      if (zeroRowSeen < 0) zeroRowSeen = i;
      continue;
    }
    if (zeroRowSeen >= 0) {
      return {
        isRref: false,
        reason: `not yet in RREF: row ${zeroRowSeen + 1} is zero but row ${i + 1} below it is not`,
      };
    }
    if (lead <= previousLead) {
      return {
        isRref: false,
        reason: `not yet in RREF: the pivot of row ${i + 1} is not to the right of the pivot of row ${i}`,
      };
    }
    if (!matrix[i][lead].isOne()) {
      return {
        isRref: false,
        reason: `not yet in RREF: the pivot of row ${i + 1} (column ${lead + 1}) is ${matrix[i][lead]}, not 1`,
      };
    }
    for (let above = 0; above < i; above++) {
      if (!matrix[above][lead].isZero()) {
        return {
          isRref: false,
          reason: `not yet in RREF: column ${lead + 1} has a non-zero above its pivot`,
        };
      }
    }
    previousLead = lead;
  }
  return { isRref: true };
}

export interface Suggestion {
  operation: RowOperation;
  notation: string;
  reason: string;
}

/** The next step a lecturer would write (textbook Gauss–Jordan from here), or null when done. */
export function suggestNextStep(matrix: readonly (readonly Rational[])[]): Suggestion | null {
  if (explainRref(matrix).isRref) return null;
  const [step] = rref(matrix, { strategy: 'textbook' }).steps;
  if (!step) return null;
  const operation: RowOperation =
    step.kind === 'swap'
      ? { kind: 'swap', rows: [step.rows[0], step.rows[1]] }
      : step.kind === 'scale'
        ? { kind: 'scale', rows: [step.rows[0]], factor: step.factor }
        : { kind: 'add', rows: [step.rows[0], step.rows[1]], factor: step.factor };
  return { operation, notation: step.notation, reason: step.reason };
}
