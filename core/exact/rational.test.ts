import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import {
  Rational,
  RationalError,
  fromInteger,
  greatestCommonDivisor,
  parseRational,
} from './rational';

const smallRational = fc
  .tuple(fc.integer({ min: -1000, max: 1000 }), fc.integer({ min: 1, max: 1000 }))
  .map(([numerator, denominator]) => Rational.of(numerator, denominator));

describe('Rational', () => {
  it('normalizes sign and common factors', () => {
    expect(Rational.of(4, -6).toString()).toBe('-2/3');
    expect(Rational.of(-4, -2).toString()).toBe('2');
    expect(Rational.of(0, -5).toString()).toBe('0');
    expect(Rational.of(0, -5).denominator).toBe(1n);
    expect(() => Rational.of(1, 0)).toThrow(RationalError);
  });

  it('does arithmetic exactly', () => {
    const half = Rational.of(1, 2);
    const third = Rational.of(1, 3);
    expect(half.add(third).toString()).toBe('5/6');
    expect(half.subtract(third).toString()).toBe('1/6');
    expect(half.multiply(third).toString()).toBe('1/6');
    expect(half.divide(third).toString()).toBe('3/2');
    expect(half.negate().toString()).toBe('-1/2');
    expect(half.negate().abs().toString()).toBe('1/2');
    expect(Rational.of(-2, 3).power(-2).toString()).toBe('9/4');
    expect(fromInteger(7).toNumber()).toBe(7);
    expect(Rational.of(1, 3).toNumber()).toBeCloseTo(1 / 3, 15);
    expect(() => half.divide(Rational.zero)).toThrow('division by zero');
  });

  it('compares', () => {
    expect(Rational.of(1, 3).compare(Rational.of(1, 2))).toBe(-1);
    expect(Rational.of(2, 4).compare(Rational.of(1, 2))).toBe(0);
    expect(Rational.of(-1, 3).compare(Rational.of(-1, 2))).toBe(1);
    expect(Rational.zero.isZero()).toBe(true);
  });

  it('parses integers, fractions, decimals and exponents exactly', () => {
    expect(parseRational('3/4').toString()).toBe('3/4');
    expect(parseRational('-2').toString()).toBe('-2');
    expect(parseRational('0.125').toString()).toBe('1/8');
    expect(parseRational('0.1').toString()).toBe('1/10');
    expect(parseRational('1e-3').toString()).toBe('1/1000');
    expect(parseRational('-2.5E2').toString()).toBe('-250');
    expect(parseRational('.5').toString()).toBe('1/2');
    expect(parseRational(' 6 / -4 ').toString()).toBe('-3/2');
    expect(() => parseRational('abc')).toThrow(RationalError);
    expect(() => parseRational('1/0')).toThrow('divides by zero');
    expect(() => parseRational('')).toThrow('empty entry');
    expect(() => parseRational('.')).toThrow(RationalError);
  });

  it('converts huge values to the nearest double', () => {
    const big = Rational.of(10n ** 400n + 1n, 3n * 10n ** 399n);
    expect(big.toNumber()).toBeCloseTo(10 / 3, 12);
  });

  it('computes gcds of large numbers exactly (Lehmer against Euclid, property)', () => {
    const euclid = (a: bigint, b: bigint): bigint => {
      a = a < 0n ? -a : a;
      b = b < 0n ? -b : b;
      while (b !== 0n) [a, b] = [b, a % b];
      return a;
    };
    const big = fc.bigInt({ min: -(2n ** 700n), max: 2n ** 700n });
    fc.assert(
      fc.property(big, big, big, (a, b, common) => {
        expect(greatestCommonDivisor(a, b)).toBe(euclid(a, b));
        expect(greatestCommonDivisor(a * common, b * common)).toBe(euclid(a * common, b * common));
      }),
      { numRuns: 300 },
    );
    expect(greatestCommonDivisor(2n ** 200n * 3n, 2n ** 150n * 9n)).toBe(2n ** 150n * 3n);
    expect(greatestCommonDivisor(0n, -(2n ** 100n))).toBe(2n ** 100n);
    const fibonacci = [1n, 1n];
    for (let k = 0; k < 400; k++)
      fibonacci.push(fibonacci[fibonacci.length - 1] + fibonacci[fibonacci.length - 2]);
    expect(greatestCommonDivisor(fibonacci[401], fibonacci[400])).toBe(1n);
  });

  it('obeys field laws (property)', () => {
    fc.assert(
      fc.property(smallRational, smallRational, smallRational, (a, b, c) => {
        expect(a.add(b).equals(b.add(a))).toBe(true);
        expect(a.multiply(b.add(c)).equals(a.multiply(b).add(a.multiply(c)))).toBe(true);
        expect(a.subtract(b).add(b).equals(a)).toBe(true);
        if (!b.isZero()) expect(a.divide(b).multiply(b).equals(a)).toBe(true);
        expect(parseRational(a.toString()).equals(a)).toBe(true);
        expect(Math.sign(a.toNumber() - b.toNumber())).toBe(a.compare(b));
      }),
    );
  });
});
