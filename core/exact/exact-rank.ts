// Exact rank and RREF with the method chosen by size: rational Gauss–Jordan or Bareiss for small
// matrices, rank modulo two random primes for larger ones (certain when it is full, otherwise
// correct with a stated tiny error bound unless `certify` asks for a proof by multimodular RREF).
// Cost: see rref.ts, bareiss.ts, modular.ts and multimodular.ts.
import type { Rational } from './rational';
import { bareiss } from './bareiss';
import { comparePivots, integerRows, randomPrimes, rankModulo } from './modular';
import { multimodularRref } from './multimodular';
import { rref } from './rref';

export type ExactMethod = 'gauss-jordan' | 'bareiss' | 'modular' | 'multimodular';

export interface ExactRankResult {
  rank: number;
  pivots: number[];
  method: ExactMethod;
  /** True when the answer is proven; false when it holds with probability ≥ 1 − errorBound. */
  certified: boolean;
  errorBound: number;
}

export interface ExactRankOptions {
  columns?: number;
  /** Prove a rank-deficient answer (multimodular RREF with verification); slower. */
  certify?: boolean;
  random?: () => number;
  checkCancelled?: () => void;
}

/** Below this many entries Bareiss is as fast as anything and needs no luck. */
const smallEntryCount = 400;

/** Primes in [2^25, 2^26), by the prime number theorem. */
const primePoolSize = 2 ** 25 / Math.log(2 ** 26);

export function exactRank(
  matrix: readonly (readonly Rational[])[],
  options: ExactRankOptions = {},
): ExactRankResult {
  const rows = matrix.length;
  const columns = options.columns ?? (rows === 0 ? 0 : matrix[0].length);
  if (rows * columns <= smallEntryCount) {
    const result = bareiss(matrix, columns);
    return {
      rank: result.rank,
      pivots: result.pivots,
      method: 'bareiss',
      certified: true,
      errorBound: 0,
    };
  }
  const integers = integerRows(matrix);
  const primes = randomPrimes(options.random);
  let best: number[] | null = null;
  for (let round = 0; round < 2; round++) {
    options.checkCancelled?.();
    const { pivots } = rankModulo(integers, columns, primes.next().value as number);
    if (best === null || comparePivots(pivots, best) < 0) best = pivots;
    if (best.length === Math.min(rows, columns)) break;
  }
  const pivots = best!;
  // rank mod p never exceeds the true rank, so a full rank mod p is a proof.
  if (pivots.length === Math.min(rows, columns)) {
    return { rank: pivots.length, pivots, method: 'modular', certified: true, errorBound: 0 };
  }
  if (options.certify) {
    const proven = multimodularRref(matrix, options);
    if (proven) {
      return {
        rank: proven.rank,
        pivots: proven.pivots,
        method: 'multimodular',
        certified: true,
        errorBound: 0,
      };
    }
    const result = bareiss(matrix, columns);
    return {
      rank: result.rank,
      pivots: result.pivots,
      method: 'bareiss',
      certified: true,
      errorBound: 0,
    };
  }
  // Both primes would have to divide one fixed non-zero minor, which has at most bits/25 prime
  // factors in our range.
  let largest = 1;
  for (const row of integers)
    for (const value of row) largest = Math.max(largest, Math.abs(Number(value)));
  const minorBits =
    Math.min(rows, columns) * Math.log2(largest * Math.sqrt(Math.max(rows, columns)) + 1);
  const perPrime = Math.min(1, minorBits / 25 / primePoolSize);
  return {
    rank: pivots.length,
    pivots,
    method: 'modular',
    certified: false,
    errorBound: perPrime * perPrime,
  };
}

export interface ExactRrefResult {
  rref: Rational[][];
  pivots: number[];
  rank: number;
  method: ExactMethod;
}

/** Gauss–Jordan on rationals is quicker than CRT up to about this many entries. */
const multimodularEntryCount = 100;

/** The exact RREF without a trace, by the fastest method for the size. Always exact and proven. */
export function exactRref(
  matrix: readonly (readonly Rational[])[],
  options: Omit<ExactRankOptions, 'certify'> = {},
): ExactRrefResult {
  const rows = matrix.length;
  const columns = options.columns ?? (rows === 0 ? 0 : matrix[0].length);
  if (rows * columns > multimodularEntryCount) {
    const result = multimodularRref(matrix, options);
    if (result)
      return {
        rref: result.rref,
        pivots: result.pivots,
        rank: result.rank,
        method: 'multimodular',
      };
  }
  const result = rref(matrix, { trace: false });
  return { rref: result.rref, pivots: result.pivots, rank: result.rank, method: 'gauss-jordan' };
}
