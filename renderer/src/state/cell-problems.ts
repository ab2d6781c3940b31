// Per-cell validation of a matrix's typed entries, so the editor can mark a bad cell and the
// inspector can name it instead of computing a rank from a silently zeroed matrix.
import { EntryError, parseEntry } from '../../../core/exact/entry';

export interface CellProblem {
  row: number;
  column: number;
  /** The parser's reason, e.g. '"2x" is not a number: …'. */
  reason: string;
  /** The full line shown to a person: 'Row 2, column 3: "2x" is not a number …'. */
  message: string;
}

// Parsing goes through mathjs, so remember recent verdicts: typing re-validates the whole grid.
const verdicts = new Map<string, string | null>();
const rememberedVerdicts = 20_000;

/** The reason a cell's text is not a number, or null when it is one. */
export function entryProblem(text: string): string | null {
  const known = verdicts.get(text);
  if (known !== undefined) return known;
  let verdict: string | null = null;
  try {
    parseEntry(text);
  } catch (error) {
    if (!(error instanceof EntryError)) throw error;
    verdict = error.message === 'empty entry' ? 'the cell is empty' : error.message;
  }
  if (verdicts.size >= rememberedVerdicts) verdicts.clear();
  verdicts.set(text, verdict);
  return verdict;
}

export function cellProblems(entries: readonly (readonly string[])[]): CellProblem[] {
  const problems: CellProblem[] = [];
  entries.forEach((entryRow, row) =>
    entryRow.forEach((text, column) => {
      const reason = entryProblem(text);
      if (reason !== null) {
        problems.push({
          row,
          column,
          reason,
          message: `Row ${row + 1}, column ${column + 1}: ${reason}`,
        });
      }
    }),
  );
  return problems;
}
