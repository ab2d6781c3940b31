import { afterEach, describe, expect, it } from 'vitest';
import { bidiagonalSvd } from './bidiagonal-svd';
import { bidiagonalize } from './bidiagonalize';
import { CancelledError, type JobContext } from '../job-context';
import { bidiagonalSingularValues } from './dqds';
import twoStageFixtures from './fixtures/two-stage.json';
import { fromRows, transpose, zeros, type Matrix } from './matrix';
import { multiply, multiplyTransposeB } from './products';
import { factorQrInPlace, formQ } from './qr';
import { gaussianMatrix } from './random';
import { graded, hilbert, kahan, knownRank } from './special-matrices';
import { singularValues } from './svd';
import { epsilon } from './test-support';
import {
  bandwidthFor,
  setBandwidth,
  twoStageBidiagonal,
  twoStageScratchDoubles,
} from './two-stage-bidiagonalize';
import { createWorkspace, workspaceOverflows } from './workspace';

afterEach(() => setBandwidth(undefined));

/** Singular values by the two stages and dqds, on a copy in a workspace (m ≥ n). */
function twoStageValues(a: Matrix, context?: JobContext): Float64Array {
  const tall = a.rows >= a.cols ? a : transpose(a);
  const work = createWorkspace(
    tall.rows * tall.cols + twoStageScratchDoubles(tall.rows, tall.cols),
  ).copyOf(tall);
  const { diagonal, superdiagonal } = twoStageBidiagonal(work, context);
  bidiagonalSingularValues(diagonal, superdiagonal, context);
  return diagonal;
}

/** The one-stage reduction and implicit QR: what the values were before the two stages. */
function oneStageValues(a: Matrix): Float64Array {
  const tall = a.rows >= a.cols ? a : transpose(a);
  const reduction = bidiagonalize({ rows: tall.rows, cols: tall.cols, data: tall.data.slice() });
  bidiagonalSvd(reduction.diagonal, reduction.superdiagonal);
  return reduction.diagonal;
}

function expectValuesClose(actual: Float64Array, expected: ArrayLike<number>, what: string): void {
  expect(actual.length).toBe(expected.length);
  const largest = expected[0] ?? 0;
  const bound = 30 * Math.max(actual.length, 1) * epsilon * largest;
  for (let i = 0; i < expected.length; i++) {
    expect(Math.abs(actual[i] - expected[i]), `${what}: σ${i + 1}`).toBeLessThanOrEqual(bound);
  }
}

/** U·diag(values)·Vᵀ with orthogonal U, V from the QR of seeded Gaussians. */
function withValues(m: number, n: number, values: number[], seed: number): Matrix {
  const orthogonal = (size: number, s: number): Matrix => {
    const work = gaussianMatrix(size, size, s);
    return formQ(work, factorQrInPlace(work));
  };
  const k = Math.min(m, n);
  const u = orthogonal(m, seed);
  const v = orthogonal(n, seed + 1);
  const scaled = zeros(m, k);
  for (let j = 0; j < k; j++) {
    for (let i = 0; i < m; i++) scaled.data[i + j * m] = u.data[i + j * m] * values[j];
  }
  return multiplyTransposeB(scaled, { rows: n, cols: k, data: v.data.slice(0, n * k) });
}

describe('two-stage bidiagonalization (dense → band → bidiagonal) with dqds', () => {
  it('matches numpy (LAPACK) on sizes around the band width: graded, clustered, rank-deficient, tiny', () => {
    for (const bandwidth of [undefined, 48, 5]) {
      setBandwidth(bandwidth);
      for (const fixture of twoStageFixtures) {
        const values = twoStageValues(fromRows(fixture.matrix));
        expectValuesClose(values, fixture.singularValues, `${fixture.name}, b=${bandwidth}`);
      }
    }
  });

  it('matches the one-stage reduction across shapes that straddle the band and its panels', () => {
    const b = bandwidthFor(100);
    const shapes: [number, number][] = [
      [1, 1],
      [5, 1],
      [1, 5],
      [2, 9],
      [9, 2],
      [b - 1, b - 1],
      [b, b],
      [b + 1, b],
      [b + 1, b + 1],
      [2 * b, 2 * b - 1],
      [2 * b + 1, 2 * b + 1],
      [3 * b + 7, 2 * b + 3],
      [150, 150],
    ];
    for (const [m, n] of shapes) {
      const a = gaussianMatrix(m, n, m * 100 + n);
      expectValuesClose(twoStageValues(a), oneStageValues(a), `${m}×${n}`);
    }
  });

  it('keeps every band width, from 1 (already bidiagonal after stage one) to wider than the matrix', () => {
    const a = gaussianMatrix(70, 61, 3);
    const expected = oneStageValues(a);
    for (const bandwidth of [1, 2, 3, 16, 33, 60, 61, 90]) {
      setBandwidth(bandwidth);
      expectValuesClose(twoStageValues(a), expected, `b=${bandwidth}`);
    }
  });

  it('finds known singular values: graded to 1e-12, clustered within 1e-10, exactly rank 7', () => {
    const n = 110;
    const gradedValues = Array.from({ length: n }, (_, i) => 10 ** ((-12 * i) / (n - 1)));
    const clusteredValues = Array.from({ length: n }, (_, i) => 1 + 1e-10 * i).reverse();
    const rankSeven = Array.from({ length: n }, (_, i) => (i < 7 ? 7 - i : 0));
    for (const [name, values] of [
      ['graded', gradedValues],
      ['clustered', clusteredValues],
      ['rank 7', rankSeven],
    ] as const) {
      const a = withValues(n + 13, n, values, values.length);
      expectValuesClose(twoStageValues(a), values, name);
    }
  });

  it('matches the one-stage reduction on Hilbert, Kahan, graded and known-rank matrices', () => {
    for (const [name, a] of [
      ['hilbert 100', hilbert(100)],
      ['kahan 120', kahan(120)],
      ['graded 97', graded(97, 4)],
      ['rank 12 of 140×100', knownRank(140, 100, 12, 5)],
    ] as const) {
      expectValuesClose(twoStageValues(a), oneStageValues(a), name);
    }
  });

  it('is what the values-only SVD runs, through the QR of a tall matrix too', () => {
    for (const [m, n] of [
      [200, 130],
      [400, 130],
      [130, 300],
    ]) {
      const a = gaussianMatrix(m, n, m + n);
      expectValuesClose(singularValues(a), oneStageValues(a), `${m}×${n}`);
    }
  });

  it('finds known values of tall matrices through the QR of 128-column panels and its compacted R', () => {
    // σ from 1 down to 1e-9, and the same with the last 200 exactly zero (rank 320).
    const graded = Array.from({ length: 520 }, (_, j) => 10 ** (-9 * (j / 519)));
    const deficient = graded.map((value, j) => (j < 320 ? value : 0));
    for (const [name, values, m] of [
      ['graded 850×520', graded, 850],
      ['rank 320 of 900×520', deficient, 900],
    ] as const) {
      const a = withValues(m, 520, values, 17);
      const overflows = workspaceOverflows();
      expectValuesClose(singularValues(a), values, name);
      // Its workspace held every array, R where the QR left it included.
      expect(workspaceOverflows(), name).toBe(overflows);
    }
  });

  it('stops mid-way when cancelled, in the band reduction, the chase and dqds', () => {
    const a = multiply(gaussianMatrix(400, 400, 7), gaussianMatrix(400, 400, 8));
    for (const stage of ['reducing to a band', 'chasing the band']) {
      let started = false;
      let looksSince = 0;
      const context: JobContext = {
        progress(_fraction, message) {
          if (message === stage) started = true;
        },
        checkCancelled() {
          if (started && ++looksSince > 1) throw new CancelledError();
        },
      };
      expect(() => twoStageValues(a, context), stage).toThrow(CancelledError);
      expect(started).toBe(true);
    }
    // dqds looks at the flag as it goes: cancelled on its second look.
    const n = 3000;
    const d = gaussianMatrix(n, 1, 9).data;
    const e = gaussianMatrix(n - 1, 1, 10).data;
    let looks = 0;
    const context: JobContext = {
      progress() {},
      checkCancelled() {
        if (++looks > 1) throw new CancelledError();
      },
    };
    expect(() => bidiagonalSingularValues(d, e, context)).toThrow(CancelledError);
    expect(looks).toBe(2);
  });
});
