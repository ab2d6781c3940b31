// What a worksheet asks for: the shape and rank of its matrices, where the pivots sit, how large
// the entries may be, how nice the answers must be, what kind of system [A | b] each exercise is,
// how many exercises, and the seed that makes the sheet reproducible. Validated with zod at every
// boundary (the CLI, the app), with messages that say which option is impossible and why.
import { z } from 'zod';

export const systemKinds = ['none', 'unique', 'free', 'inconsistent'] as const;
export type SystemKind = (typeof systemKinds)[number];

/** Largest shapes a worksheet offers: bigger matrices are no longer exercises done by hand. */
export const worksheetLimits = { rows: 8, cols: 10, count: 100, entryBound: 99 } as const;

export const worksheetOptionsSchema = z
  .object({
    rows: z.number().int().min(1).max(worksheetLimits.rows),
    cols: z.number().int().min(1).max(worksheetLimits.cols),
    rank: z.number().int().min(0),
    /** 0-based pivot columns, ascending; random when absent. */
    pivotColumns: z.array(z.number().int().min(0)).optional(),
    /** Every entry of A (and b) has |entry| ≤ this. */
    entryBound: z.number().int().min(1).max(worksheetLimits.entryBound).default(9),
    /** 'integers': the RREF (and the solutions) have integer entries; 'fractions': denominators ≤ denominatorBound. */
    answers: z.enum(['integers', 'fractions']).default('integers'),
    denominatorBound: z.number().int().min(2).max(12).default(4),
    /** 'none': A alone; else [A | b] consistent with a unique solution, with free variables, or inconsistent. */
    system: z.enum(systemKinds).default('none'),
    count: z.number().int().min(1).max(worksheetLimits.count).default(10),
    seed: z
      .number()
      .int()
      .min(0)
      .max(2 ** 31 - 1)
      .default(1),
  })
  .superRefine((options, context) => {
    const problem = (message: string, path: string) =>
      context.addIssue({ code: 'custom', message, path: [path] });
    const largest = Math.min(options.rows, options.cols);
    if (options.rank > largest)
      problem(`a ${options.rows}×${options.cols} matrix has rank at most ${largest}`, 'rank');
    const pivots = options.pivotColumns;
    if (pivots) {
      if (pivots.length !== options.rank)
        problem(
          `rank ${options.rank} needs ${options.rank} pivot columns, not ${pivots.length}`,
          'pivotColumns',
        );
      if (pivots.some((column) => column >= options.cols))
        problem(`pivot columns must be among the ${options.cols} columns`, 'pivotColumns');
      if (pivots.some((column, index) => index > 0 && column <= pivots[index - 1]))
        problem('pivot columns must be distinct and in increasing order', 'pivotColumns');
    }
    if (options.system === 'unique' && options.rank !== options.cols)
      problem(
        `a unique solution needs rank = number of columns (${options.cols}); rank ${options.rank} leaves free variables`,
        'system',
      );
    if (options.system === 'free' && options.rank >= options.cols)
      problem(`free variables need rank below the number of columns (${options.cols})`, 'system');
    if (options.system === 'inconsistent' && options.rank >= options.rows)
      problem(
        `an inconsistent system needs rank below the number of rows (${options.rows}): with rank ${options.rank} every b is reached`,
        'system',
      );
  });

export type WorksheetOptions = z.output<typeof worksheetOptionsSchema>;
export type WorksheetRequest = z.input<typeof worksheetOptionsSchema>;

export class WorksheetError extends Error {
  override name = 'WorksheetError';
}

/** Validates and fills defaults; throws WorksheetError with every problem in one sentence. */
export function worksheetOptions(request: WorksheetRequest): WorksheetOptions {
  const parsed = worksheetOptionsSchema.safeParse(request);
  if (parsed.success) return parsed.data;
  throw new WorksheetError(
    parsed.error.issues
      .map((issue) => `${issue.path.join('.') || 'options'}: ${issue.message}`)
      .join('; '),
  );
}
