// Exact rational numbers, always normalized: gcd(numerator, denominator) = 1 and denominator > 0,
// so equal values have equal representations and toString is canonical. Small ones (below 2^26)
// are computed in exact double arithmetic, larger ones on BigInt. Method: Euclid's and Lehmer's
// gcd on each result (Knuth TAOCP vol. 2 §4.5.1–2); cost O(digits²) per operation.

export class RationalError extends Error {
  override name = 'RationalError';
}

function absolute(value: bigint): bigint {
  return value < 0n ? -value : value;
}

/** Operands above this size go through Lehmer's steps; below, plain Euclid on BigInt. */
const lehmerThreshold = 1n << 64n;
/** Operands up to this size are divided in double arithmetic, exactly (they fit in 53 bits). */
const safeInteger = BigInt(Number.MAX_SAFE_INTEGER);

/** Euclid on doubles holding integers below 2^53: every remainder is exact. */
function numberGcd(a: number, b: number): number {
  while (b !== 0) {
    const remainder = a % b;
    a = b;
    b = remainder;
  }
  return a;
}

/**
 * The bit length of a > 0, within one: from the double nearest a (no string conversion, which
 * was most of the time a large gcd took).
 */
function approximateBitLength(a: bigint): number {
  let shift = 0;
  while (a >= 1n << 1000n) {
    a >>= 960n;
    shift += 960;
  }
  return shift + Math.floor(Math.log2(Number(a))) + 1;
}

/**
 * gcd(a, b) ≥ 0. Small operands are divided in double arithmetic; large ones use Lehmer's
 * algorithm (Knuth TAOCP vol. 2 §4.5.2, Algorithm L): the quotients are found from the leading 50
 * bits in double arithmetic, and one BigInt step then applies several of them at once, instead of
 * one BigInt division per quotient.
 */
export function greatestCommonDivisor(a: bigint, b: bigint): bigint {
  a = absolute(a);
  b = absolute(b);
  if (a < b) {
    const held = a;
    a = b;
    b = held;
  }
  while (b >= lehmerThreshold) {
    const shift = BigInt(Math.max(0, approximateBitLength(a) - 50));
    let x = Number(a >> shift);
    let y = Number(b >> shift);
    let cofactorA = 1;
    let cofactorB = 0;
    let cofactorC = 0;
    let cofactorD = 1;
    while (y + cofactorC !== 0 && y + cofactorD !== 0) {
      const quotient = Math.floor((x + cofactorA) / (y + cofactorC));
      if (quotient !== Math.floor((x + cofactorB) / (y + cofactorD))) break;
      const nextC = cofactorA - quotient * cofactorC;
      cofactorA = cofactorC;
      cofactorC = nextC;
      const nextD = cofactorB - quotient * cofactorD;
      cofactorB = cofactorD;
      cofactorD = nextD;
      const nextY = x - quotient * y;
      x = y;
      y = nextY;
    }
    if (cofactorB === 0) {
      const remainder = a % b;
      a = b;
      b = remainder;
    } else {
      const nextA = BigInt(cofactorA) * a + BigInt(cofactorB) * b;
      b = BigInt(cofactorC) * a + BigInt(cofactorD) * b;
      a = nextA;
    }
  }
  while (b > safeInteger) {
    const remainder = a % b;
    a = b;
    b = remainder;
  }
  if (b === 0n) return a;
  // a may still exceed 2^53 once: one BigInt step brings both below.
  if (a > safeInteger) {
    const remainder = a % b;
    a = b;
    b = remainder;
  }
  return BigInt(numberGcd(Number(a), Number(b)));
}

/** Numerators and denominators below this are kept as doubles: products of two stay exact. */
const smallLimit = 2 ** 26;
const smallLimitBig = BigInt(smallLimit);

function isSmall(numerator: number, denominator: number): boolean {
  return numerator < smallLimit && numerator > -smallLimit && denominator < smallLimit;
}

export class Rational {
  /**
   * A rational is small (numerator and denominator below 2^26 in magnitude, held as doubles, the
   * BigInts made only if asked for) or big (BigInts; small fields NaN). Which one is fixed by the
   * value, so equal values are stored alike.
   */
  private constructor(
    private readonly smallNumerator: number,
    private readonly smallDenominator: number,
    private bigNumerator: bigint | undefined,
    private bigDenominator: bigint | undefined,
  ) {}

  /** The canonical rational for a normalized pair (gcd 1, denominator > 0). */
  private static make(numerator: bigint, denominator: bigint): Rational {
    if (numerator < smallLimitBig && numerator > -smallLimitBig && denominator < smallLimitBig) {
      return new Rational(Number(numerator), Number(denominator), numerator, denominator);
    }
    return new Rational(NaN, NaN, numerator, denominator);
  }

  /** The canonical rational for a normalized pair of exact integer doubles below 2^53. */
  private static makeFromNumbers(numerator: number, denominator: number): Rational {
    if (isSmall(numerator, denominator)) {
      return new Rational(numerator, denominator, undefined, undefined);
    }
    return new Rational(NaN, NaN, BigInt(numerator), BigInt(denominator));
  }

  static readonly zero = Rational.makeFromNumbers(0, 1);
  static readonly one = Rational.makeFromNumbers(1, 1);
  static readonly minusOne = Rational.makeFromNumbers(-1, 1);

  get numerator(): bigint {
    if (this.bigNumerator === undefined) this.bigNumerator = BigInt(this.smallNumerator);
    return this.bigNumerator;
  }

  get denominator(): bigint {
    if (this.bigDenominator === undefined) this.bigDenominator = BigInt(this.smallDenominator);
    return this.bigDenominator;
  }

  /** Both small: the double fast paths apply. */
  private smallWith(other: Rational): boolean {
    return (
      this.smallNumerator === this.smallNumerator && other.smallNumerator === other.smallNumerator
    );
  }

  /** numerator / denominator, normalized. */
  static of(numerator: bigint | number, denominator: bigint | number = 1n): Rational {
    if (
      typeof numerator === 'number' &&
      typeof denominator === 'number' &&
      Number.isSafeInteger(numerator) &&
      Number.isSafeInteger(denominator) &&
      denominator !== 0
    ) {
      const sign = denominator < 0 ? -1 : 1;
      const divisor = numberGcd(Math.abs(numerator), Math.abs(denominator));
      return Rational.makeFromNumbers((sign * numerator) / divisor, (sign * denominator) / divisor);
    }
    let top = BigInt(numerator);
    let bottom = BigInt(denominator);
    if (bottom === 0n) throw new RationalError('division by zero');
    if (bottom < 0n) {
      top = -top;
      bottom = -bottom;
    }
    if (bottom === 1n) return Rational.make(top, 1n);
    const divisor = greatestCommonDivisor(top, bottom);
    if (divisor === 1n) return Rational.make(top, bottom);
    return Rational.make(top / divisor, bottom / divisor);
  }

  static fromInteger(value: bigint | number): Rational {
    if (typeof value === 'number' && !Number.isSafeInteger(value)) {
      throw new RationalError(`${value} is not a safe integer`);
    }
    return typeof value === 'number'
      ? Rational.makeFromNumbers(value === 0 ? 0 : value, 1)
      : Rational.make(value, 1n);
  }

  /** The exact value of a finite double (every double is a dyadic rational). */
  static fromNumber(value: number): Rational {
    if (!Number.isFinite(value)) throw new RationalError(`${value} is not a finite number`);
    if (Number.isInteger(value)) return Rational.make(BigInt(value), 1n);
    let denominator = 1n;
    let scaled = value;
    while (!Number.isInteger(scaled)) {
      scaled *= 2;
      denominator *= 2n;
    }
    return Rational.of(BigInt(scaled), denominator);
  }

  isZero(): boolean {
    return this.smallNumerator === 0;
  }

  isOne(): boolean {
    return this.smallNumerator === 1 && this.smallDenominator === 1;
  }

  isInteger(): boolean {
    return this.smallNumerator === this.smallNumerator
      ? this.smallDenominator === 1
      : this.bigDenominator === 1n;
  }

  sign(): -1 | 0 | 1 {
    if (this.smallNumerator === this.smallNumerator) {
      return this.smallNumerator < 0 ? -1 : this.smallNumerator > 0 ? 1 : 0;
    }
    return this.bigNumerator! < 0n ? -1 : 1;
  }

  /**
   * Henrici's addition (Knuth TAOCP vol. 2 §4.5.1): with g = gcd(b, d), a/b + c/d needs only
   * gcd(t, g) for t = a·(d/g) + c·(b/g) — small numbers — not a gcd of the full cross products.
   * Small operands are added in exact double arithmetic (every product stays below 2^52).
   */
  add(other: Rational): Rational {
    if (this.smallWith(other)) {
      const a = this.smallNumerator;
      const b = this.smallDenominator;
      const c = other.smallNumerator;
      const d = other.smallDenominator;
      if (a === 0) return other;
      if (c === 0) return this;
      const g = numberGcd(b, d);
      const bOverG = b / g;
      const t = a * (d / g) + c * bOverG;
      if (t === 0) return Rational.zero;
      const h = g === 1 ? 1 : numberGcd(Math.abs(t), g);
      return Rational.makeFromNumbers(t / h, bOverG * (d / h));
    }
    const b = this.denominator;
    const d = other.denominator;
    if (b === 1n && d === 1n) return Rational.make(this.numerator + other.numerator, 1n);
    if (this.isZero()) return other;
    if (other.isZero()) return this;
    const g = greatestCommonDivisor(b, d);
    if (g === 1n) {
      return Rational.make(this.numerator * d + other.numerator * b, b * d);
    }
    const bOverG = b / g;
    const t = this.numerator * (d / g) + other.numerator * bOverG;
    if (t === 0n) return Rational.zero;
    const h = greatestCommonDivisor(t, g);
    return h === 1n ? Rational.make(t, bOverG * d) : Rational.make(t / h, bOverG * (d / h));
  }

  subtract(other: Rational): Rational {
    return this.add(other.negate());
  }

  multiply(other: Rational): Rational {
    if (this.smallWith(other)) {
      const a = this.smallNumerator;
      const c = other.smallNumerator;
      if (a === 0 || c === 0) return Rational.zero;
      const b = this.smallDenominator;
      const d = other.smallDenominator;
      // Cross-cancel first so the products stay small.
      const first = numberGcd(Math.abs(a), d);
      const second = numberGcd(Math.abs(c), b);
      return Rational.makeFromNumbers((a / first) * (c / second), (b / second) * (d / first));
    }
    if (this.denominator === 1n && other.denominator === 1n) {
      return Rational.make(this.numerator * other.numerator, 1n);
    }
    const first = greatestCommonDivisor(this.numerator, other.denominator);
    const second = greatestCommonDivisor(other.numerator, this.denominator);
    const divisorA = first === 0n ? 1n : first;
    const divisorB = second === 0n ? 1n : second;
    return Rational.make(
      (this.numerator / divisorA) * (other.numerator / divisorB),
      (this.denominator / divisorB) * (other.denominator / divisorA),
    );
  }

  divide(other: Rational): Rational {
    return this.multiply(other.reciprocal());
  }

  reciprocal(): Rational {
    if (this.isZero()) throw new RationalError('division by zero');
    if (this.smallNumerator === this.smallNumerator) {
      const n = this.smallNumerator;
      const d = this.smallDenominator;
      return n < 0 ? Rational.makeFromNumbers(-d, -n) : Rational.makeFromNumbers(d, n);
    }
    return this.bigNumerator! < 0n
      ? Rational.make(-this.bigDenominator!, -this.bigNumerator!)
      : Rational.make(this.bigDenominator!, this.bigNumerator!);
  }

  negate(): Rational {
    if (this.smallNumerator === this.smallNumerator) {
      return Rational.makeFromNumbers(
        this.smallNumerator === 0 ? 0 : -this.smallNumerator,
        this.smallDenominator,
      );
    }
    return Rational.make(-this.bigNumerator!, this.bigDenominator!);
  }

  abs(): Rational {
    return this.sign() < 0 ? this.negate() : this;
  }

  /** this^exponent for an integer exponent (negative powers invert). */
  power(exponent: number): Rational {
    if (!Number.isSafeInteger(exponent)) throw new RationalError('exponent must be an integer');
    if (exponent < 0) return this.reciprocal().power(-exponent);
    const power = BigInt(exponent);
    return Rational.make(this.numerator ** power, this.denominator ** power);
  }

  /** -1, 0 or 1 as this is less than, equal to or greater than other. */
  compare(other: Rational): -1 | 0 | 1 {
    if (this.smallWith(other)) {
      const left = this.smallNumerator * other.smallDenominator;
      const right = other.smallNumerator * this.smallDenominator;
      return left < right ? -1 : left > right ? 1 : 0;
    }
    const left = this.numerator * other.denominator;
    const right = other.numerator * this.denominator;
    return left < right ? -1 : left > right ? 1 : 0;
  }

  equals(other: Rational): boolean {
    if (
      this.smallNumerator === this.smallNumerator ||
      other.smallNumerator === other.smallNumerator
    ) {
      return (
        this.smallNumerator === other.smallNumerator &&
        this.smallDenominator === other.smallDenominator
      );
    }
    return this.bigNumerator === other.bigNumerator && this.bigDenominator === other.bigDenominator;
  }

  /** "3", "-1/2". */
  toString(): string {
    if (this.smallNumerator === this.smallNumerator) {
      return this.smallDenominator === 1
        ? String(this.smallNumerator)
        : `${this.smallNumerator}/${this.smallDenominator}`;
    }
    return this.bigDenominator === 1n
      ? this.bigNumerator!.toString()
      : `${this.bigNumerator!.toString()}/${this.bigDenominator!.toString()}`;
  }

  /** Nearest double, also for numerators and denominators beyond 2^1023. */
  toNumber(): number {
    if (this.smallNumerator === this.smallNumerator)
      return this.smallNumerator / this.smallDenominator;
    return nearestDouble(this.numerator, this.denominator);
  }

  /** A normalized rational without the gcd (see trustedRational). */
  static trusted(numerator: bigint, denominator: bigint): Rational {
    return Rational.make(numerator, denominator);
  }
}

/**
 * The double nearest n/d (d > 0), ties to even, rounded once. Dividing the two converted integers
 * rounds three times (an ulp off at worst) and gives NaN when both exceed 2^1024; here the quotient
 * is formed on BigInt to 63–69 bits with the remainder as a sticky last bit, so its conversion is
 * the one rounding; a subnormal result is rounded at 2^-1074 instead, where its last bit lies.
 */
export function nearestDouble(n: bigint, d: bigint): number {
  if (n === 0n) return 0;
  const negative = n < 0n;
  const a = negative ? -n : n;
  // Both exact as doubles: the division is the one rounding.
  if (a <= safeInteger && d <= safeInteger) return Number(n) / Number(d);
  const shift = 66 - (approximateBitLength(a) - approximateBitLength(d));
  const [quotient, exact] = scaledQuotient(a, d, shift);
  const magnitude = scaleByPowerOfTwo(Number(exact ? quotient : quotient | 1n), -shift);
  if (magnitude >= 2 ** -1022) return negative ? -magnitude : magnitude;
  // Subnormal (or zero): round a·2^1074/d to an integer, half to even; it fits in 53 bits.
  const [units, unitsExact] = scaledQuotient(a, d, 1074);
  let rounded = units;
  if (!unitsExact) {
    const twice = 2n * ((a << 1074n) - units * d);
    if (twice > d || (twice === d && (units & 1n) === 1n)) rounded += 1n;
  }
  const tiny = Number(rounded) * Number.MIN_VALUE;
  return negative ? -tiny : tiny;
}

/** floor(a·2^shift / d), and whether the division was exact. */
function scaledQuotient(a: bigint, d: bigint, shift: number): [bigint, boolean] {
  const top = shift >= 0 ? a << BigInt(shift) : a;
  const bottom = shift >= 0 ? d : d << BigInt(-shift);
  const quotient = top / bottom;
  return [quotient, quotient * bottom === top];
}

/** x·2^power, exact while the result is a normal double (two steps: 2^±1100 is not one). */
function scaleByPowerOfTwo(x: number, power: number): number {
  const half = Math.trunc(power / 2);
  return x * 2 ** half * 2 ** (power - half);
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

/** Builds a normalized rational without the gcd, for callers that already know gcd = 1 and den > 0. */
export function trustedRational(numerator: bigint, denominator: bigint): Rational {
  return Rational.trusted(numerator, denominator);
}
