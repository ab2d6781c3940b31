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
 * The double of the last scan. A double handed back from a call that is not inlined is boxed in
 * a fresh heap object; reading a million cells that way is a million allocations to collect, so
 * the hot readers take it from here (scanNumber returns it for everyone else).
 */
export const scannedValue = new Float64Array(1);

/**
 * Scans the number that starts at `start`: [+-] digits [. digits] [e[+-]digits] [/ unsigned
 * decimal], or inf / infinity / nan in any case. With `decimalComma`, "1,5" is 1.5. Stops at the
 * first character that cannot continue the number; callers check what follows (`scanned.end`)
 * and read the double from `scannedValue[0]`.
 */
export function scan(text: Uint8Array, start: number, decimalComma = false): void {
  let position = start;
  const code = text[position];
  let negative = false;
  if (code === 45 || code === 43) {
    negative = code === 45;
    position++;
  }
  const letter = text[position] | 32;
  if (letter === 105 || letter === 110) {
    scanWord(text, position, negative);
    return;
  }
  const end = scanDecimal(text, position, decimalComma);
  if (end < 0) {
    fail(position);
    return;
  }
  decimalValue(text, position, end, decimalComma);
  let value = negative ? -scannedValue[0] : scannedValue[0];
  position = end;
  let kind: number = decimal[IsInteger] === 1 ? NumberKind.integer : NumberKind.decimal;
  if (text[position] === 47 /* / */) {
    const numeratorWasInteger = decimal[IsInteger] === 1;
    const denominatorEnd = scanDecimal(text, position + 1, decimalComma);
    // "3/" is the number 3 followed by "/": the caller sees the '/' and refuses the cell.
    if (denominatorEnd >= 0) {
      decimalValue(text, position + 1, denominatorEnd, decimalComma);
      value /= scannedValue[0];
      kind =
        numeratorWasInteger && decimal[IsInteger] === 1 ? NumberKind.fraction : NumberKind.decimal;
      position = denominatorEnd;
    }
  }
  scannedValue[0] = value;
  scanned.end = position;
  scanned.kind = kind;
}

/** scan, returning the double (for callers outside the hot loops). */
export function scanNumber(text: Uint8Array, start: number, decimalComma = false): number {
  scan(text, start, decimalComma);
  return scannedValue[0];
}

const latin1 = new TextDecoder('latin1');

/** Digits and signs as a string (they are ASCII). */
function asciiText(text: Uint8Array, start: number, end: number): string {
  return end - start <= 64
    ? String.fromCharCode(...text.subarray(start, end))
    : latin1.decode(text.subarray(start, end));
}

function fail(position: number): void {
  scanned.end = position;
  scanned.kind = -1;
  scannedValue[0] = NaN;
}

function scanWord(text: Uint8Array, position: number, negative: boolean): void {
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
  scannedValue[0] = value;
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

/** scannedValue[0] = the nearest double to the unsigned decimal just scanned over [start, end). */
function decimalValue(text: Uint8Array, start: number, end: number, decimalComma: boolean): void {
  const high = decimal[High];
  const lowDigits = decimal[LowDigits];
  const exponent = decimal[Exponent];
  if (high === 0) {
    scannedValue[0] = 0;
    return;
  }
  if (decimal[Truncated] === 0) {
    const mantissa = lowDigits === 0 ? high : high * powersOfTen[lowDigits] + decimal[Low];
    if (mantissa < twoTo53 && exponent >= -22 && exponent <= 22) {
      scannedValue[0] =
        exponent === 0
          ? mantissa
          : exponent < 0
            ? mantissa / powersOfTen[-exponent]
            : mantissa * powersOfTen[exponent];
      return;
    }
    if (exponent >= -44 && exponent <= 44 && doubleDoubleValue()) return;
  }
  const written = asciiText(text, start, end);
  scannedValue[0] = Number(decimalComma ? written.replace(',', '.') : written);
}

/**
 * scannedValue[0] = (high·10^lowDigits + low)·10^exponent (from `decimal`) rounded once, in
 * double-double arithmetic (a value is hi + lo, |lo| ≤ ulp(hi)/2); false when it lies too near a
 * tie to be sure. Written as one function of local variables: doubles passed between calls that
 * are not inlined would each be boxed, several allocations per number read.
 */
function doubleDoubleValue(): boolean {
  const high = decimal[High];
  const lowDigits = decimal[LowDigits];
  let hi = high;
  let lo = 0;
  let scaled: number;
  let aHigh: number;
  let aLow: number;
  let bHigh: number;
  let bLow: number;
  if (lowDigits > 0) {
    // hi + lo = high·10^lowDigits exactly (Dekker's product, Veltkamp's split), then + low.
    const power = powersOfTen[lowDigits];
    const product = high * power;
    scaled = splitFactor * high;
    aHigh = scaled - (scaled - high);
    aLow = high - aHigh;
    scaled = splitFactor * power;
    bHigh = scaled - (scaled - power);
    bLow = power - bHigh;
    const error = aHigh * bHigh - product + aHigh * bLow + aLow * bHigh + aLow * bLow;
    const low = decimal[Low];
    hi = product + low;
    lo = error + (low - (hi - product));
  }
  let remaining = decimal[Exponent];
  while (remaining !== 0) {
    const step = remaining < -22 ? -22 : remaining > 22 ? 22 : remaining;
    const power = powersOfTen[step < 0 ? -step : step];
    let first: number;
    let second: number;
    if (step < 0) {
      // (hi + lo)/p: hi − first·p is exact (Sterbenz), as first·p is within a rounding of hi.
      first = hi / power;
      const product = first * power;
      scaled = splitFactor * first;
      aHigh = scaled - (scaled - first);
      aLow = first - aHigh;
      scaled = splitFactor * power;
      bHigh = scaled - (scaled - power);
      bLow = power - bHigh;
      const error = aHigh * bHigh - product + aHigh * bLow + aLow * bHigh + aLow * bLow;
      second = (hi - product - error + lo) / power;
    } else {
      // (hi + lo)·p: hi·p exactly, plus lo·p.
      first = hi * power;
      scaled = splitFactor * hi;
      aHigh = scaled - (scaled - hi);
      aLow = hi - aHigh;
      scaled = splitFactor * power;
      bHigh = scaled - (scaled - power);
      bLow = power - bHigh;
      second = aHigh * bHigh - first + aHigh * bLow + aLow * bHigh + aLow * bLow + lo * power;
    }
    hi = first + second;
    lo = second - (hi - first);
    remaining -= step;
  }
  // hi is the sum rounded; it is the nearest double to the true value unless the error of about
  // 2^-100 could carry lo across half an ulp, which nudging lo by 2^-20 of itself would show.
  const above = hi + lo * (1 + 2 ** -20);
  const below = hi + lo * (1 - 2 ** -20);
  if (above !== below) return false;
  scannedValue[0] = above;
  return true;
}
