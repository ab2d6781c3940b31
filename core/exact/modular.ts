// Row reduction modulo a prime p < 2^26: every product of two residues is below 2^52, so plain
// doubles multiply exactly and `%` reduces (no BigInt in the inner loop). rank mod p ≤ rank over Q,
// with equality unless p divides a particular non-zero minor (Cohen, A Course in Computational
// Algebraic Number Theory §2.2; von zur Gathen & Gerhard §5.5). Cost O(m·n·min(m,n)) per prime.
import { Rational } from './rational';

/** Largest prime we use: residues stay < 2^26 so a·b + c < 2^53 is exact in a double. */
export const primeCeiling = 2 ** 26;
const primeFloor = 2 ** 25;

function powerModulo(base: number, exponent: number, modulus: number): number {
  let result = 1;
  base %= modulus;
  while (exponent > 0) {
    if (exponent & 1) result = (result * base) % modulus;
    base = (base * base) % modulus;
    exponent = Math.floor(exponent / 2);
  }
  return result;
}

/** Deterministic Miller–Rabin for n < 2^32 (bases 2, 7, 61 suffice). */
export function isPrime(n: number): boolean {
  if (n < 2) return false;
  for (const small of [2, 3, 5, 7, 11, 13, 61]) {
    if (n === small) return true;
    if (n % small === 0) return false;
  }
  let odd = n - 1;
  let twos = 0;
  while (odd % 2 === 0) {
    odd /= 2;
    twos++;
  }
  for (const base of [2, 7, 61]) {
    let x = powerModulo(base, odd, n);
    if (x === 1 || x === n - 1) continue;
    let witness = true;
    for (let round = 1; round < twos; round++) {
      x = (x * x) % n;
      if (x === n - 1) {
        witness = false;
        break;
      }
    }
    if (witness) return false;
  }
  return true;
}

/** A small seeded generator (xorshift32), so a run can be replayed from its seed. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0 || 0x9e3779b9;
  return () => {
    state ^= state << 13;
    state >>>= 0;
    state ^= state >>> 17;
    state ^= state << 5;
    state >>>= 0;
    return state / 2 ** 32;
  };
}

/** Distinct random primes in [2^25, 2^26). */
export function* randomPrimes(random: () => number = Math.random): Generator<number> {
  const used = new Set<number>();
  for (;;) {
    let candidate = primeFloor + Math.floor(random() * (primeCeiling - primeFloor));
    candidate |= 1;
    while (!isPrime(candidate) || used.has(candidate)) {
      candidate += 2;
      if (candidate >= primeCeiling) candidate = primeFloor + 1;
    }
    used.add(candidate);
    yield candidate;
  }
}

/** a⁻¹ mod p by the extended Euclidean algorithm (a ≠ 0 mod p). */
export function inverseModulo(a: number, p: number): number {
  let [oldRemainder, remainder] = [a % p, p];
  let [oldCoefficient, coefficient] = [1, 0];
  while (remainder !== 0) {
    const quotient = Math.floor(oldRemainder / remainder);
    [oldRemainder, remainder] = [remainder, oldRemainder - quotient * remainder];
    [oldCoefficient, coefficient] = [coefficient, oldCoefficient - quotient * coefficient];
  }
  return ((oldCoefficient % p) + p) % p;
}

/** Multiplies each row by the lcm of its denominators: same row space, same RREF, integer entries. */
export function integerRows(matrix: readonly (readonly Rational[])[]): bigint[][] {
  return matrix.map((row) => {
    if (row.every((value) => value.denominator === 1n)) return row.map((value) => value.numerator);
    let multiple = 1n;
    for (const value of row) {
      if (value.denominator !== 1n) {
        let a = multiple;
        let b = value.denominator;
        while (b !== 0n) [a, b] = [b, a % b];
        multiple = (multiple / a) * value.denominator;
      }
    }
    return row.map((value) => (value.numerator * multiple) / value.denominator);
  });
}

/** The matrix reduced mod p, row-major, entries in [0, p). */
export function reduceModulo(
  matrix: readonly (readonly bigint[])[],
  columns: number,
  p: number,
): Float64Array {
  const rows = matrix.length;
  const result = new Float64Array(rows * columns);
  const bigP = BigInt(p);
  for (let i = 0; i < rows; i++) {
    const row = matrix[i];
    for (let j = 0; j < columns; j++) {
      const value = row[j];
      // Small entries (the common case) avoid BigInt division.
      const small = value >= -9007199254740991n && value <= 9007199254740991n;
      let residue = small ? Number(value) % p : Number(value % bigP);
      if (residue < 0) residue += p;
      result[i * columns + j] = residue;
    }
  }
  return result;
}

export interface ModularEchelon {
  pivots: number[];
  rank: number;
}

/**
 * Gauss–Jordan mod p in place on a row-major m×n array. With `reduced` false it stops at an echelon
 * form (enough for rank and pivots); with true the result is the RREF mod p.
 */
export function eliminateModulo(
  data: Float64Array,
  rows: number,
  columns: number,
  p: number,
  reduced: boolean,
): ModularEchelon {
  const pivots: number[] = [];
  const reciprocal = 1 / p;
  let pivotRow = 0;
  for (let col = 0; col < columns && pivotRow < rows; col++) {
    let chosen = -1;
    for (let i = pivotRow; i < rows; i++) {
      if (data[i * columns + col] !== 0) {
        chosen = i;
        break;
      }
    }
    if (chosen < 0) continue;
    const pivotOffset = pivotRow * columns;
    if (chosen !== pivotRow) {
      const chosenOffset = chosen * columns;
      for (let j = col; j < columns; j++) {
        const held = data[pivotOffset + j];
        data[pivotOffset + j] = data[chosenOffset + j];
        data[chosenOffset + j] = held;
      }
    }
    const inverse = inverseModulo(data[pivotOffset + col], p);
    if (inverse !== 1) {
      for (let j = col; j < columns; j++)
        data[pivotOffset + j] = (data[pivotOffset + j] * inverse) % p;
    }
    for (let i = reduced ? 0 : pivotRow + 1; i < rows; i++) {
      if (i === pivotRow) continue;
      const offset = i * columns;
      const entry = data[offset + col];
      if (entry === 0) continue;
      // row_i ← row_i − entry·row_pivot, written as row_i + (p − entry)·row_pivot to stay non-negative.
      // x mod p as x − ⌊x·(1/p)⌋·p: a multiply and a floor instead of fmod; the quotient can be off
      // by one when x/p is within rounding of an integer, which the two comparisons repair.
      const multiplier = p - entry;
      for (let j = col; j < columns; j++) {
        const pivotValue = data[pivotOffset + j];
        if (pivotValue === 0) continue;
        const x = data[offset + j] + multiplier * pivotValue;
        let remainder = x - Math.floor(x * reciprocal) * p;
        if (remainder < 0) remainder += p;
        else if (remainder >= p) remainder -= p;
        data[offset + j] = remainder;
      }
    }
    pivots.push(col);
    pivotRow++;
  }
  return { pivots, rank: pivots.length };
}

/** Rank and pivot columns of an integer matrix modulo p. */
export function rankModulo(
  matrix: readonly (readonly bigint[])[],
  columns: number,
  p: number,
): ModularEchelon {
  return eliminateModulo(reduceModulo(matrix, columns, p), matrix.length, columns, p, false);
}

/** Compares pivot lists: a larger rank is better, then lexicographically smaller columns. */
export function comparePivots(left: readonly number[], right: readonly number[]): number {
  if (left.length !== right.length) return right.length - left.length;
  for (let index = 0; index < left.length; index++) {
    if (left[index] !== right[index]) return left[index] - right[index];
  }
  return 0;
}
