import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import {
  Rational,
  RationalError,
  fromInteger,
  greatestCommonDivisor,
  nearestDouble,
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

/** A finite double as an exact fraction [numerator, 2^k]. */
function exactly(x: number): [bigint, bigint] {
  const bits = bitsOf(x);
  const sign = bits >> 63n === 1n ? -1n : 1n;
  const biased = Number((bits >> 52n) & 0x7ffn);
  const fraction = bits & ((1n << 52n) - 1n);
  const mantissa = biased === 0 ? fraction : fraction | (1n << 52n);
  const power = (biased === 0 ? 1 : biased) - 1075;
  return power >= 0
    ? [sign * (mantissa << BigInt(power)), 1n]
    : [sign * mantissa, 1n << BigInt(-power)];
}

function bitsOf(x: number): bigint {
  const view = new DataView(new ArrayBuffer(8));
  view.setFloat64(0, x);
  return view.getBigUint64(0);
}

/** The double one step away from x (towards +∞ or −∞). */
function neighbour(x: number, up: boolean): number {
  if (x === 0) return up ? Number.MIN_VALUE : -Number.MIN_VALUE;
  const view = new DataView(new ArrayBuffer(8));
  view.setBigUint64(0, x > 0 === up ? bitsOf(x) + 1n : bitsOf(x) - 1n);
  return view.getFloat64(0);
}

/** |x − n/d| times d·(x's denominator): comparable between doubles once cross-multiplied. */
function distance(x: number, n: bigint, d: bigint): [bigint, bigint] {
  const [top, bottom] = exactly(x);
  const gap = top * d - n * bottom;
  return [gap < 0n ? -gap : gap, bottom * d];
}

/** x is the nearest double to n/d, ties to an even last bit (∞ beyond the largest double's half-ulp). */
function isNearest(x: number, n: bigint, d: bigint): boolean {
  if (!Number.isFinite(x)) {
    const limit = (1n << 1024n) - (1n << 970n);
    return (x > 0 ? n : -n) >= limit * d;
  }
  const [own, ownScale] = distance(x, n, d);
  for (const other of [neighbour(x, true), neighbour(x, false)]) {
    if (!Number.isFinite(other)) continue;
    const [theirs, theirScale] = distance(other, n, d);
    const mine = own * theirScale;
    const rival = theirs * ownScale;
    if (mine > rival) return false;
    // A tie: x's last mantissa bit must be 0.
    if (mine === rival && (bitsOf(x) & 1n) === 1n) return false;
  }
  return true;
}

describe('nearestDouble', () => {
  it('rounds a quotient of huge or tiny integers once, to the nearest double', () => {
    // Both past 2^1024: the quotient of converted doubles would be ∞/∞ = NaN.
    expect(nearestDouble(3n << 1100n, 2n << 1100n)).toBe(1.5);
    expect(nearestDouble(-(1n << 2000n), 3n << 1999n)).toBe(-2 / 3);
    // A tie between 2^52 and 2^52 + 1 goes to the even one; just above it goes up.
    expect(nearestDouble((1n << 53n) + 1n, 2n)).toBe(2 ** 52);
    expect(nearestDouble((1n << 53n) + 3n, 2n)).toBe(2 ** 52 + 2);
    expect(nearestDouble((1n << 54n) + 3n, 4n)).toBe(2 ** 52 + 1);
    // Subnormal results are rounded at 2^-1074; below half of it is zero; beyond the top is ∞.
    expect(nearestDouble(3n, 1n << 1075n)).toBe(2 * Number.MIN_VALUE);
    expect(nearestDouble(1n, 1n << 1075n)).toBe(0);
    expect(nearestDouble(1n, 3n << 1072n)).toBe(Number.MIN_VALUE);
    expect(nearestDouble(1n << 1024n, 1n)).toBe(Infinity);
    expect(nearestDouble(-((1n << 1024n) - (1n << 971n)), 1n)).toBe(-Number.MAX_VALUE);
    // One third of 2^60 + 1: converting 2^60 + 1 first would lose the 1.
    const big = (1n << 60n) + 1n;
    expect(isNearest(nearestDouble(big, 3n), big, 3n)).toBe(true);
  });

  it('is the nearest double for numerators and denominators of up to 2300 bits', () => {
    const integer = fc
      .integer({ min: 1, max: 2300 })
      .chain((bits) => fc.bigInt({ min: 1n << BigInt(bits - 1), max: (1n << BigInt(bits)) - 1n }));
    fc.assert(
      fc.property(integer, integer, fc.boolean(), (n, d, negative) => {
        const signed = negative ? -n : n;
        return isNearest(nearestDouble(signed, d), signed, d);
      }),
      { numRuns: 3000 },
    );
  });

  it('gives Rational.toNumber its value', () => {
    const third = Rational.of(1n << 1100n, 3n << 1100n);
    expect(third.toNumber()).toBe(1 / 3);
    const big = (1n << 60n) + 1n;
    expect(isNearest(Rational.of(big, 3n).toNumber(), big, 3n)).toBe(true);
  });
});
