import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { Rational } from '../exact/rational';
import { primitiveIntegerVector } from './integer-basis';

const text = (vector: Rational[]) => vector.map(String);

describe('primitive integer vectors', () => {
  it('clears denominators and common factors, keeping the direction', () => {
    expect(text(primitiveIntegerVector([Rational.of(1, 2), Rational.of(-1, 3)]))).toEqual([
      '3',
      '-2',
    ]);
    expect(text(primitiveIntegerVector([Rational.of(4), Rational.of(-6), Rational.zero]))).toEqual([
      '2',
      '-3',
      '0',
    ]);
    expect(
      text(primitiveIntegerVector([Rational.of(-5, 14), Rational.of(17, 14), Rational.of(-1)])),
    ).toEqual(['-5', '17', '-14']);
    expect(text(primitiveIntegerVector([Rational.zero, Rational.zero]))).toEqual(['0', '0']);
  });

  it('is a positive multiple of the input, with integer entries of gcd 1', () => {
    const rational = fc
      .tuple(fc.integer({ min: -30, max: 30 }), fc.integer({ min: 1, max: 12 }))
      .map(([numerator, denominator]) => Rational.of(numerator, denominator));
    fc.assert(
      fc.property(fc.array(rational, { minLength: 1, maxLength: 6 }), (vector) => {
        const result = primitiveIntegerVector(vector);
        const pivot = vector.findIndex((value) => !value.isZero());
        if (pivot < 0) return;
        const scale = result[pivot].divide(vector[pivot]);
        expect(scale.sign()).toBe(1);
        vector.forEach((value, k) => expect(value.multiply(scale).equals(result[k])).toBe(true));
        expect(result.every((value) => value.isInteger())).toBe(true);
        const gcd = result.reduce((accumulated, value) => {
          let [a, b] = [
            accumulated < 0n ? -accumulated : accumulated,
            value.numerator < 0n ? -value.numerator : value.numerator,
          ];
          while (b) [a, b] = [b, a % b];
          return a;
        }, 0n);
        expect(gcd).toBe(1n);
      }),
    );
  });
});
