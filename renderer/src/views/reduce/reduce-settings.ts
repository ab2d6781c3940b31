// The Reduce view's part of the project document (document.views.reduce): the chosen strategy and,
// per matrix, the person's manual session — the matrix it started from, the operations chosen
// with a position (those after it are undone, kept for redo). Operations are saved as data and replayed with
// core/exact/manual.ts, so a saved project reopens on the very same matrix, exactly.
import type { RowNotation } from '../../../../core/exact/row-notation';
import { z } from 'zod';
import { savedRowOperationSchema } from '../../../../core/project/schema';
import { parseEntryMatrix } from '../../../../core/exact/entry';
import {
  applyManualOperation,
  startManual,
  type ManualSession,
} from '../../../../core/exact/manual';
import type { RowOperation } from '../../../../core/exact/command';
import { parseRational } from '../../../../core/exact/rational';
import type { Strategy } from '../../../../core/exact/rref';

export const reduceViewId = 'reduce';

const cellsSchema = z.array(z.array(z.string().max(200)).max(512)).max(512);

/** One operation as saved, rows 0-based and the factor as exact text ("-2/3"). */
export const savedOperationSchema = savedRowOperationSchema;
export type SavedOperation = z.infer<typeof savedOperationSchema>;

export const manualRecordSchema = z.object({
  /** The matrix (as typed) the session started from. */
  cells: cellsSchema,
  /** Operations in order; those at `position` and after are undone (kept for redo). */
  operations: z.array(savedOperationSchema).max(10_000),
  position: z.number().int().min(0).max(10_000),
});
export type ManualRecord = z.infer<typeof manualRecordSchema>;

export function saveOperation(operation: RowOperation): SavedOperation {
  if (operation.kind === 'swap')
    return { kind: 'swap', rows: [operation.rows[0], operation.rows[1]] };
  if (operation.kind === 'scale')
    return { kind: 'scale', rows: [operation.rows[0]], factor: operation.factor.toString() };
  return {
    kind: 'add',
    rows: [operation.rows[0], operation.rows[1]],
    factor: operation.factor.toString(),
  };
}

export function loadOperation(saved: SavedOperation): RowOperation {
  if (saved.kind === 'swap') return { kind: 'swap', rows: [saved.rows[0], saved.rows[1]] };
  if (saved.kind === 'scale')
    return { kind: 'scale', rows: [saved.rows[0]], factor: parseRational(saved.factor) };
  return { kind: 'add', rows: [saved.rows[0], saved.rows[1]], factor: parseRational(saved.factor) };
}

export const reduceSettingsSchema = z.object({
  strategy: z.enum(['textbook', 'partial']),
  /** How row operations are written: "R₂ ← R₂ − 2R₁" or "R₂ − 2R₁ → R₂" (core/exact/row-notation). */
  notation: z.enum(['target-first', 'target-last']),
  sessions: z.record(z.string(), manualRecordSchema),
});
export type ReduceSettings = z.infer<typeof reduceSettingsSchema>;

export const defaultReduceSettings: ReduceSettings = {
  strategy: 'textbook',
  notation: 'target-first',
  sessions: {},
};

/** The settings in a document, each part validated on its own so one bad session loses only itself. */
export function readReduceSettings(raw: unknown): ReduceSettings {
  if (typeof raw !== 'object' || raw === null) return defaultReduceSettings;
  const record = raw as Record<string, unknown>;
  const strategy = reduceSettingsSchema.shape.strategy.safeParse(record.strategy);
  const notation = reduceSettingsSchema.shape.notation.safeParse(record.notation);
  const sessions: Record<string, ManualRecord> = {};
  if (typeof record.sessions === 'object' && record.sessions !== null) {
    for (const [matrixId, value] of Object.entries(record.sessions as Record<string, unknown>)) {
      const parsed = manualRecordSchema.safeParse(value);
      if (parsed.success) sessions[matrixId] = parsed.data;
    }
  }
  return {
    strategy: strategy.success ? strategy.data : 'textbook',
    notation: notation.success ? notation.data : 'target-first',
    sessions,
  };
}

export function sameCells(
  left: readonly (readonly string[])[],
  right: readonly (readonly string[])[],
): boolean {
  return (
    left.length === right.length &&
    left.every(
      (row, i) => row.length === right[i].length && row.every((text, j) => text === right[i][j]),
    )
  );
}

/** The session's record if it still belongs to these cells (an edited matrix starts afresh). */
export function activeRecord(
  settings: ReduceSettings,
  matrixId: string,
  cells: readonly (readonly string[])[],
) {
  const record = settings.sessions[matrixId];
  return record && sameCells(record.cells, cells) ? record : undefined;
}

export type Replay =
  { kind: 'session'; session: ManualSession } | { kind: 'error'; message: string };

/** Replays the operations on the parsed cells. Manual mode is exact only. */
export function replay(
  cells: readonly (readonly string[])[],
  operations: readonly SavedOperation[],
): Replay {
  let parsed;
  try {
    parsed = parseEntryMatrix(cells);
  } catch (error) {
    return { kind: 'error', message: error instanceof Error ? error.message : String(error) };
  }
  if (!parsed.exact || !parsed.rationals) {
    return {
      kind: 'error',
      message:
        'Manual mode needs exact entries (integers, fractions, decimals): this matrix has an irrational entry.',
    };
  }
  let session = startManual(parsed.rationals);
  for (const operation of operations) {
    try {
      session = applyManualOperation(session, loadOperation(operation));
    } catch {
      // A stored operation that no longer applies ends the replay; the rest are dropped.
      break;
    }
  }
  return { kind: 'session', session };
}

/** The document's settings object for a recipe, repaired into shape (it is mutated in place). */
function normalized(raw: Record<string, unknown>): ReduceSettings {
  if (raw.strategy !== 'textbook' && raw.strategy !== 'partial') raw.strategy = 'textbook';
  if (typeof raw.sessions !== 'object' || raw.sessions === null) raw.sessions = {};
  return raw as unknown as ReduceSettings;
}

/** Recipes for updateViewSettings: each mutates the (draft) settings object in place. */
export function setNotation(notation: RowNotation) {
  return (raw: Record<string, unknown>) => {
    raw.notation = notation;
  };
}

export function setStrategy(strategy: Strategy) {
  return (raw: Record<string, unknown>) => {
    normalized(raw).strategy = strategy;
  };
}

export function recordOperation(
  matrixId: string,
  cells: readonly (readonly string[])[],
  operation: RowOperation,
) {
  return (raw: Record<string, unknown>) => {
    const settings = normalized(raw);
    const record = settings.sessions[matrixId];
    if (record && sameCells(record.cells, cells)) {
      // A new operation after an undo drops the undone ones, as every editor's redo does.
      record.operations.splice(record.position);
      record.operations.push(saveOperation(operation));
      record.position = record.operations.length;
    } else {
      settings.sessions[matrixId] = {
        cells: cells.map((row) => row.slice()),
        operations: [saveOperation(operation)],
        position: 1,
      };
    }
  };
}

export function undoOperation(matrixId: string) {
  return (raw: Record<string, unknown>) => {
    const record = normalized(raw).sessions[matrixId];
    if (record && record.position > 0) record.position -= 1;
  };
}

export function redoOperation(matrixId: string) {
  return (raw: Record<string, unknown>) => {
    const record = normalized(raw).sessions[matrixId];
    if (record && record.position < record.operations.length) record.position += 1;
  };
}

export function clearSession(matrixId: string) {
  return (raw: Record<string, unknown>) => {
    delete normalized(raw).sessions[matrixId];
  };
}

/** The operations in effect (before the redo position). */
export function appliedOperations(record: ManualRecord | undefined): SavedOperation[] {
  return record ? record.operations.slice(0, record.position) : [];
}
