// How every number is written for a person — on screen, in exports, in the CLI's text: three
// significant digits, a true minus sign (U+2212), and e-notation outside [10⁻³, 10⁵), always
// written "8.88e−16". One style, chosen here, so the same value reads the same everywhere.

const minus = '\u2212';

/** Values whose magnitude lies in [smallestPlain, largestPlain) are written without exponent. */
const smallestPlain = 1e-3;
const largestPlain = 1e5;

/** 0.333, −2.5, 1.2e+6 → "1.2e6", 8.881784e−16 → "8.88e−16", ∞, NaN. */
export function formatNumber(value: number, significantDigits = 3): string {
  if (value === 0) return '0';
  if (Number.isNaN(value)) return 'NaN';
  if (!Number.isFinite(value)) return value > 0 ? '∞' : `${minus}∞`;
  const magnitude = Math.abs(value);
  let text: string;
  if (magnitude >= smallestPlain && magnitude < largestPlain) {
    // Number(…) drops trailing zeros: 2.50 → 2.5; rounding to 1e5 falls back to e-notation.
    const rounded = Number(magnitude.toPrecision(significantDigits));
    text = rounded < largestPlain ? String(rounded) : exponential(magnitude, significantDigits);
  } else {
    text = exponential(magnitude, significantDigits);
  }
  return value < 0 ? minus + text : text;
}

function exponential(magnitude: number, significantDigits: number): string {
  const [mantissa, exponent] = magnitude.toExponential(significantDigits - 1).split('e');
  const trimmed = mantissa.includes('.') ? mantissa.replace(/\.?0+$/, '') : mantissa;
  const power = Number(exponent);
  return `${trimmed}e${power < 0 ? minus : ''}${Math.abs(power)}`;
}

/** The same text with ASCII hyphen-minus, for places that must stay machine-readable (CSV). */
export function asciiNumber(text: string): string {
  return text.replaceAll(minus, '-');
}

/**
 * A fraction written as a percentage with `decimals` places: 0.98765 → "98.77%", −0.5 → "−50%"
 * with one decimal → "−50.0%". A value that is not 0 or 1 never reads as "0%" or "100%": it
 * reads "<0.01%" or ">99.99%", so kept energy short of all of it never looks like all of it.
 */
export function formatPercent(fraction: number, decimals = 2): string {
  if (Number.isNaN(fraction)) return 'NaN';
  if (!Number.isFinite(fraction)) return `${formatNumber(fraction)}%`;
  const percent = fraction * 100;
  const half = 10 ** -decimals / 2;
  const bound = (value: number) => value.toFixed(decimals);
  // Within 1e−12 of none or all is rounding in a floating sum, not a share short of it.
  const rounding = 1e-10;
  const nearZero = Math.abs(percent);
  if (nearZero > rounding && nearZero < half)
    return percent < 0 ? `>${minus}${bound(2 * half)}%` : `<${bound(2 * half)}%`;
  const nearAll = Math.abs(percent - 100);
  if (nearAll > rounding && nearAll < half)
    return percent < 100 ? `>${bound(100 - 2 * half)}%` : `<${bound(100 + 2 * half)}%`;
  const text = Math.abs(percent).toFixed(decimals);
  return `${percent < 0 && Number(text) !== 0 ? minus : ''}${text}%`;
}
