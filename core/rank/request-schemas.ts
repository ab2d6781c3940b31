// zod schemas for the rank jobs' requests: a dense matrix as it crosses threads (column-major
// Float64Array, never JSON) and a rank policy. Sizes are capped before anything is allocated.
import { z } from 'zod';
import type { Matrix } from '../linalg/matrix';
import type { RankPolicy } from './policies';

/** Largest dimension a rank job accepts (the 4096×4096 weight matrices of the AI lab fit). */
export const maximumDimension = 16384;

export const matrixSchema = z
  .object({
    rows: z.number().int().min(0).max(maximumDimension),
    cols: z.number().int().min(0).max(maximumDimension),
    data: z.instanceof(Float64Array),
  })
  .refine((matrix) => matrix.data.length === matrix.rows * matrix.cols, {
    message: 'data must hold rows × cols entries (column-major)',
    path: ['data'],
  });

export const rankPolicySchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('default') }),
  z.object({ kind: z.literal('absolute'), tolerance: z.number().nonnegative() }),
  z.object({ kind: z.literal('relative'), tolerance: z.number().nonnegative() }),
  z.object({ kind: z.literal('gap') }),
  z.object({ kind: z.literal('noise'), noiseLevel: z.number().nonnegative().optional() }),
]);

// Compile-time checks that the schemas produce the types the algorithms take.
export type MatrixRequest = z.infer<typeof matrixSchema>;
const _matrixFits = (request: MatrixRequest): Matrix => request;
const _policyFits = (request: z.infer<typeof rankPolicySchema>): RankPolicy => request;
void _matrixFits;
void _policyFits;
