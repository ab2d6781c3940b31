// Whether a cell is a small arithmetic expression the exact core can read ("sqrt(2)", "pi/4",
// "2^(1/3)", "-(1/2 + 3)"): numbers, + - * / ^, parentheses, and a short list of constants and
// functions. A single left-to-right scan with a token state machine, O(length), no regular
// expression that could backtrack.

// Names mathjs (and so core/exact/entry.ts) evaluates, plus the non-finite words files write.
const constants = new Set(['pi', 'e', 'inf', 'infinity', 'nan', 'tau', 'phi']);
const functions = new Set([
  'sqrt',
  'cbrt',
  'exp',
  'log',
  'log10',
  'log2',
  'sin',
  'cos',
  'tan',
  'abs',
]);
const maximumDepth = 64;

export function isExpressionText(text: string): boolean {
  let position = 0;
  let expectOperand = true;
  let depth = 0;
  const length = text.length;
  const isDigit = (code: number) => code >= 48 && code <= 57;
  const isLetter = (code: number) => (code >= 65 && code <= 90) || (code >= 97 && code <= 122);
  while (position < length) {
    const character = text[position];
    const code = text.charCodeAt(position);
    if (character === ' ' || character === '\t') {
      position++;
      continue;
    }
    if (expectOperand) {
      if (character === '+' || character === '-') {
        position++; // unary sign
      } else if (character === '(') {
        if (++depth > maximumDepth) return false;
        position++;
      } else if (isDigit(code) || character === '.') {
        // Decimal with optional exponent.
        const start = position;
        while (position < length && isDigit(text.charCodeAt(position))) position++;
        if (text[position] === '.') {
          position++;
          while (position < length && isDigit(text.charCodeAt(position))) position++;
        }
        if (position - start === 1 && character === '.') return false; // a lone '.'
        if (text[position] === 'e' || text[position] === 'E') {
          let probe = position + 1;
          if (text[probe] === '+' || text[probe] === '-') probe++;
          if (isDigit(text.charCodeAt(probe))) {
            position = probe;
            while (position < length && isDigit(text.charCodeAt(position))) position++;
          }
        }
        expectOperand = false;
      } else if (isLetter(code)) {
        const start = position;
        while (
          position < length &&
          (isLetter(text.charCodeAt(position)) || isDigit(text.charCodeAt(position)))
        ) {
          position++;
        }
        const name = text.slice(start, position).toLowerCase();
        if (functions.has(name)) {
          while (text[position] === ' ') position++;
          if (text[position] !== '(') return false;
          if (++depth > maximumDepth) return false;
          position++;
        } else if (constants.has(name)) {
          expectOperand = false;
        } else {
          return false;
        }
      } else {
        return false;
      }
    } else {
      if (
        character === '+' ||
        character === '-' ||
        character === '*' ||
        character === '/' ||
        character === '^'
      ) {
        expectOperand = true;
        position++;
      } else if (character === ')') {
        if (--depth < 0) return false;
        position++;
      } else {
        return false;
      }
    }
  }
  return !expectOperand && depth === 0;
}
