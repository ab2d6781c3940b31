// The row-reduction job: cells as typed, parsed (exactly where every entry is rational), then
// reduced by rref-result.ts, whose result types are re-exported here. `rankscope rref` prints the
// result as JSON (rref-report.ts) or LaTeX (rref-latex.ts).
import { z } from 'zod';
import { cellsSize, exactEliminationCost } from './budget';
import { defineJob } from './job';
import { type JobContext, directContext } from './context';
import { readsAsFloating } from '../exact/decimal-reading';
import { parseEntryMatrix } from '../exact/entry';
import { rrefOfEntries, type RrefJobResult } from './rref-result';

export * from './rref-result';

export const rrefRequest = z.object({
  cells: z.array(z.array(z.string().max(1000)).max(4096)).max(4096),
  strategy: z.enum(['textbook', 'partial']).optional(),
  trace: z.boolean().optional(),
  /** The last column is b: also solve Ax = b (the analysis is of A). */
  augmented: z.boolean().optional(),
  /**
   * How decimals are read (core/exact/decimal-reading.ts). 'floating': decimals are computed data,
   * reduced in floating point as numpy holds them. Absent or 'exact': reduced as written.
   */
  decimals: z.enum(['exact', 'floating']).optional(),
});
export type RrefRequest = z.infer<typeof rrefRequest>;

export function runRref(request: RrefRequest, context: JobContext = directContext): RrefJobResult {
  const parsed = parseEntryMatrix(request.cells);
  // Decimals read as floating data are the doubles they name, whatever exact value they write.
  if (parsed.exact && request.decimals && readsAsFloating(request.cells, request.decimals)) {
    const result = rrefOfEntries({ exact: false, approx: parsed.approx }, request, context);
    return { ...result, decimalsAsFloating: true };
  }
  return rrefOfEntries(parsed, request, context);
}

export const rrefJob = defineJob({
  request: rrefRequest,
  cost(request) {
    const { rows, cols, textBytes } = cellsSize(request.cells);
    // The trace keeps the matrix after every operation: up to rows·min(rows, cols) snapshots.
    const trace = request.trace === false ? 0 : Math.min(rows, cols) * rows * cols * 16;
    const elimination = exactEliminationCost(rows, cols, textBytes);
    return { bytes: elimination.bytes + trace, flops: elimination.flops };
  },
  run: (request: RrefRequest, context: JobContext) => runRref(request, context),
});
