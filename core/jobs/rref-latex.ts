// The LaTeX `rankscope rref FILE --latex` prints: the trace as an align* chain of matrices with the
// operations on the arrows; beyond the traced size, the matrix and its RREF alone, saying why.
import { parseEntryMatrix } from '../exact/entry';
import { exactRref } from '../exact/exact-rank';
import { latexMatrix, latexTrace } from '../exact/latex';
import type { Rational } from '../exact/rational';
import { rref, rrefFloat, type StepOf, type Strategy } from '../exact/rref';
import { traceVerdict } from './rref';

type Entry = Rational | number;

/** The LaTeX `rankscope rref FILE --latex` prints: the trace as an align* chain. */
export function rrefCliLatex(
  cells: string[][],
  options: { strategy?: Strategy; augmented?: boolean; stepsPerLine?: number } = {},
): string {
  const parsed = parseEntryMatrix(cells);
  const rows = cells.length;
  const columns = rows === 0 ? 0 : cells[0].length;
  const latexOptions = {
    augmentedColumns: options.augmented ? 1 : 0,
    stepsPerLine: options.stepsPerLine,
  };
  const omitted = traceVerdict(rows, columns, true);
  const start: Entry[][] = parsed.exact ? parsed.rationals! : parsed.approx;
  const note = parsed.exact ? '' : '% floating point with partial pivoting: entries are rounded\n';
  if (omitted) {
    const reduced = parsed.exact
      ? exactRref(parsed.rationals!, { columns }).rref
      : rrefFloat(parsed.approx, { trace: false }).rref;
    return `% trace omitted: ${omitted}\n${note}\\begin{align*}\n${latexMatrix(start, latexOptions)} &\\to ${latexMatrix(reduced, latexOptions)}\n\\end{align*}`;
  }
  const steps: StepOf<Entry>[] = parsed.exact
    ? rref(parsed.rationals!, { strategy: options.strategy ?? 'textbook' }).steps
    : rrefFloat(parsed.approx).steps;
  return note + latexTrace(start, steps, latexOptions);
}
