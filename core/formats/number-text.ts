// What a matrix file may write as a number: decimals with optional exponent ("-1.5e-3", "2.",
// ".5"), fractions of two decimals ("3/4", "-1/2"), and inf / infinity / nan in any case.
// Patterns are written without ambiguous repetition, so a long hostile cell is rejected in
// linear time.

const decimal = String.raw`(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?`;
const numberPattern = new RegExp(
  String.raw`^[+-]?(?:${decimal}(?:/${decimal})?|inf|infinity|nan)$`,
  'i',
);

export function isNumberText(text: string): boolean {
  return numberPattern.test(text);
}

/** The nearest double to a number text, or undefined when it is not one. */
export function numberFromText(text: string): number | undefined {
  if (!numberPattern.test(text)) return undefined;
  const lower = text.toLowerCase();
  const sign = lower.startsWith('-') ? -1 : 1;
  const unsigned = lower.replace(/^[+-]/, '');
  if (unsigned === 'nan') return NaN;
  if (unsigned === 'inf' || unsigned === 'infinity') return sign * Infinity;
  const slash = unsigned.indexOf('/');
  if (slash < 0) return sign * Number(unsigned);
  return (sign * Number(unsigned.slice(0, slash))) / Number(unsigned.slice(slash + 1));
}

/** "1,5" → "1.5" for text written with a decimal comma (when ',' is not the delimiter). */
export function normalizeDecimalComma(text: string): string {
  return /^[+-]?\d+,\d+(?:[eE][+-]?\d+)?$/.test(text) ? text.replace(',', '.') : text;
}
