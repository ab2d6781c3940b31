// Seeded exercises with the rank, pivots and answers a lecturer asks for. Method: draw an integer
// row echelon form W (r × n) with pivots where wanted — its pivot entries ±1 for integer answers, a
// few small integers up to the denominator bound for fractions — so that rref(W) = K⁻¹W is nice
// (K = W's pivot columns, triangular); stack it on m − r zero rows (with the right-hand side
// column for [A | b] drawn as W·x, plus a non-zero entry in a zero row for an inconsistent system);
// then scramble the rows by random unimodular operations that keep every entry within the bound.
// Row operations keep the RREF, so A = M·[W; 0] has exactly the RREF of W. Every candidate is
// checked exactly (rank, pivots, niceness, the system's class, enough elimination to be worth
// doing) and redrawn if it misses.
// Cost per exercise: a few exact eliminations of an m × (n + 1) matrix per attempt.
import { Rational } from '../exact/rational';
import { type SubspaceAnalysis, analyzeSubspaces } from '../exact/analysis';
import { rref } from '../exact/rref';
import { type SystemSolution, solveSystem } from '../exact/system';
import { seededRandom, type RandomSource } from '../linalg/random';
import { primitiveIntegerVector } from './integer-basis';
import {
  type WorksheetOptions,
  type WorksheetRequest,
  WorksheetError,
  worksheetOptions,
} from './worksheet-options';

export interface Exercise {
  /** 1-based position on the sheet. */
  number: number;
  matrix: Rational[][];
  /** b of [A | b], when the sheet asks for systems. */
  rightHandSide?: Rational[];
  /** RREF, rank, pivots and the four subspaces of A. */
  analysis: SubspaceAnalysis;
  /** The solution of Ax = b, when there is a b. */
  system?: SystemSolution;
}

export interface Worksheet {
  options: WorksheetOptions;
  exercises: Exercise[];
}

/** Attempts per exercise before the options are declared too tight. */
const attemptsPerExercise = 4000;

function randomInteger(random: RandomSource, low: number, high: number): number {
  return low + Math.floor(random.uniform() * (high - low + 1));
}

function randomSign(random: RandomSource): number {
  return random.uniform() < 0.5 ? -1 : 1;
}

/**
 * `count` distinct columns, ascending. The first pivot is usually column 1, as in most textbook
 * exercises; a matrix that starts with zero columns comes up now and then.
 */
function randomPivots(random: RandomSource, count: number, columns: number): number[] {
  if (count === 0) return [];
  const leading = random.uniform() < 0.85 ? 0 : randomInteger(random, 0, columns - count);
  const rest = Array.from({ length: columns - leading - 1 }, (_, k) => leading + 1 + k);
  for (let k = rest.length - 1; k > 0; k--) {
    const other = randomInteger(random, 0, k);
    [rest[k], rest[other]] = [rest[other], rest[k]];
  }
  return [leading, ...rest.slice(0, count - 1).sort((left, right) => left - right)];
}

/** Two rows equal or opposite: a giveaway that the rank is lower. */
function hasTwinRows(rows: readonly (readonly number[])[]): boolean {
  const seen = new Set<string>();
  for (const row of rows) {
    const key = row.join(',');
    const opposite = row.map((value) => -value || 0).join(',');
    if (seen.has(key) || seen.has(opposite)) return true;
    seen.add(key);
  }
  return false;
}

/** A random integer row echelon form with pivots in `pivots`. */
function echelonRows(
  random: RandomSource,
  options: WorksheetOptions,
  pivots: number[],
): number[][] {
  const spread = Math.min(3, options.entryBound);
  return pivots.map((pivot) => {
    const row = new Array<number>(options.cols).fill(0);
    const fractional = options.answers === 'fractions' && random.uniform() < 0.45;
    row[pivot] =
      randomSign(random) * (fractional ? randomInteger(random, 2, options.denominatorBound) : 1);
    for (let j = pivot + 1; j < options.cols; j++) row[j] = randomInteger(random, -spread, spread);
    return row;
  });
}

function maximumMagnitude(rows: readonly (readonly number[])[]): number {
  let largest = 0;
  for (const row of rows) for (const value of row) largest = Math.max(largest, Math.abs(value));
  return largest;
}

/**
 * Row operations that keep every entry within the bound: R_i += c·R_j, swaps, sign changes, and a
 * final shuffle. Each is an integer matrix of determinant ±1, so the row space (hence the RREF)
 * is unchanged.
 */
function scramble(random: RandomSource, rows: number[][], bound: number): number[][] {
  const result = rows.map((row) => row.slice());
  const size = result.length;
  if (size < 2) return result;
  const wanted = 3 * size + randomInteger(random, 0, size);
  let done = 0;
  for (let tries = 0; done < wanted && tries < 40 * wanted; tries++) {
    const target = randomInteger(random, 0, size - 1);
    let source = randomInteger(random, 0, size - 2);
    if (source >= target) source++;
    const factor = randomSign(random) * (random.uniform() < 0.7 ? 1 : 2);
    const candidate = result[target].map((value, j) => value + factor * result[source][j]);
    if (maximumMagnitude([candidate]) > bound) continue;
    result[target] = candidate;
    done++;
  }
  for (let i = 0; i < size; i++)
    if (random.uniform() < 0.3) result[i] = result[i].map((value) => -value || 0);
  for (let k = size - 1; k > 0; k--) {
    const other = randomInteger(random, 0, k);
    [result[k], result[other]] = [result[other], result[k]];
  }
  return result;
}

/** Integers, or fractions with small denominators, all within the bound. */
export function isNice(
  values: readonly Rational[],
  options: Pick<WorksheetOptions, 'answers' | 'denominatorBound' | 'entryBound'>,
): boolean {
  const largestDenominator = options.answers === 'integers' ? 1n : BigInt(options.denominatorBound);
  const bound = Rational.fromInteger(options.entryBound);
  return values.every(
    (value) => value.denominator <= largestDenominator && value.abs().compare(bound) <= 0,
  );
}

function isReducedEchelon(
  matrix: readonly (readonly number[])[],
  analysis: SubspaceAnalysis,
): boolean {
  return matrix.every((row, i) =>
    row.every((value, j) => analysis.rref[i][j].equals(Rational.fromInteger(value))),
  );
}

/**
 * Whether reducing the matrix is real work: its textbook reduction needs more than half the row
 * additions a general m × n matrix of rank r does — r·(m − 1): each pivot clears the m − 1 other
 * rows of its column — and, from rank 2, at most one of its rows is already a row of its RREF (up
 * to sign). A 3×4 whose rows read [1 0 * *] and [0 1 * *] leaves the student two subtractions.
 */
export function needsElimination(
  matrix: readonly (readonly Rational[])[],
  reduced: readonly (readonly Rational[])[],
  rank: number,
): boolean {
  const general = rank * (matrix.length - 1);
  if (general < 2) return true;
  const additions = rref(matrix, { strategy: 'textbook' }).steps.filter(
    (step) => step.kind === 'add',
  ).length;
  if (2 * additions <= general) return false;
  const reducedRows = new Set(reduced.slice(0, rank).map((row) => row.join(' ')));
  const alreadyReduced = matrix.filter(
    (row) =>
      reducedRows.has(row.join(' ')) ||
      reducedRows.has(row.map((value) => value.negate()).join(' ')),
  ).length;
  return alreadyReduced <= 1;
}

/** Attempts that insist on needsElimination before tight bounds may settle for less. */
const mixedAttempts = attemptsPerExercise / 2;

/** One exercise, or null when this attempt missed (the caller draws again). */
function attempt(
  random: RandomSource,
  options: WorksheetOptions,
  number: number,
  mixed: boolean,
): Exercise | null {
  const { rows, cols, rank } = options;
  const pivots = options.pivotColumns ?? randomPivots(random, rank, cols);
  const echelon = echelonRows(random, options, pivots);
  const withSystem = options.system !== 'none';
  const solution = Array.from({ length: cols }, () => randomInteger(random, -3, 3));
  const stacked = echelon.map((row) =>
    withSystem ? [...row, row.reduce((sum, value, j) => sum + value * solution[j], 0)] : row,
  );
  for (let i = rank; i < rows; i++)
    stacked.push(new Array<number>(cols + (withSystem ? 1 : 0)).fill(0));
  if (options.system === 'inconsistent') {
    // A non-zero entry of b in a zero row of A: that row reads 0 = c.
    stacked[randomInteger(random, rank, rows - 1)][cols] =
      randomSign(random) * randomInteger(random, 1, 3);
  }
  if (maximumMagnitude(stacked) > options.entryBound) return null;
  const scrambled = scramble(random, stacked, options.entryBound);
  const coefficients = scrambled.map((row) => row.slice(0, cols));
  if (rank > 0 && coefficients.some((row) => row.every((value) => value === 0))) return null;
  if (rank > 1 && hasTwinRows(coefficients)) return null;
  const matrix = coefficients.map((row) => row.map((value) => Rational.fromInteger(value)));
  const analysis = analyzeSubspaces(matrix, cols);
  if (analysis.rank !== rank || analysis.pivots.join() !== pivots.join()) return null;
  if (!isNice(analysis.rref.flat(), options)) return null;
  // An exercise whose matrix is already its answer teaches nothing.
  if (rank > 0 && isReducedEchelon(coefficients, analysis)) return null;
  // Nor does one that is nearly there.
  if (mixed && !needsElimination(matrix, analysis.rref, rank)) return null;
  // Fraction sheets should show fractions where the pivots allow them (a free column after a pivot).
  const fractionPossible = analysis.freeColumns.some((column) => column > pivots[0]);
  const allIntegers = analysis.rref.every((row) => row.every((value) => value.isInteger()));
  if (options.answers === 'fractions' && fractionPossible && allIntegers && random.uniform() < 0.8)
    return null;
  // The left null space comes from E (EA = R), whose rows are often fractions: an answer key gives
  // the integer vectors on the same lines.
  analysis.leftNullspace = analysis.leftNullspace.map(primitiveIntegerVector);
  const exercise: Exercise = { number, matrix, analysis };
  if (withSystem) {
    const rightHandSide = scrambled.map((row) => Rational.fromInteger(row[cols]));
    const system = solveSystem(matrix, rightHandSide, { trace: false, columns: cols });
    const wanted = { unique: 'unique', free: 'infinite', inconsistent: 'inconsistent' }[
      options.system as 'unique' | 'free' | 'inconsistent'
    ];
    if (system.kind !== wanted || !isNice(system.augmentedRref.flat(), options)) return null;
    exercise.rightHandSide = rightHandSide;
    exercise.system = system;
  }
  return exercise;
}

/** The sheet: `count` exercises, the same for the same options and seed. */
export function generateWorksheet(request: WorksheetRequest): Worksheet {
  const options = worksheetOptions(request);
  const random = seededRandom(options.seed);
  const exercises: Exercise[] = [];
  for (let number = 1; number <= options.count; number++) {
    let exercise: Exercise | null = null;
    for (let tries = 0; !exercise && tries < attemptsPerExercise; tries++)
      exercise = attempt(random, options, number, tries < mixedAttempts);
    if (!exercise)
      throw new WorksheetError(
        `no ${options.rows}×${options.cols} exercise of rank ${options.rank} with entries within ±${options.entryBound} ` +
          `and ${options.answers === 'integers' ? 'integer answers' : `denominators up to ${options.denominatorBound}`} ` +
          `was found in ${attemptsPerExercise} tries: allow larger entries`,
      );
    exercises.push(exercise);
  }
  return { options, exercises };
}
