// Reads one number at a position of a UTF-8 text straight to the nearest double, and says how it was
// written (integer, fraction, decimal, non-finite), in one left-to-right scan that allocates
// nothing. Method: the significant digits M (up to 19) and the power of ten e are gathered as the
// scan goes. M < 2^53 with |e| ≤ 22 rounds correctly in one IEEE operation (Clinger's fast path,
// "How to read floating point numbers accurately", PLDI 1990); otherwise M·10^e is formed in
// double-double arithmetic (Dekker 1971), exact to about 2^-100, and rounded once — unless it lies
// within 2^-20 of an ulp of a rounding boundary, where (as for > 19 digits or |e| > 44) Number()
// decides. O(length of the number).

/** How a number was written; the order is from narrowest to widest. */
export const NumberKind = {
  integer: 0,
  fraction: 1,
  decimal: 2,
  nonFinite: 3,
} as const;
export type NumberKind = (typeof NumberKind)[keyof typeof NumberKind];

/** Set by scanNumber: where the number ended, and its kind (-1 when no number starts there). */
export const scanned = { end: 0, kind: -1 as number };

const twoTo53 = 2 ** 53;
const powersOfTen = Array.from({ length: 23 }, (_, k) => Number(`1e${k}`));
const splitFactor = 134217729; // 2^27 + 1, Veltkamp's splitter for Dekker's exact product

/**
 * The number that starts at `start`: [+-] digits [. digits] [e[+-]digits] [/ unsigned decimal],
 * or inf / infinity / nan in any case. With `decimalComma`, "1,5" is 1.5. Stops at the first
 * character that cannot continue the number; callers check what follows (`scanned.end`).
 */
export function scanNumber(text: Uint8Array, start: number, decimalComma = false): number {
  let position = start;
  const code = text[position];
  let negative = false;
  if (code === 45 || code === 43) {
    negative = code === 45;
    position++;
  }
  const letter = text[position] | 32;
  if (letter === 105 || letter === 110) return scanWord(text, position, negative);
  const end = scanDecimal(text, position, decimalComma);
  if (end < 0) return fail(position);
  let value = decimalValue(text, position, end, decimalComma);
  if (negative) value = -value;
  position = end;
  let kind: number = decimal[IsInteger] === 1 ? NumberKind.integer : NumberKind.decimal;
  if (text[position] === 47 /* / */) {
    const numeratorWasInteger = decimal[IsInteger] === 1;
    const denominatorEnd = scanDecimal(text, position + 1, decimalComma);
    // "3/" is the number 3 followed by "/": the caller sees the '/' and refuses the cell.
    if (denominatorEnd >= 0) {
      value /= decimalValue(text, position + 1, denominatorEnd, decimalComma);
      kind =
        numeratorWasInteger && decimal[IsInteger] === 1 ? NumberKind.fraction : NumberKind.decimal;
      position = denominatorEnd;
    }
  }
  scanned.end = position;
  scanned.kind = kind;
  return value;
}

const latin1 = new TextDecoder('latin1');

/** Digits and signs as a string (they are ASCII). */
function asciiText(text: Uint8Array, start: number, end: number): string {
  return end - start <= 64
    ? String.fromCharCode(...text.subarray(start, end))
    : latin1.decode(text.subarray(start, end));
}

function fail(position: number): number {
  scanned.end = position;
  scanned.kind = -1;
  return NaN;
}

function scanWord(text: Uint8Array, position: number, negative: boolean): number {
  let word = '';
  for (let k = position; k < position + 8 && k < text.length; k++)
    word += String.fromCharCode(text[k] | 32);
  let length: number;
  let value: number;
  if (word.startsWith('nan')) [length, value] = [3, NaN];
  else if (word.startsWith('infinity')) [length, value] = [8, negative ? -Infinity : Infinity];
  else if (word.startsWith('inf')) [length, value] = [3, negative ? -Infinity : Infinity];
  else return fail(position);
  // "info" or "nano" are words, not numbers.
  if (isWordCharacter(text[position + length])) return fail(position);
  scanned.end = position + length;
  scanned.kind = NumberKind.nonFinite;
  return value;
}

function isWordCharacter(code: number): boolean {
  return (code >= 48 && code <= 57) || ((code | 32) >= 97 && (code | 32) <= 122) || code === 95;
}

// The last scanDecimal's results. The value is (high·10^lowDigits + low)·10^exponent, high holding
// the first 15 significant digits and low the next (at most 4). Kept in a typed array: doubles
// stored in module variables would be boxed on every write, which costs more than the scan.
const decimal = new Float64Array(6);
const High = 0;
const Low = 1;
const LowDigits = 2;
const Exponent = 3;
/** 1 when a non-zero digit beyond the 19th was dropped. */
const Truncated = 4;
/** 1 when the decimal had no point and no exponent. */
const IsInteger = 5;

/**
 * An unsigned decimal from `start`: returns the position after it, or -1 when no digit is there.
 */
function scanDecimal(text: Uint8Array, start: number, decimalComma: boolean): number {
  let position = start;
  let significant = 0;
  let digits = 0;
  let high = 0;
  let low = 0;
  let lowDigits = 0;
  let exponent = 0;
  let truncated = 0;
  let code = text[position];
  while (code >= 48 && code <= 57) {
    const digit = code - 48;
    if (significant > 0 || digit !== 0) {
      if (significant < 15) high = high * 10 + digit;
      else if (significant < 19) {
        low = low * 10 + digit;
        lowDigits++;
      } else {
        exponent++;
        if (digit !== 0) truncated = 1;
      }
      significant++;
    }
    digits++;
    code = text[++position];
  }
  let isInteger = 1;
  if (code === 46 || (decimalComma && code === 44)) {
    const next = text[position + 1];
    // "1," in a comma-decimal file is "1" followed by ','; "1." is the decimal 1.
    if (code === 46 || (next >= 48 && next <= 57)) {
      isInteger = 0;
      code = text[++position];
      while (code >= 48 && code <= 57) {
        const digit = code - 48;
        if (significant > 0 || digit !== 0) {
          if (significant < 15) {
            high = high * 10 + digit;
            exponent--;
          } else if (significant < 19) {
            low = low * 10 + digit;
            lowDigits++;
            exponent--;
          } else if (digit !== 0) truncated = 1;
          significant++;
        } else exponent--;
        digits++;
        code = text[++position];
      }
    }
  }
  if (digits === 0) return -1;
  if ((code | 32) === 101 /* e */) {
    let probe = position + 1;
    let sign = 1;
    const signCode = text[probe];
    if (signCode === 45 || signCode === 43) {
      if (signCode === 45) sign = -1;
      probe++;
    }
    let digit = text[probe];
    if (digit >= 48 && digit <= 57) {
      let power = 0;
      while (digit >= 48 && digit <= 57) {
        if (power < 100_000) power = power * 10 + (digit - 48);
        digit = text[++probe];
      }
      exponent += sign * power;
      isInteger = 0;
      position = probe;
    }
  }
  decimal[High] = high;
  decimal[Low] = low;
  decimal[LowDigits] = lowDigits;
  decimal[Exponent] = exponent;
  decimal[Truncated] = truncated;
  decimal[IsInteger] = isInteger;
  return position;
}

/** The nearest double to the unsigned decimal just scanned over [start, end). */
function decimalValue(text: Uint8Array, start: number, end: number, decimalComma: boolean): number {
  const high = decimal[High];
  const lowDigits = decimal[LowDigits];
  const exponent = decimal[Exponent];
  if (high === 0) return 0;
  if (decimal[Truncated] === 0) {
    const mantissa = lowDigits === 0 ? high : high * powersOfTen[lowDigits] + decimal[Low];
    if (mantissa < twoTo53) {
      if (exponent === 0) return mantissa;
      if (exponent < 0 && exponent >= -22) return mantissa / powersOfTen[-exponent];
      if (exponent > 0 && exponent <= 22) return mantissa * powersOfTen[exponent];
    }
    if (exponent >= -44 && exponent <= 44) {
      const value = doubleDoubleValue(high, decimal[Low], lowDigits, exponent);
      if (!Number.isNaN(value)) return value;
    }
  }
  const written = asciiText(text, start, end);
  return Number(decimalComma ? written.replace(',', '.') : written);
}

// Double-double arithmetic: a value is hi + lo with |lo| ≤ ulp(hi)/2. Pairs come back through a
// typed array, for the reason given above.
const pair = new Float64Array(2);

/** pair = a·b exactly (Dekker's product; no overflow for the magnitudes met here). */
function twoProduct(a: number, b: number): void {
  const product = a * b;
  let scaled = splitFactor * a;
  const aHigh = scaled - (scaled - a);
  const aLow = a - aHigh;
  scaled = splitFactor * b;
  const bHigh = scaled - (scaled - b);
  const bLow = b - bHigh;
  pair[0] = product;
  pair[1] = aHigh * bHigh - product + aHigh * bLow + aLow * bHigh + aLow * bLow;
}

/** pair = (hi + lo)·p or (hi + lo)/p for a power of ten p, to about 2^-104 relative. */
function scale(hi: number, lo: number, power: number, divide: boolean): void {
  let first: number;
  let second: number;
  if (divide) {
    first = hi / power;
    twoProduct(first, power);
    // hi − first·p is exact (Sterbenz): first·p is within a rounding of hi.
    second = (hi - pair[0] - pair[1] + lo) / power;
  } else {
    twoProduct(hi, power);
    first = pair[0];
    second = pair[1] + lo * power;
  }
  const sum = first + second;
  pair[0] = sum;
  pair[1] = second - (sum - first);
}

/** (high·10^lowDigits + low)·10^exponent rounded once, or NaN when too near a tie to be sure. */
function doubleDoubleValue(high: number, low: number, lowDigits: number, exponent: number): number {
  let hi = high;
  let lo = 0;
  if (lowDigits > 0) {
    twoProduct(high, powersOfTen[lowDigits]);
    hi = pair[0] + low;
    lo = pair[1] + (low - (hi - pair[0]));
  }
  let remaining = exponent;
  while (remaining !== 0) {
    const step = Math.max(-22, Math.min(22, remaining));
    scale(hi, lo, powersOfTen[Math.abs(step)], step < 0);
    hi = pair[0];
    lo = pair[1];
    remaining -= step;
  }
  // hi is the sum rounded; it is the nearest double to the true value unless the error of about
  // 2^-100 could carry lo across half an ulp, which nudging lo by 2^-20 of itself would show.
  const above = hi + lo * (1 + 2 ** -20);
  const below = hi + lo * (1 - 2 ** -20);
  return above === below ? above : NaN;
}
