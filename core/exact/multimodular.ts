// Exact RREF by multimodular elimination: RREF mod many primes, Chinese remaindering, rational
// reconstruction, then a proof: A = C·R with C the pivot columns of A (so rank A ≤ r) and rank mod p
// = r (so rank A ≥ r) make R the unique RREF of A (von zur Gathen & Gerhard, Modern Computer Algebra
// §5.10; Cohen §2.2). Cost O(m·n·r) per prime for O(r·log(‖A‖·r)) / 25 primes, plus BigInt CRT.
import { Rational, greatestCommonDivisor, trustedRational } from './rational';
import {
  comparePivots,
  eliminateModulo,
  integerRows,
  inverseModulo,
  randomPrimes,
  reduceModulo,
} from './modular';

export interface MultimodularOptions {
  columns?: number;
  /** Source of randomness for choosing primes (default Math.random). */
  random?: () => number;
  /** Called between primes; may throw to cancel. */
  checkCancelled?: () => void;
}

export interface MultimodularRref {
  rref: Rational[][];
  pivots: number[];
  rank: number;
  /** How many primes were combined. */
  primes: number;
  /** Always true: the result was checked exactly before being returned. */
  verified: true;
}

function bitLength(value: bigint): number {
  if (value < 0n) value = -value;
  return value === 0n ? 0 : value.toString(16).length * 4;
}

function integerSquareRoot(value: bigint): bigint {
  if (value < 2n) return value;
  let estimate = 1n << BigInt(Math.ceil(bitLength(value) / 2));
  for (;;) {
    const next = (estimate + value / estimate) >> 1n;
    if (next >= estimate) return estimate;
    estimate = next;
  }
}

/**
 * The fraction a/b ≡ residue (mod modulus) with |a|, b ≤ bound, by the half extended Euclidean
 * algorithm (Wang's rational reconstruction), or null when there is none.
 */
export function rationalReconstruction(
  residue: bigint,
  modulus: bigint,
  bound: bigint,
): { numerator: bigint; denominator: bigint } | null {
  let [oldRemainder, remainder] = [modulus, ((residue % modulus) + modulus) % modulus];
  let [oldCoefficient, coefficient] = [0n, 1n];
  while (remainder > bound) {
    const quotient = oldRemainder / remainder;
    [oldRemainder, remainder] = [remainder, oldRemainder - quotient * remainder];
    [oldCoefficient, coefficient] = [coefficient, oldCoefficient - quotient * coefficient];
  }
  if (coefficient === 0n) return null;
  let numerator = remainder;
  let denominator = coefficient;
  if (denominator < 0n) {
    numerator = -numerator;
    denominator = -denominator;
  }
  if (denominator > bound || greatestCommonDivisor(numerator, denominator) !== 1n) return null;
  return { numerator, denominator };
}

/** log2 of Hadamard's bound on the r×r minors: Σ over the r largest rows of log2 ‖row‖₂. */
function minorBits(matrix: readonly (readonly bigint[])[], rank: number): number {
  const rowBits = matrix
    .map((row) => {
      let sum = 0;
      for (const value of row) {
        const size = Number(value < 0n ? -value : value);
        sum += Number.isFinite(size) ? size * size : Infinity;
      }
      return Number.isFinite(sum)
        ? Math.log2(Math.max(sum, 1)) / 2
        : Math.max(...row.map(bitLength));
    })
    .sort((a, b) => b - a);
  return rowBits.slice(0, rank).reduce((total, bits) => total + bits, 0) + 1;
}

/**
 * Chinese remaindering of many values at once by Garner's mixed-radix algorithm (Knuth TAOCP vol. 2
 * §4.3.2): the mixed-radix digits need only double arithmetic, then one BigInt Horner pass per value.
 * Returns each value in [0, ∏ primes).
 */
export function chineseRemainder(
  residues: readonly Float64Array[],
  primes: readonly number[],
): bigint[] {
  const count = primes.length;
  const size = count === 0 ? 0 : residues[0].length;
  // inverses[i*count + j] = p_i⁻¹ mod p_j for i < j.
  const inverses = new Float64Array(count * count);
  for (let j = 0; j < count; j++) {
    for (let i = 0; i < j; i++)
      inverses[i * count + j] = inverseModulo(primes[i] % primes[j], primes[j]);
  }
  const bigPrimes = primes.map(BigInt);
  const reciprocals = primes.map((p) => 1 / p);
  const digits = new Float64Array(count);
  const result = new Array<bigint>(size);
  for (let index = 0; index < size; index++) {
    for (let j = 0; j < count; j++) {
      const p = primes[j];
      const reciprocal = reciprocals[j];
      let value = residues[j][index];
      for (let i = 0; i < j; i++) {
        // (value − digit)·inverse mod p, with x mod p = x − ⌊x/p⌋·p (see modular.ts); the
        // difference lies in (−2^26, 2^26), so the product stays below 2^52 in magnitude.
        const product = (value - digits[i]) * inverses[i * count + j];
        value = product - Math.floor(product * reciprocal) * p;
        if (value < 0) value += p;
        else if (value >= p) value -= p;
      }
      digits[j] = value;
    }
    let combined = count === 0 ? 0n : BigInt(digits[count - 1]);
    for (let j = count - 2; j >= 0; j--) combined = combined * bigPrimes[j] + BigInt(digits[j]);
    result[index] = combined;
  }
  return result;
}

/** How many entries are followed prime by prime to decide when a full reconstruction is worth it. */
const sampleSize = 6;

/** Exact, verified RREF; null if the prime budget ran out (the caller then falls back). */
export function multimodularRref(
  matrix: readonly (readonly Rational[])[],
  options: MultimodularOptions = {},
): MultimodularRref | null {
  const rows = matrix.length;
  const columns = options.columns ?? (rows === 0 ? 0 : matrix[0].length);
  const integers = integerRows(matrix);
  const primes = randomPrimes(options.random);

  let bestPivots: number[] | null = null;
  let freeColumns: number[] = [];
  let usedPrimes: number[] = [];
  let residues: Float64Array[] = [];
  let sample: number[] = [];
  let sampleValues: bigint[] = [];
  let modulus = 1n;
  let budget = Infinity;
  let nextFullAttempt = 1;

  for (let attempt = 0; attempt < budget + 8; attempt++) {
    options.checkCancelled?.();
    const p = primes.next().value as number;
    const data = reduceModulo(integers, columns, p);
    const { pivots } = eliminateModulo(data, rows, columns, p, true);
    const order = bestPivots === null ? -1 : comparePivots(pivots, bestPivots);
    if (order > 0) continue; // p divides a minor that matters: an unlucky prime.
    if (order < 0) {
      // A better pivot set: everything gathered so far came from unlucky primes.
      bestPivots = pivots;
      const pivotSet = new Set(pivots);
      freeColumns = [];
      for (let j = 0; j < columns; j++) if (!pivotSet.has(j)) freeColumns.push(j);
      const size = pivots.length * freeColumns.length;
      // Entries spread over the matrix, the last ones included (they tend to be the largest).
      sample = [
        ...new Set(
          Array.from(
            { length: Math.min(sampleSize, size) },
            (_, k) => size - 1 - Math.floor((k * size) / sampleSize),
          ),
        ),
      ];
      sampleValues = sample.map(() => 0n);
      usedPrimes = [];
      residues = [];
      modulus = 1n;
      nextFullAttempt = 1;
      budget = Math.ceil((2 * minorBits(integers, pivots.length) + 2) / 25) + 2;
    }
    const rank = bestPivots!.length;
    const free = freeColumns.length;
    const values = new Float64Array(rank * free);
    for (let i = 0; i < rank; i++) {
      for (let k = 0; k < free; k++) values[i * free + k] = data[i * columns + freeColumns[k]];
    }
    // Incremental Chinese remaindering of the sample only.
    const bigP = BigInt(p);
    const inverse = BigInt(inverseModulo(Number(modulus % bigP), p));
    sample.forEach((index, position) => {
      const current = sampleValues[position];
      const lift = (((BigInt(values[index]) - (current % bigP)) % bigP) + bigP) % bigP;
      sampleValues[position] = current + modulus * ((lift * inverse) % bigP);
    });
    modulus *= bigP;
    usedPrimes.push(p);
    residues.push(values);
    if (usedPrimes.length < nextFullAttempt) continue;
    const bound = integerSquareRoot(modulus / 2n);
    if (!sampleValues.every((value) => rationalReconstruction(value, modulus, bound) !== null))
      continue;
    // The sample looks settled: reconstruct everything and try the proof. If it fails, wait a while.
    nextFullAttempt = Math.ceil(usedPrimes.length * 1.3) + 1;
    const combined = chineseRemainder(residues, usedPrimes);
    const result = reconstructAndVerify(
      integers,
      bestPivots!,
      freeColumns,
      columns,
      combined,
      modulus,
    );
    if (result) {
      return { rref: result, pivots: bestPivots!, rank, primes: usedPrimes.length, verified: true };
    }
  }
  return null;
}

/** Rational reconstruction of the non-pivot entries of R from residues mod `modulus`, then the proof A = C·R. */
function reconstructAndVerify(
  integers: readonly (readonly bigint[])[],
  pivots: readonly number[],
  freeColumns: readonly number[],
  columns: number,
  combined: readonly bigint[],
  modulus: bigint,
): Rational[][] | null {
  const rank = pivots.length;
  const bound = integerSquareRoot(modulus / 2n);
  const half = modulus / 2n;
  // A common denominator makes most entries a single multiplication (entries share det(C) as denominator).
  let denominator = 1n;
  const numerators = new Array<bigint>(combined.length);
  const denominators = new Array<bigint>(combined.length);
  for (let index = 0; index < combined.length; index++) {
    let scaled = (combined[index] * denominator) % modulus;
    if (scaled > half) scaled -= modulus;
    if (scaled <= bound && scaled >= -bound) {
      numerators[index] = scaled;
      denominators[index] = denominator;
      continue;
    }
    const fraction = rationalReconstruction(combined[index], modulus, bound);
    if (!fraction) return null;
    numerators[index] = fraction.numerator;
    denominators[index] = fraction.denominator;
    denominator =
      (denominator / greatestCommonDivisor(denominator, fraction.denominator)) *
      fraction.denominator;
    if (denominator > bound) return null;
  }
  // Scaled entries R'ᵢₖ = d·Rᵢₖ, integers.
  const scaledEntries = numerators.map(
    (value, index) => value * (denominator / denominators[index]),
  );
  // Proof: d·A[:, free] = C·R'[:, free], with C the pivot columns of A.
  for (const row of integers) {
    for (let k = 0; k < freeColumns.length; k++) {
      let sum = 0n;
      for (let i = 0; i < rank; i++) {
        const entry = row[pivots[i]];
        if (entry !== 0n) sum += entry * scaledEntries[i * freeColumns.length + k];
      }
      if (sum !== denominator * row[freeColumns[k]]) return null;
    }
  }
  // Each entry is R'ᵢₖ/d in lowest terms. A prime power dividing both R'ᵢₖ and d divides
  // g = gcd(d, ∏ R' mod d), so gcd(R'ᵢₖ, d) = gcd(R'ᵢₖ, g): one gcd of d's size instead of one per
  // entry (most of the time they took), and g is nearly always 1 or small.
  let product = 1n;
  for (const value of scaledEntries) if (value !== 0n) product = (product * value) % denominator;
  const shared = greatestCommonDivisor(denominator, product);
  const result: Rational[][] = [];
  for (let i = 0; i < integers.length; i++) {
    const line = new Array<Rational>(columns).fill(Rational.zero);
    if (i < rank) {
      line[pivots[i]] = Rational.one;
      for (let k = 0; k < freeColumns.length; k++) {
        const scaled = scaledEntries[i * freeColumns.length + k];
        if (scaled === 0n) continue;
        const divisor = shared === 1n ? 1n : greatestCommonDivisor(scaled, shared);
        line[freeColumns[k]] = trustedRational(scaled / divisor, denominator / divisor);
      }
    }
    result.push(line);
  }
  return result;
}
