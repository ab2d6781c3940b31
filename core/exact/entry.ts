// Parses what a person types into a matrix cell: exact rationals where the text denotes one
// ("3/4", "0.1", "2/3 + 1/6", "(1/2)^2"), a floating value otherwise ("sqrt(2)", "pi").
// Method: plain numbers by pattern; expressions parsed by mathjs and walked exactly over + − × ÷ and
// integer powers, anything else evaluated in floating point. Cost linear in the text length.
import { create, all, type MathNode, type ConstantNode, type OperatorNode } from 'mathjs';
import { Rational, RationalError, parseRational } from './rational';

export class EntryError extends Error {
  override name = 'EntryError';
}

export type ParsedEntry =
  { exact: true; value: Rational; approx: number } | { exact: false; approx: number };

export interface ParsedEntryMatrix {
  exact: boolean;
  /** Present when every entry is exact. */
  rationals?: Rational[][];
  approx: number[][];
}

// BigNumber constants keep typed decimals such as 0.1 exact while we walk the tree.
const exactMath = create(all, { number: 'BigNumber', precision: 64 });
const floatMath = create(all, { number: 'number' });

/** Exponents beyond this would build numbers with hundreds of thousands of digits. */
const largestExactExponent = 4096;

const plainNumberPattern = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$|^[+-]?\d+\s*\/\s*[+-]?\d+$/;

/** Thrown internally when a subtree is not rational; the caller falls back to floating point. */
class NotRational extends Error {}

function constantValue(node: ConstantNode): Rational {
  const value: unknown = node.value;
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new NotRational();
    return Number.isInteger(value) ? Rational.fromInteger(value) : parseRational(String(value));
  }
  if (exactMath.isBigNumber(value)) {
    if (!value.isFinite()) throw new NotRational();
    return parseRational(value.toString());
  }
  if (exactMath.isFraction(value)) {
    return Rational.of(BigInt(value.s) * BigInt(value.n), BigInt(value.d));
  }
  throw new NotRational();
}

function evaluateExactly(node: MathNode): Rational {
  switch (node.type) {
    case 'ConstantNode':
      return constantValue(node as ConstantNode);
    case 'ParenthesisNode':
      return evaluateExactly((node as unknown as { content: MathNode }).content);
    case 'OperatorNode': {
      const operator = node as OperatorNode;
      const args = operator.args;
      switch (operator.fn) {
        case 'unaryMinus':
          return evaluateExactly(args[0]).negate();
        case 'unaryPlus':
          return evaluateExactly(args[0]);
        case 'add':
          return evaluateExactly(args[0]).add(evaluateExactly(args[1]));
        case 'subtract':
          return evaluateExactly(args[0]).subtract(evaluateExactly(args[1]));
        case 'multiply':
          return evaluateExactly(args[0]).multiply(evaluateExactly(args[1]));
        case 'divide': {
          const divisor = evaluateExactly(args[1]);
          if (divisor.isZero()) throw new EntryError('division by zero');
          return evaluateExactly(args[0]).divide(divisor);
        }
        case 'pow': {
          const exponent = evaluateExactly(args[1]);
          if (!exponent.isInteger()) throw new NotRational();
          const base = evaluateExactly(args[0]);
          if (exponent.abs().compare(Rational.fromInteger(largestExactExponent)) > 0) {
            throw new NotRational();
          }
          if (base.isZero() && exponent.sign() < 0) throw new EntryError('division by zero');
          return base.power(Number(exponent.numerator));
        }
        default:
          throw new NotRational();
      }
    }
    default:
      throw new NotRational();
  }
}

/** mathjs messages, rephrased for a person reading a cell's tooltip. */
function explainMathError(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  const symbol = /^Undefined symbol (.+)$/.exec(message);
  if (symbol) return `${symbol[1]} is not defined`;
  const func = /^Undefined function (.+)$/.exec(message);
  if (func) return `${func[1]} is not a known function`;
  const position = /^(.*) \(char (\d+)\)$/.exec(message);
  if (position) return `${position[1].toLowerCase()} at character ${position[2]}`;
  return message.charAt(0).toLowerCase() + message.slice(1);
}

// Cells come from files a person opens, so only scalar arithmetic is evaluated: no assignments,
// matrices, units' definitions or mathjs functions that change the parser (import, createUnit).
const allowedNodeTypes = new Set([
  'ConstantNode',
  'OperatorNode',
  'ParenthesisNode',
  'SymbolNode',
  'FunctionNode',
]);
const allowedFunctions = new Set([
  'sqrt',
  'cbrt',
  'nthRoot',
  'exp',
  'expm1',
  'log',
  'log10',
  'log2',
  'log1p',
  'sin',
  'cos',
  'tan',
  'sec',
  'csc',
  'cot',
  'asin',
  'acos',
  'atan',
  'atan2',
  'sinh',
  'cosh',
  'tanh',
  'asinh',
  'acosh',
  'atanh',
  'abs',
  'sign',
  'floor',
  'ceil',
  'round',
  'fix',
  'min',
  'max',
  'hypot',
  'pow',
  'gamma',
  'factorial',
]);

/** Why the tree is not plain scalar arithmetic, or null when it is. */
function disallowedPart(tree: MathNode): string | null {
  let problem: string | null = null;
  tree.traverse((node) => {
    if (problem !== null) return;
    if (node.type === 'AssignmentNode' || node.type === 'FunctionAssignmentNode') {
      problem = 'assignments are not allowed';
    } else if (!allowedNodeTypes.has(node.type)) {
      problem = 'only numbers, arithmetic and functions such as sqrt are allowed';
    } else if (node.type === 'FunctionNode') {
      const name = (node as unknown as { fn: { name?: string } }).fn.name;
      if (name === undefined || !allowedFunctions.has(name)) {
        problem = `${name ?? 'this'} is not a known function`;
      }
    }
  });
  return problem;
}

export function parseEntry(text: string): ParsedEntry {
  const trimmed = text.trim();
  if (trimmed === '') throw new EntryError('empty entry');
  if (plainNumberPattern.test(trimmed)) {
    try {
      const value = parseRational(trimmed);
      // A decimal's double is the one numpy and JavaScript read (correctly rounded); the
      // rational's quotient of two rounded bigints can be an ulp off for 17-digit decimals.
      const approx = trimmed.includes('/') ? value.toNumber() : Number(trimmed);
      return { exact: true, value, approx };
    } catch (error) {
      if (error instanceof RationalError) throw new EntryError(`"${trimmed}" ${error.message}`);
      throw error;
    }
  }
  let tree: MathNode;
  try {
    tree = exactMath.parse(trimmed);
  } catch (error) {
    throw new EntryError(`"${trimmed}" is not a number: ${explainMathError(error)}`);
  }
  const problem = disallowedPart(tree);
  if (problem !== null) throw new EntryError(`"${trimmed}" is not a number: ${problem}`);
  try {
    const value = evaluateExactly(tree);
    return { exact: true, value, approx: value.toNumber() };
  } catch (error) {
    if (error instanceof EntryError)
      throw new EntryError(`"${trimmed}" is not a number: ${error.message}`);
    if (!(error instanceof NotRational)) throw error;
  }
  let result: unknown;
  try {
    result = floatMath.evaluate(trimmed, {});
  } catch (error) {
    throw new EntryError(`"${trimmed}" is not a number: ${explainMathError(error)}`);
  }
  if (typeof result === 'number') {
    if (Number.isFinite(result)) return { exact: false, approx: result };
    throw new EntryError(`"${trimmed}" is not a finite number`);
  }
  if (floatMath.isComplex(result)) {
    if (result.im === 0 && Number.isFinite(result.re)) return { exact: false, approx: result.re };
    throw new EntryError(`"${trimmed}" is not a real number`);
  }
  if (typeof result === 'boolean')
    throw new EntryError(`"${trimmed}" is a truth value, not a number`);
  throw new EntryError(`"${trimmed}" is not a number`);
}

/** Parses a whole grid; errors name the cell as "row 2, column 3" (1-based). */
export function parseEntryMatrix(cells: readonly (readonly string[])[]): ParsedEntryMatrix {
  const columns = cells.length === 0 ? 0 : cells[0].length;
  const rationals: Rational[][] = [];
  const approx: number[][] = [];
  let exact = true;
  for (let i = 0; i < cells.length; i++) {
    if (cells[i].length !== columns) {
      throw new EntryError(`row ${i + 1} has ${cells[i].length} entries, expected ${columns}`);
    }
    const rationalRow: Rational[] = [];
    const approxRow: number[] = [];
    for (let j = 0; j < columns; j++) {
      let entry: ParsedEntry;
      try {
        entry = parseEntry(cells[i][j]);
      } catch (error) {
        if (error instanceof EntryError) {
          throw new EntryError(`row ${i + 1}, column ${j + 1}: ${error.message}`);
        }
        throw error;
      }
      approxRow.push(entry.approx);
      if (entry.exact) rationalRow.push(entry.value);
      else exact = false;
    }
    rationals.push(rationalRow);
    approx.push(approxRow);
  }
  return exact ? { exact, rationals, approx } : { exact, approx };
}
