import { describe, it, expect } from 'vitest';
import { CancelledError, type JobContext } from './context';
import { rrefJob, runRref, traceSizeLimit } from './rref';
import { rrefCliLatex } from './rref-latex';
import { rrefCliReport } from './rref-report';
import { parseRational } from '../exact/rational';
import { parseEntryMatrix } from '../exact/entry';

const worked = [
  ['1', '2', '3'],
  ['2', '4', '6'],
  ['1', '3', '4'],
];

function parse(grid: string[][]) {
  return grid.map((row) => row.map(parseRational));
}

function times(left: string[][], right: string[][]): string[][] {
  const a = parse(left);
  const b = parse(right);
  return a.map((row) =>
    b[0].map((_, j) =>
      row
        .reduce((sum, value, k) => sum.add(value.multiply(b[k][j])), parseRational('0'))
        .toString(),
    ),
  );
}

describe('rref job', () => {
  it('validates its request with zod', () => {
    expect(rrefJob.request.safeParse({ cells: worked, strategy: 'partial' }).success).toBe(true);
    expect(rrefJob.request.safeParse({ cells: worked, strategy: 'sideways' }).success).toBe(false);
    expect(rrefJob.request.safeParse({ cells: [[1, 2]] }).success).toBe(false);
  });

  it('returns the whole analysis as strings, and it survives structured clone', async () => {
    const result = structuredClone(
      await rrefJob.run({ cells: worked }, { progress() {}, checkCancelled() {} }),
    );
    expect(result.exact).toBe(true);
    expect(result.rref).toEqual([
      ['1', '0', '1'],
      ['0', '1', '1'],
      ['0', '0', '0'],
    ]);
    expect(result.rank).toBe(2);
    expect(result.nullity).toBe(1);
    expect(result.nullspace).toEqual([['-1', '-1', '1']]);
    expect(result.columnSpace).toEqual([
      ['1', '2', '1'],
      ['2', '4', '3'],
    ]);
    expect(result.steps).toHaveLength(4);
    expect(result.steps[0]).toMatchObject({
      kind: 'add',
      rows: [1, 0],
      factor: '-2',
      notation: 'R_2 ← R_2 − 2R_1',
    });
    expect(result.steps[3].matrix).toEqual(result.rref);
    expect(times(result.reduction!, worked)).toEqual(result.rref);
    expect(result.inverse).toBeNull();
    const { permutation, lower, upper } = result.lu!;
    expect(times(lower, upper)).toEqual(permutation.map((i) => worked[i]));
    expect(times(result.columnRow!.columnFactor, result.columnRow!.rowFactor)).toEqual(worked);
    expect(times(result.leftNullspace, worked)).toEqual([['0', '0', '0']]);
  });

  it('solves [A | b]', () => {
    const result = runRref({
      cells: worked.map((row, i) => [...row, ['6', '12', '8'][i]]),
      augmented: true,
    });
    expect(result.cols).toBe(4);
    expect(result.rank).toBe(2);
    expect(result.system).toEqual({
      kind: 'infinite',
      particular: ['2', '2', '0'],
      freeColumns: [2],
      nullspace: [['-1', '-1', '1']],
    });
    expect(result.augmentedRref![0]).toEqual(['1', '0', '1', '2']);
    expect(result.steps[result.steps.length - 1].matrix).toEqual(result.augmentedRref);
    const inconsistent = runRref({
      cells: worked.map((row, i) => [...row, ['6', '13', '8'][i]]),
      augmented: true,
    });
    expect(inconsistent.system!.kind).toBe('inconsistent');
  });

  it('says when the input is inexact and states the tolerance', () => {
    const result = runRref({
      cells: [
        ['1', 'sqrt(2)'],
        ['sqrt(2)', '2'],
      ],
    });
    expect(result.exact).toBe(false);
    expect(result.method).toBe('floating');
    expect(result.tolerance).toBeGreaterThan(0);
    expect(result.rank).toBe(1);
    expect(Number(result.nullspace[0][0])).toBeCloseTo(-Math.SQRT2, 12);
    expect(result.steps.length).toBeGreaterThan(0);
    expect(result.leftNullspace).toHaveLength(1);
  });

  it('reduces decimals read as floating data in floating point, as numpy holds them', () => {
    // B·C for a 4×2 B and a 2×3 C, printed by numpy with 17 digits: numpy's matrix_rank is 2
    // (σ₃ = 3.4e−17), while the decimals as written have exact rank 3 (SymPy agrees).
    const cells = [
      ['0.1060129115811963', '0.030728757196681722', '-0.2773705953081361'],
      ['-0.18290821743488578', '0.07621458849646964', '0.6943829977375636'],
      ['-0.13011384790854552', '0.1775781330141728', '0.6999785615013551'],
      ['0.44870233602883874', '0.1039601878092094', '-1.2175665934174'],
    ];
    const asWritten = runRref({ cells, trace: true });
    expect(asWritten.exact).toBe(true);
    expect(asWritten.rank).toBe(3);
    expect(asWritten.decimalsAsFloating).toBeUndefined();

    const floating = runRref({ cells, trace: true, decimals: 'floating' });
    expect(floating.exact).toBe(false);
    expect(floating.decimalsAsFloating).toBe(true);
    expect(floating.strategy).toBe('partial');
    expect(floating.rank).toBe(2);
    expect(floating.nullity).toBe(1);
    expect(floating.steps.length).toBeGreaterThan(0);
    // The start is the doubles the decimals name, digit for digit.
    expect(floating.matrix.map((row) => row.map(Number))).toEqual(
      cells.map((row) => row.map(Number)),
    );
    // The special solution is a null vector of the floating matrix: A·s ≈ 0.
    const special = floating.nullspace[0].map(Number);
    for (const row of cells) {
      const residual = row.reduce((sum, cell, j) => sum + Number(cell) * special[j], 0);
      expect(Math.abs(residual)).toBeLessThan(1e-14);
    }

    // The reading asked for explicitly as written, and integers under the floating reading, stay exact.
    expect(runRref({ cells, decimals: 'exact' }).exact).toBe(true);
    const integers = runRref({ cells: worked, decimals: 'floating' });
    expect(integers.exact).toBe(true);
    expect(integers.decimalsAsFloating).toBeUndefined();
  });

  it('omits the trace beyond the size limit, and says so', () => {
    const size = traceSizeLimit.rows + 2;
    const cells = Array.from({ length: size }, (_, i) =>
      Array.from({ length: size }, (_, j) =>
        String(((i + 1) * (j + 2)) % 7 === 0 ? 1 : (i * j) % 5),
      ),
    );
    const result = runRref({ cells });
    expect(result.steps).toEqual([]);
    expect(result.traceOmittedReason).toBe(
      `the matrix is ${size}×${size}; steps are recorded only up to 30×30`,
    );
    expect(result.rank + result.nullity).toBe(size);
    for (const vector of result.nullspace) {
      expect(
        times(
          cells,
          vector.map((value) => [value]),
        ).every(([value]) => value === '0'),
      ).toBe(true);
    }
    for (const vector of result.leftNullspace) {
      expect(times([vector], cells)[0].every((value) => value === '0')).toBe(true);
    }
    expect(result.leftNullspace).toHaveLength(size - result.rank);
  });

  it('reports cell errors and honours cancellation', () => {
    expect(() => runRref({ cells: [['1', 'x']] })).toThrow(
      'row 1, column 2: "x" is not a number: x is not defined',
    );
    const cancelled: JobContext = {
      progress() {},
      checkCancelled() {
        throw new CancelledError();
      },
    };
    expect(() => runRref({ cells: worked }, cancelled)).toThrow(CancelledError);
  });
});

describe('rref CLI output', () => {
  it('reports the fields the CLI promises', () => {
    const report = rrefCliReport(parseEntryMatrix(worked), { strategy: 'textbook' });
    expect(report).toMatchObject({
      rows: 3,
      cols: 3,
      rref: [
        ['1', '0', '1'],
        ['0', '1', '1'],
        ['0', '0', '0'],
      ],
      pivots: [0, 1],
      rank: 2,
      nullspace: [['-1', '-1', '1']],
      exact: true,
    });
    expect(report.steps[0]).toEqual({
      op: 'add',
      rows: [1, 0],
      factor: '-2',
      reason: 'clear below the pivot in column 1',
      notation: 'R_2 ← R_2 − 2R_1',
    });
    expect(JSON.parse(JSON.stringify(report))).toEqual(report);
    const fractions = rrefCliReport(parseEntryMatrix([['3/4', '0.5']]));
    expect(fractions.rref).toEqual([['1', '2/3']]);
    expect(fractions.steps[0]).toMatchObject({ op: 'scale', rows: [0], factor: '4/3' });
    const empty = rrefCliReport(parseEntryMatrix([]));
    expect(empty).toMatchObject({ rows: 0, cols: 0, rank: 0, steps: [] });
  });

  it('prints the trace as LaTeX', () => {
    const latex = rrefCliLatex(parseEntryMatrix(worked));
    expect(latex.startsWith('\\begin{align*}')).toBe(true);
    expect(latex).toContain('\\xrightarrow{R_2 \\leftarrow R_2 - 2R_1}');
    expect(latex.split('\\xrightarrow').length - 1).toBe(4);
    expect(rrefCliLatex(parseEntryMatrix([['1', '2', '3']]), { augmented: true })).toContain(
      '\\begin{array}{cc|c}',
    );
  });
});
