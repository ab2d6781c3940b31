// The row-reduction job: cells as typed, parsed (exactly where every entry is rational), then
// reduced by rref-result.ts, whose result types and CLI reports are re-exported here.
import { z } from 'zod';
import { defineJob } from './job';
import { type JobContext, directContext } from './context';
import { parseEntryMatrix } from '../exact/entry';
import { rrefOfEntries, type RrefJobResult } from './rref-result';

export * from './rref-result';

export const rrefRequest = z.object({
  cells: z.array(z.array(z.string().max(1000)).max(4096)).max(4096),
  strategy: z.enum(['textbook', 'partial']).optional(),
  trace: z.boolean().optional(),
  /** The last column is b: also solve Ax = b (the analysis is of A). */
  augmented: z.boolean().optional(),
});
export type RrefRequest = z.infer<typeof rrefRequest>;

export function runRref(request: RrefRequest, context: JobContext = directContext): RrefJobResult {
  return rrefOfEntries(parseEntryMatrix(request.cells), request, context);
}

export const rrefJob = defineJob({
  request: rrefRequest,
  run: (request: RrefRequest, context: JobContext) => runRref(request, context),
});
