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
