// Exact rational numbers on BigInt, always normalized: gcd(numerator, denominator) = 1 and
// denominator > 0, so equal values have equal representations and toString is canonical.
// Method: Euclid's gcd on each result (Knuth TAOCP vol. 2 §4.5.1); cost O(digits²) per operation.

export class RationalError extends Error {
  override name = 'RationalError';
}

function absolute(value: bigint): bigint {
  return value < 0n ? -value : value;
}

/** Operands above this size go through Lehmer's steps; below, plain Euclid on BigInt. */
const lehmerThreshold = 1n << 64n;

/**
 * gcd(a, b) ≥ 0. Large operands use Lehmer's algorithm (Knuth TAOCP vol. 2 §4.5.2, Algorithm L):
 * the quotients are found from the leading 50 bits in double arithmetic, and one BigInt step then
 * applies several of them at once, instead of one BigInt division per quotient.
 */
export function greatestCommonDivisor(a: bigint, b: bigint): bigint {
  a = absolute(a);
  b = absolute(b);
  if (a < b) [a, b] = [b, a];
  while (b >= lehmerThreshold) {
    const shift = BigInt(a.toString(16).length * 4 - 50);
    let x = Number(a >> shift);
    let y = Number(b >> shift);
    let [cofactorA, cofactorB, cofactorC, cofactorD] = [1, 0, 0, 1];
    while (y + cofactorC !== 0 && y + cofactorD !== 0) {
      const quotient = Math.floor((x + cofactorA) / (y + cofactorC));
      if (quotient !== Math.floor((x + cofactorB) / (y + cofactorD))) break;
      [cofactorA, cofactorC] = [cofactorC, cofactorA - quotient * cofactorC];
      [cofactorB, cofactorD] = [cofactorD, cofactorB - quotient * cofactorD];
      [x, y] = [y, x - quotient * y];
    }
    if (cofactorB === 0) {
      [a, b] = [b, a % b];
    } else {
      [a, b] = [
        BigInt(cofactorA) * a + BigInt(cofactorB) * b,
        BigInt(cofactorC) * a + BigInt(cofactorD) * b,
      ];
    }
  }
  while (b !== 0n) [a, b] = [b, a % b];
  return a;
}

export class Rational {
  /** Use Rational.of / fromInteger / parseRational; the constructor trusts that its input is normalized. */
  private constructor(
    readonly numerator: bigint,
    readonly denominator: bigint,
  ) {}

  static readonly zero = new Rational(0n, 1n);
  static readonly one = new Rational(1n, 1n);
  static readonly minusOne = new Rational(-1n, 1n);

  /** numerator / denominator, normalized. */
  static of(numerator: bigint | number, denominator: bigint | number = 1n): Rational {
    let top = BigInt(numerator);
    let bottom = BigInt(denominator);
    if (bottom === 0n) throw new RationalError('division by zero');
    if (bottom < 0n) {
      top = -top;
      bottom = -bottom;
    }
    if (bottom === 1n) return new Rational(top, 1n);
    const divisor = greatestCommonDivisor(top, bottom);
    if (divisor === 1n) return new Rational(top, bottom);
    return new Rational(top / divisor, bottom / divisor);
  }

  static fromInteger(value: bigint | number): Rational {
    if (typeof value === 'number' && !Number.isSafeInteger(value)) {
      throw new RationalError(`${value} is not a safe integer`);
    }
    return new Rational(BigInt(value), 1n);
  }

  /** The exact value of a finite double (every double is a dyadic rational). */
  static fromNumber(value: number): Rational {
    if (!Number.isFinite(value)) throw new RationalError(`${value} is not a finite number`);
    if (Number.isInteger(value)) return new Rational(BigInt(value), 1n);
    let denominator = 1n;
    let scaled = value;
    while (!Number.isInteger(scaled)) {
      scaled *= 2;
      denominator *= 2n;
    }
    return Rational.of(BigInt(scaled), denominator);
  }

  isZero(): boolean {
    return this.numerator === 0n;
  }

  isOne(): boolean {
    return this.numerator === 1n && this.denominator === 1n;
  }

  isInteger(): boolean {
    return this.denominator === 1n;
  }

  sign(): -1 | 0 | 1 {
    return this.numerator < 0n ? -1 : this.numerator > 0n ? 1 : 0;
  }

  add(other: Rational): Rational {
    if (this.denominator === 1n && other.denominator === 1n) {
      return new Rational(this.numerator + other.numerator, 1n);
    }
    if (this.denominator === other.denominator) {
      return Rational.of(this.numerator + other.numerator, this.denominator);
    }
    return Rational.of(
      this.numerator * other.denominator + other.numerator * this.denominator,
      this.denominator * other.denominator,
    );
  }

  subtract(other: Rational): Rational {
    return this.add(other.negate());
  }

  multiply(other: Rational): Rational {
    if (this.denominator === 1n && other.denominator === 1n) {
      return new Rational(this.numerator * other.numerator, 1n);
    }
    // Cross-cancel first so the intermediate products stay small.
    const first = greatestCommonDivisor(this.numerator, other.denominator);
    const second = greatestCommonDivisor(other.numerator, this.denominator);
    const divisorA = first === 0n ? 1n : first;
    const divisorB = second === 0n ? 1n : second;
    return new Rational(
      (this.numerator / divisorA) * (other.numerator / divisorB),
      (this.denominator / divisorB) * (other.denominator / divisorA),
    );
  }

  divide(other: Rational): Rational {
    return this.multiply(other.reciprocal());
  }

  reciprocal(): Rational {
    if (this.numerator === 0n) throw new RationalError('division by zero');
    return this.numerator < 0n
      ? new Rational(-this.denominator, -this.numerator)
      : new Rational(this.denominator, this.numerator);
  }

  negate(): Rational {
    return new Rational(-this.numerator, this.denominator);
  }

  abs(): Rational {
    return this.numerator < 0n ? this.negate() : this;
  }

  /** this^exponent for an integer exponent (negative powers invert). */
  power(exponent: number): Rational {
    if (!Number.isSafeInteger(exponent)) throw new RationalError('exponent must be an integer');
    if (exponent < 0) return this.reciprocal().power(-exponent);
    const power = BigInt(exponent);
    return new Rational(this.numerator ** power, this.denominator ** power);
  }

  /** -1, 0 or 1 as this is less than, equal to or greater than other. */
  compare(other: Rational): -1 | 0 | 1 {
    const left = this.numerator * other.denominator;
    const right = other.numerator * this.denominator;
    return left < right ? -1 : left > right ? 1 : 0;
  }

  equals(other: Rational): boolean {
    return this.numerator === other.numerator && this.denominator === other.denominator;
  }

  /** "3", "-1/2". */
  toString(): string {
    return this.denominator === 1n
      ? this.numerator.toString()
      : `${this.numerator.toString()}/${this.denominator.toString()}`;
  }

  /** Nearest double, also for numerators and denominators beyond 2^1023. */
  toNumber(): number {
    const top = Number(this.numerator);
    const bottom = Number(this.denominator);
    if (Number.isFinite(top) && Number.isFinite(bottom)) return top / bottom;
    // Scale both down to ~60 significant bits before converting.
    const shift = BigInt(
      Math.max(bitLength(absolute(this.numerator)), bitLength(this.denominator)) - 900,
    );
    const scaledTop = Number(this.numerator >> shift);
    const scaledBottom = Number(this.denominator >> shift);
    if (scaledBottom === 0) return this.numerator < 0n ? -Infinity : Infinity;
    return scaledTop / scaledBottom;
  }
}

function bitLength(value: bigint): number {
  return value === 0n ? 0 : value.toString(2).length;
}

export function fromInteger(value: bigint | number): Rational {
  return Rational.fromInteger(value);
}

const integerPattern = /^[+-]?\d+$/;
const fractionPattern = /^([+-]?\d+)\s*\/\s*([+-]?\d+)$/;
const decimalPattern = /^([+-]?)(\d*)(?:\.(\d*))?(?:[eE]([+-]?\d+))?$/;

/** Parses "3", "-2", "3/4", "0.125", ".5", "1e-3", "-2.5E2" exactly; throws RationalError otherwise. */
export function parseRational(text: string): Rational {
  const trimmed = text.trim();
  if (trimmed === '') throw new RationalError('empty entry');
  if (integerPattern.test(trimmed)) return trustedRational(BigInt(trimmed), 1n);
  const fraction = fractionPattern.exec(trimmed);
  if (fraction) {
    const denominator = BigInt(fraction[2]);
    if (denominator === 0n) throw new RationalError(`"${trimmed}" divides by zero`);
    return Rational.of(BigInt(fraction[1]), denominator);
  }
  const decimal = decimalPattern.exec(trimmed);
  if (decimal && (decimal[2] !== '' || (decimal[3] ?? '') !== '')) {
    const [, sign, whole, fractional = '', exponentText] = decimal;
    const exponent = (exponentText ? Number(exponentText) : 0) - fractional.length;
    if (Math.abs(exponent) > 100_000)
      throw new RationalError(`"${trimmed}" has too large an exponent`);
    let numerator = BigInt((whole || '0') + fractional);
    if (sign === '-') numerator = -numerator;
    return exponent >= 0
      ? Rational.of(numerator * 10n ** BigInt(exponent))
      : Rational.of(numerator, 10n ** BigInt(-exponent));
  }
  throw new RationalError(`"${trimmed}" is not a rational number`);
}

type RationalCtor = new (numerator: bigint, denominator: bigint) => Rational;

/** Builds a normalized rational without the gcd, for callers that already know gcd = 1 and den > 0. */
export function trustedRational(numerator: bigint, denominator: bigint): Rational {
  return new (Rational as unknown as RationalCtor)(numerator, denominator);
}
