// Whether a matrix's decimals are read as the exact numbers written or as floating data. A short
// decimal typed by hand ("0.5", "1.25") means that number; a decimal from a file, or one with
// many digits ("0.30000000000000004", "3.1e-16"), is a floating value someone computed, and its
// last digits are rounding — reading it exactly can turn a rank-2 matrix into a rank-3 one.

/** How a matrix's decimals are read: exactly as written, or as floating-point data. */
export type DecimalReading = 'exact' | 'floating';

/** A hand-typed decimal with more significant digits than this is taken for computed data. */
export const longestShortDecimal = 6;

// A decimal literal inside a cell: digits with a point, or with an exponent (integers and
// fractions of integers are exact under every reading).
const decimalLiteral = /(?:\d+\.\d*|\.\d+|\d+)(?:[eE][+-]?\d+)?/g;

function isDecimalLiteral(literal: string): boolean {
  return /[.eE]/.test(literal);
}

function significantDigits(literal: string): number {
  const mantissa = literal.replace(/[eE].*$/, '').replace('.', '');
  return mantissa.replace(/^0+/, '').replace(/0+$/, '').length;
}

/** The cell writes a decimal (not only integers and fractions of integers). */
export function hasDecimal(cell: string): boolean {
  return (cell.match(decimalLiteral) ?? []).some(isDecimalLiteral);
}

/** The cell writes a decimal with more than `longestShortDecimal` significant digits. */
export function hasLongDecimal(cell: string): boolean {
  return (cell.match(decimalLiteral) ?? []).some(
    (literal) => isDecimalLiteral(literal) && significantDigits(literal) > longestShortDecimal,
  );
}

/**
 * The reading a person would expect when none was chosen: decimals from a file are floating
 * data; typed decimals are exact unless one of them is long.
 */
export function defaultDecimalReading(
  cells: readonly (readonly string[])[],
  origin: 'typed' | 'file',
): DecimalReading {
  if (origin === 'file') return 'floating';
  return cells.some((row) => row.some(hasLongDecimal)) ? 'floating' : 'exact';
}

/** Under this reading, is the matrix read as floating data (a decimal is present and read so)? */
export function readsAsFloating(
  cells: readonly (readonly string[])[],
  reading: DecimalReading,
): boolean {
  return reading === 'floating' && cells.some((row) => row.some(hasDecimal));
}
