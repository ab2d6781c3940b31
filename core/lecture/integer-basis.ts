// Basis vectors scaled to the smallest integer vectors on the same lines: (1/2, −1/3) becomes
// (3, −2). A basis stays a basis under non-zero scaling, and integer answers are the ones a student
// can check by hand. Cost O(n) gcd/lcm operations per vector.
import { Rational, greatestCommonDivisor } from '../exact/rational';

/** The primitive integer vector on the line of `vector` (leading sign kept); zero stays zero. */
export function primitiveIntegerVector(vector: readonly Rational[]): Rational[] {
  let multiple = 1n;
  for (const value of vector) {
    multiple = (multiple / greatestCommonDivisor(multiple, value.denominator)) * value.denominator;
  }
  const integers = vector.map((value) => (value.numerator * multiple) / value.denominator);
  const divisor = integers.reduce((gcd, value) => greatestCommonDivisor(gcd, value), 0n);
  if (divisor === 0n) return vector.slice();
  return integers.map((value) => Rational.of(value / divisor));
}
