// Exact reduced row echelon form with every elementary operation, the four subspaces and the
// factorizations: the row-reduction job's own result (core/jobs/rref-result.ts), from numbers or
// exact texts. Cost: exact Gauss–Jordan up to 30×30 (traced), multimodular beyond.
import type { Strategy } from '../exact/rref';
import { rrefOfEntries, type RrefJobResult } from '../jobs/rref-result';
import { plainEntries, type EntriesLike } from './entries';

export interface RrefLibraryOptions {
  /** textbook: first non-zero pivot (default); partial: largest pivot. */
  strategy?: Strategy;
  /** Record the steps (default true; only up to 30×30). */
  trace?: boolean;
  /** The last column is b: also solve Ax = b. */
  augmented?: boolean;
}

/**
 * The exact RREF of A with its trace; entries are numbers (read as their shortest decimal:
 * 0.1 is 1/10) or texts such as "3/4" and "-0.25". Rationals come back as strings ("2/3").
 */
export function rref(input: EntriesLike, options: RrefLibraryOptions = {}): RrefJobResult {
  const entries = plainEntries(input);
  if (!entries) throw new RangeError('rref reads numbers, fractions and decimals, not expressions');
  return rrefOfEntries(entries, options);
}
