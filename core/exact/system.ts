// Solves Ax = b exactly by reducing [A | b]: inconsistent when a pivot lands in the last column,
// otherwise x = particular + Σ tᵢ·(special solution i), with free variables 0 in the particular
// solution (Strang, Introduction to Linear Algebra §3.4). Cost: one Gauss–Jordan elimination.
import { Rational } from './rational';
import { type RationalMatrix, columnCountOf, freeColumnsOf, specialSolutions } from './analysis';
import { type RrefOptions, type Step, rref } from './rref';

interface SystemBase {
  /** RREF of [A | b]. */
  augmentedRref: Rational[][];
  /** Pivot columns of [A | b] (0-based; column n is b). */
  pivots: number[];
  rank: number;
  steps: Step[];
}

export type SystemSolution =
  | (SystemBase & {
      kind: 'inconsistent';
      /** The row of R reading 0 = c with c ≠ 0 (0-based). */
      contradictionRow: number;
    })
  | (SystemBase & { kind: 'unique'; solution: Rational[] })
  | (SystemBase & {
      kind: 'infinite';
      particular: Rational[];
      freeColumns: number[];
      /** x = particular + Σ t_k · nullspace[k], one parameter per free column. */
      nullspace: Rational[][];
    });

export function solveSystem(
  matrix: RationalMatrix,
  rightHandSide: readonly Rational[],
  options: RrefOptions & { columns?: number } = {},
): SystemSolution {
  const columnCount = columnCountOf(matrix, options.columns);
  if (rightHandSide.length !== matrix.length) {
    throw new RangeError(`b has ${rightHandSide.length} entries but A has ${matrix.length} rows`);
  }
  const augmented = matrix.map((row, i) => [...row, rightHandSide[i]]);
  const reduced = rref(augmented, options);
  const base: SystemBase = {
    augmentedRref: reduced.rref,
    pivots: reduced.pivots,
    rank: reduced.rank,
    steps: reduced.steps,
  };
  const lastPivot = reduced.pivots[reduced.pivots.length - 1];
  if (lastPivot === columnCount) {
    return { ...base, kind: 'inconsistent', contradictionRow: reduced.pivots.length - 1 };
  }
  const particular = new Array<Rational>(columnCount).fill(Rational.zero);
  reduced.pivots.forEach((col, row) => {
    particular[col] = reduced.rref[row][columnCount];
  });
  const freeColumns = freeColumnsOf(reduced.pivots, columnCount);
  if (freeColumns.length === 0) return { ...base, kind: 'unique', solution: particular };
  const coefficients = reduced.rref.map((row) => row.slice(0, columnCount));
  return {
    ...base,
    kind: 'infinite',
    particular,
    freeColumns,
    nullspace: specialSolutions(coefficients, reduced.pivots, columnCount),
  };
}
