// Reads a row operation as a person types it — "R2 <- R2 - 2R1", "R2 - 2R1 -> R2" (the target on
// the right, as many textbooks write it), "R2 = R2 - 2*R1", "R1 <-> R3", "R3 *= 1/2",
// "R3 -> (1/2)R3" — into data (rows 0-based, exact factor), or explains what is wrong.
// Method: split the right-hand side into ±coefficient·R_k terms at top-level signs and collect
// coefficients per row. Cost linear in the text length.
import { Rational } from './rational';
import { EntryError, parseEntry } from './entry';

export type RowOperation =
  | { kind: 'swap'; rows: [number, number] }
  | { kind: 'scale'; rows: [number]; factor: Rational }
  | { kind: 'add'; rows: [number, number]; factor: Rational };

export class CommandError extends Error {
  override name = 'CommandError';
}

const swapPattern = /^R\s*(\d+)\s*(?:<->|<=>|↔|⇔|<>)\s*R\s*(\d+)$/i;
const compoundPattern = /^R\s*(\d+)\s*([*/])=\s*(.+)$/i;
const assignmentPattern = /^R\s*(\d+)\s*(?:<-|←|->|→|:=|=)\s*(.+)$/i;
/** "R2 - 2R1 -> R2": an expression, then an arrow to the row it replaces. */
const targetOnRightPattern = /^(.+?)\s*(?:->|→|⟶)\s*R\s*(\d+)$/i;
const singleRowPattern = /^R\s*\d+$/i;
const termPattern = /^(.*?)\s*\*?\s*R\s*(\d+)\s*(?:([*/])\s*(.+))?$/i;

function rowIndex(text: string): number {
  const number = Number(text);
  if (number < 1) throw new CommandError('rows are numbered from 1: there is no R0');
  return number - 1;
}

function exactFactor(text: string, context: string): Rational {
  const trimmed = text.trim();
  if (trimmed === '' || trimmed === '+') return Rational.one;
  if (trimmed === '-') return Rational.minusOne;
  let entry;
  try {
    entry = parseEntry(trimmed);
  } catch (error) {
    if (error instanceof EntryError) throw new CommandError(`${context}: ${error.message}`);
    throw error;
  }
  if (!entry.exact)
    throw new CommandError(`${context}: the factor "${trimmed}" must be an exact number`);
  return entry.value;
}

/** Splits "R2 - 2R1 + (1/2)R3" into ["R2", "-2R1", "+(1/2)R3"] at signs outside parentheses. */
function splitTerms(expression: string): string[] {
  const terms: string[] = [];
  let depth = 0;
  let start = 0;
  for (let index = 0; index < expression.length; index++) {
    const character = expression[index];
    if (character === '(') depth++;
    else if (character === ')') depth--;
    else if (
      (character === '+' || character === '-' || character === '−') &&
      depth === 0 &&
      index > start
    ) {
      const before = expression.slice(start, index).trim();
      // A sign right after "*" or "/" or an exponent's "e" belongs to a number, not a new term.
      if (before !== '' && !/[*/(^]$|\de$/i.test(before)) {
        terms.push(before);
        start = index;
      }
    }
    if (depth < 0) throw new CommandError('a closing parenthesis has no opening one');
  }
  if (depth !== 0) throw new CommandError('a parenthesis is not closed');
  terms.push(expression.slice(start).trim());
  return terms.filter((term) => term !== '');
}

/** Coefficients per row (0-based) of a right-hand side such as "R2 - 2R1". */
function collectTerms(expression: string): Map<number, Rational> {
  const coefficients = new Map<number, Rational>();
  for (const rawTerm of splitTerms(expression.replace(/−/g, '-').replace(/·|×/g, '*'))) {
    const term = termPattern.exec(rawTerm);
    if (!term) throw new CommandError(`"${rawTerm}" is not a multiple of a row such as 2R1`);
    const [, before, rowText, operator, after] = term;
    let factor = exactFactor(before.replace(/\*\s*$/, ''), `in "${rawTerm}"`);
    if (operator !== undefined) {
      const trailing = exactFactor(after, `in "${rawTerm}"`);
      if (operator === '/') {
        if (trailing.isZero()) throw new CommandError(`in "${rawTerm}": division by zero`);
        factor = factor.divide(trailing);
      } else {
        factor = factor.multiply(trailing);
      }
    }
    const row = rowIndex(rowText);
    coefficients.set(row, (coefficients.get(row) ?? Rational.zero).add(factor));
  }
  return coefficients;
}

function operationFromAssignment(target: number, expression: string): RowOperation {
  const coefficients = collectTerms(expression);
  for (const [row, factor] of [...coefficients]) if (factor.isZero()) coefficients.delete(row);
  const targetFactor = coefficients.get(target);
  const others = [...coefficients.keys()].filter((row) => row !== target);
  const name = `R${target + 1}`;
  if (others.length > 1) {
    throw new CommandError('an elementary operation adds a multiple of only one other row');
  }
  if (others.length === 0) {
    if (targetFactor === undefined) throw new CommandError('scaling by 0 is not allowed');
    return { kind: 'scale', rows: [target], factor: targetFactor };
  }
  const source = others[0];
  if (targetFactor === undefined) {
    throw new CommandError(
      `${name} must appear on the right with factor 1, as in ${name} <- ${name} + 2R${source + 1}`,
    );
  }
  if (!targetFactor.isOne()) {
    throw new CommandError(
      `scaling ${name} and adding another row are two separate steps: do one at a time`,
    );
  }
  return { kind: 'add', rows: [target, source], factor: coefficients.get(source)! };
}

/** Parses a typed row operation (1-based rows in the text, 0-based in the result). */
export function parseRowOperation(text: string): RowOperation {
  // Our own notation ("R₂ ← R₂ − 2R₁", "R_2", LaTeX's "R_{2}") reads back too.
  const input = text
    .trim()
    .replace(/\s+/g, ' ')
    .replace(/[₀-₉]/g, (digit) => String(digit.charCodeAt(0) - 0x2080))
    .replace(/R_\{?\s*(\d+)\s*\}?/gi, 'R$1');
  if (input === '')
    throw new CommandError('type an operation such as R2 <- R2 - 2R1, R1 <-> R3 or R3 *= 1/2');
  const swap = swapPattern.exec(input);
  if (swap) return { kind: 'swap', rows: [rowIndex(swap[1]), rowIndex(swap[2])] };
  const compound = compoundPattern.exec(input);
  if (compound) {
    const target = rowIndex(compound[1]);
    const factor = exactFactor(compound[3], `in "${input}"`);
    if (compound[2] === '/') {
      if (factor.isZero()) throw new CommandError('division by zero');
      return { kind: 'scale', rows: [target], factor: factor.reciprocal() };
    }
    if (factor.isZero()) throw new CommandError('scaling by 0 is not allowed');
    return { kind: 'scale', rows: [target], factor };
  }
  // "R2 - 2R1 -> R2" puts the target last; "R3 -> (1/2)R3" puts it first. The side that is a
  // single row is the target; when it is the right side, read it that way.
  const targetOnRight = targetOnRightPattern.exec(input);
  if (targetOnRight && !singleRowPattern.test(targetOnRight[1].trim()))
    return operationFromAssignment(rowIndex(targetOnRight[2]), targetOnRight[1]);
  const assignment = assignmentPattern.exec(input);
  if (assignment) return operationFromAssignment(rowIndex(assignment[1]), assignment[2]);
  throw new CommandError(
    `"${input}" is not a row operation: write R2 <- R2 - 2R1, R1 <-> R3 or R3 *= 1/2`,
  );
}

/** The operation written back by hand, 1-based: "R2 <- R2 - 2R1". */
export function formatRowOperation(operation: RowOperation): string {
  const [first, second] = operation.rows;
  if (operation.kind === 'swap') return `R${first + 1} <-> R${second! + 1}`;
  const factor = operation.factor;
  const magnitude = factor.abs();
  const coefficient = magnitude.isOne()
    ? ''
    : magnitude.isInteger()
      ? magnitude.toString()
      : `(${magnitude})`;
  if (operation.kind === 'scale') {
    return `R${first + 1} <- ${factor.sign() < 0 ? '-' : ''}${coefficient}R${first + 1}`;
  }
  return `R${first + 1} <- R${first + 1} ${factor.sign() < 0 ? '-' : '+'} ${coefficient}R${second! + 1}`;
}
