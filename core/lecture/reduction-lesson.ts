// A row reduction prepared for teaching: the exact trace of the `rref` job (core/jobs/rref.ts)
// as steps that each know the matrix before and after, the rows read and written, the operation in
// notation and in words, and the reason; and the result a lecture ends on (rank, pivots, bases of
// the four subspaces, the solution set of [A | b]). Beamer, PowerPoint and the PDF handout all
// render this one model, so they say the same thing. Cost: one `rref` job, O(steps·m·n) to copy.
import { parseRational } from '../exact/rational';
import type { RowNotation } from '../exact/row-notation';
import type { Strategy } from '../exact/rref';
import { type RrefJobResult, runRref } from '../jobs/rref';
import {
  type LessonEntry,
  type RowMarks,
  operationNotation,
  operationWords,
  rowMarks,
} from './step-description';

export type LessonMatrix = LessonEntry[][];

export class LessonError extends Error {
  override name = 'LessonError';
}

export interface LessonStep extends RowMarks {
  /** 1-based position in the trace. */
  number: number;
  kind: 'swap' | 'scale' | 'add';
  rows: number[];
  factor: LessonEntry;
  pivot: { row: number; col: number };
  phase: 'forward' | 'backward';
  before: LessonMatrix;
  after: LessonMatrix;
  /** "R₃ ← R₃ − 2R₁", or "R₃ − 2R₁ → R₃" under the target-last convention. */
  notation: string;
  /** "subtract 2 times row 1 from row 3". */
  words: string;
  /** "clear below the pivot in column 1". */
  reason: string;
}

export type LessonSystem =
  | { kind: 'inconsistent'; contradictionRow: number }
  | { kind: 'unique'; solution: LessonEntry[] }
  | {
      kind: 'infinite';
      particular: LessonEntry[];
      freeColumns: number[];
      nullspace: LessonMatrix;
    };

export interface LessonResult {
  /** The RREF of what was reduced: [A | b] when augmented. */
  rref: LessonMatrix;
  /** Of A. */
  rank: number;
  nullity: number;
  pivots: number[];
  freeColumns: number[];
  /** Basis vectors, one per entry: pivot columns of A, non-zero rows of R, special solutions, rows of E. */
  columnSpace: LessonMatrix;
  rowSpace: LessonMatrix;
  nullspace: LessonMatrix;
  leftNullspace: LessonMatrix;
  system?: LessonSystem;
}

export interface ReductionLesson {
  title: string;
  /** Of the matrix reduced ([A | b] counts b). */
  rows: number;
  cols: number;
  /** 1 for [A | b]: the last column is set off by a bar. */
  augmentedColumns: 0 | 1;
  exact: boolean;
  strategy: Strategy;
  /** How row operations are written on every slide, page and frame of this lesson. */
  notation: RowNotation;
  /** Floating only: entries at most this in magnitude were treated as zero. */
  tolerance?: number;
  start: LessonMatrix;
  steps: LessonStep[];
  result: LessonResult;
}

export interface LessonOptions {
  /** The matrix's name, shown on the title slide ("A", "Example 3"). */
  title: string;
  strategy?: Strategy;
  /** The last column is b: reduce [A | b] and solve Ax = b. */
  augmented?: boolean;
  /** "R₂ ← R₂ − 2R₁" (target-first, the default) or "R₂ − 2R₁ → R₂" (target-last). */
  notation?: RowNotation;
}

/** The lesson of the job's result (as the app and the worker produce it). */
export function lessonFromJobResult(
  result: RrefJobResult,
  options: Pick<LessonOptions, 'title' | 'augmented' | 'notation'>,
): ReductionLesson {
  const notation = options.notation ?? 'target-first';
  if (result.traceOmittedReason !== undefined)
    throw new LessonError(`slides need every step, but ${result.traceOmittedReason}`);
  const scalar: (text: string) => LessonEntry = result.exact ? parseRational : Number;
  const grid = (matrix: readonly (readonly string[])[]) => matrix.map((row) => row.map(scalar));
  const start = grid(result.matrix);
  let before = start;
  const steps = result.steps.map((step, index): LessonStep => {
    const after = grid(step.matrix);
    const shape = { kind: step.kind, rows: step.rows, factor: scalar(step.factor) };
    const lessonStep: LessonStep = {
      number: index + 1,
      ...shape,
      pivot: step.pivot,
      phase: step.phase,
      before,
      after,
      ...rowMarks(shape),
      notation: operationNotation(shape, notation),
      words: operationWords(shape),
      reason: step.reason,
    };
    before = after;
    return lessonStep;
  });
  const augmented = options.augmented === true && result.augmentedRref !== undefined;
  const lesson: ReductionLesson = {
    title: options.title,
    rows: result.rows,
    cols: result.cols,
    augmentedColumns: augmented ? 1 : 0,
    exact: result.exact,
    strategy: result.strategy,
    notation,
    start,
    steps,
    result: {
      rref: grid(augmented ? result.augmentedRref! : result.rref),
      rank: result.rank,
      nullity: result.nullity,
      pivots: result.pivots,
      freeColumns: result.freeColumns,
      columnSpace: grid(result.columnSpace),
      rowSpace: grid(result.rowSpace),
      nullspace: grid(result.nullspace),
      leftNullspace: grid(result.leftNullspace),
    },
  };
  if (result.tolerance !== undefined) lesson.tolerance = result.tolerance;
  if (result.system) lesson.result.system = systemOf(result.system, scalar);
  return lesson;
}

function systemOf(
  system: NonNullable<RrefJobResult['system']>,
  scalar: (text: string) => LessonEntry,
): LessonSystem {
  if (system.kind === 'inconsistent') return system;
  if (system.kind === 'unique') return { kind: 'unique', solution: system.solution.map(scalar) };
  return {
    kind: 'infinite',
    particular: system.particular.map(scalar),
    freeColumns: system.freeColumns,
    nullspace: system.nullspace.map((vector) => vector.map(scalar)),
  };
}

/** Reduces the cells (exact strings, as typed) and prepares the lesson; throws LessonError or EntryError. */
export function reductionLesson(
  cells: readonly (readonly string[])[],
  options: LessonOptions,
): ReductionLesson {
  const rows = cells.length;
  const cols = rows === 0 ? 0 : cells[0].length;
  if (rows === 0 || cols === 0) throw new LessonError('the matrix is empty');
  if (options.augmented && cols < 2)
    throw new LessonError('[A | b] needs at least two columns: A and b');
  const result = runRref({
    cells: cells.map((row) => [...row]),
    strategy: options.strategy,
    trace: true,
    augmented: options.augmented,
  });
  return lessonFromJobResult(result, options);
}

/** "exact arithmetic (fractions stay fractions), textbook pivoting". */
export function arithmeticDescription(lesson: Pick<ReductionLesson, 'exact' | 'strategy'>): string {
  const pivoting = lesson.strategy === 'textbook' ? 'textbook pivoting' : 'partial pivoting';
  return lesson.exact
    ? `exact arithmetic (fractions stay fractions), ${pivoting}`
    : `floating point (six significant digits shown), ${pivoting}`;
}

/** "3×4", or "3×(3 | 1)" for [A | b]. */
export function shapeText(
  lesson: Pick<ReductionLesson, 'rows' | 'cols' | 'augmentedColumns'>,
): string {
  return lesson.augmentedColumns > 0
    ? `${lesson.rows}×(${lesson.cols - lesson.augmentedColumns} | ${lesson.augmentedColumns})`
    : `${lesson.rows}×${lesson.cols}`;
}

/** "columns 1, 2 and 4" (1-based), "column 3", "none". */
export function columnList(columns: readonly number[]): string {
  const names = columns.map((column) => String(column + 1));
  if (names.length === 0) return 'none';
  if (names.length === 1) return `column ${names[0]}`;
  return `columns ${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
}
