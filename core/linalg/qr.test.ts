import fc from 'fast-check';
import { describe, expect, it, onTestFinished } from 'vitest';
import { setWasmKernelsEnabled, wasmKernelsEnabled } from './kernels/wasm-module';
import { SequentialTeam } from './threads/sequential-team';
import { task } from './threads/team-tasks';
import { activeTeam, setActiveTeam } from './threads/thread-team';
import { workspaceOverflows } from './workspace';
import { fromRows, zeros, type Matrix } from './matrix';
import { frobeniusNorm } from './norms';
import { gaussianMatrix } from './random';
import { compactR, extractR, factorQrInPlace, householderQr, qrPivoted } from './qr';
import { singularValues } from './svd';
import { hilbert, kahan, knownRank, vandermonde } from './special-matrices';
import {
  differingEntries,
  epsilon,
  orthogonalityError,
  permuteColumns,
  productResidual,
} from './test-support';

const shapes: [number, number][] = [
  [0, 0],
  [0, 4],
  [4, 0],
  [1, 1],
  [1, 5],
  [5, 1],
  [2, 2],
  [127, 127],
  [128, 128],
  [129, 129],
  [129, 128],
  [128, 129],
  [300, 30],
  [30, 300],
];

function checkTriangular(r: Matrix): void {
  let nonzeroBelow = 0;
  for (let j = 0; j < r.cols; j++) {
    for (let i = j + 1; i < r.rows; i++) if (r.data[i + j * r.rows] !== 0) nonzeroBelow++;
  }
  expect(nonzeroBelow).toBe(0);
}

describe('householderQr', () => {
  it('reconstructs A = QR with orthonormal Q and triangular R', () => {
    for (const [m, n] of [...shapes, [30, 12]] as [number, number][]) {
      const a = gaussianMatrix(m, n, 7 * m + n);
      const { Q, R } = householderQr(a);
      const k = Math.min(m, n);
      expect([Q.rows, Q.cols, R.rows, R.cols]).toEqual([m, k, k, n]);
      checkTriangular(R);
      const bound = 20 * Math.max(m, n, 1) * epsilon;
      expect(productResidual(a, Q, R)).toBeLessThanOrEqual(bound * frobeniusNorm(a));
      expect(orthogonalityError(Q)).toBeLessThanOrEqual(bound);
    }
  });

  it('stays finite on equal columns, whose later reflectors act on subnormal roundoff', () => {
    // Rank one: after the first reflector the rest is roundoff that shrinks by ε per column until
    // it is subnormal; 1/(α − β) then overflowed and the factors filled with NaN.
    const [m, n] = [88, 32];
    const a = zeros(m, n);
    for (let j = 0; j < n; j++)
      a.data.fill(-Math.cos(1.2) * Math.sin(1.2) ** j, j * m, (j + 1) * m);
    const { Q, R } = householderQr(a);
    expect(Q.data.every(Number.isFinite) && R.data.every(Number.isFinite)).toBe(true);
    expect(productResidual(a, Q, R)).toBeLessThanOrEqual(20 * m * epsilon * frobeniusNorm(a));
    expect(orthogonalityError(Q)).toBeLessThanOrEqual(20 * m * epsilon);
  });

  it('handles all-zero matrices and rejects NaN', () => {
    const { Q, R } = householderQr(zeros(3, 2));
    expect(orthogonalityError(Q)).toBe(0);
    expect(frobeniusNorm(R)).toBe(0);
    expect(() => householderQr(fromRows([[NaN]]))).toThrow(RangeError);
  });
});

describe('householderQr with wide panels factored by halves', () => {
  // From 512 columns on, panels are 128 wide and factored recursively: 612 leaves a last panel of
  // 100 (64 + 36, then 32 + 4), 520 one of 8; 530×700 is wide; the last is rank 37.
  it.each([
    ['tall, last panel 100', gaussianMatrix(900, 612, 1)],
    ['square, last panel 100', gaussianMatrix(612, 612, 2)],
    ['wide', gaussianMatrix(530, 700, 3)],
    ['tall, last panel 8', gaussianMatrix(1100, 520, 4)],
    ['rank 37', knownRank(800, 600, 37, 5)],
  ])('reconstructs A = QR with orthonormal Q (%s)', (_, a) => {
    const { Q, R } = householderQr(a);
    checkTriangular(R);
    const bound = 20 * Math.max(a.rows, a.cols) * epsilon;
    expect(productResidual(a, Q, R)).toBeLessThanOrEqual(bound * frobeniusNorm(a));
    expect(orthogonalityError(Q)).toBeLessThanOrEqual(bound);
  });
});

describe('compactR', () => {
  it('moves R to the front of the work array, equal to extractR, zeros below its diagonal', () => {
    for (const [m, n] of [
      [300, 200],
      [200, 200],
      [130, 300],
      [700, 520],
      [1, 1],
      [5, 1],
    ]) {
      const work = gaussianMatrix(m, n, m + 3 * n);
      factorQrInPlace(work);
      const expected = extractR(work);
      const r = compactR(work);
      expect([r.rows, r.cols], `${m}×${n}`).toEqual([expected.rows, expected.cols]);
      expect(r.data.buffer).toBe(work.data.buffer);
      expect(Array.from(r.data), `${m}×${n}`).toEqual(Array.from(expected.data));
    }
  });
});

describe('QR workspaces', () => {
  it('hold every working array of plain and pivoted QR (no slow fallback arrays)', () => {
    const before = workspaceOverflows();
    for (const [m, n] of [
      [300, 200],
      [200, 300],
      [150, 150],
    ]) {
      householderQr(gaussianMatrix(m, n, 1));
      qrPivoted(gaussianMatrix(m, n, 2));
    }
    expect(workspaceOverflows()).toBe(before);
  });
});

describe('qrPivoted', () => {
  it.each([
    ['WebAssembly', true],
    ['TypeScript', false],
  ])(
    'reconstructs A·P = Q·R with a permutation and non-increasing |r_ii| (%s kernels)',
    (_, wasm) => {
      setWasmKernelsEnabled(wasm);
      onTestFinished(() => setWasmKernelsEnabled(true));
      for (const [m, n] of shapes) {
        const a = gaussianMatrix(m, n, 11 * m + n);
        const { Q, R, permutation } = qrPivoted(a);
        expect(Array.from(permutation).sort((x, y) => x - y)).toEqual(
          Array.from({ length: n }, (_, j) => j),
        );
        checkTriangular(R);
        const bound = 20 * Math.max(m, n, 1) * epsilon;
        expect(productResidual(permuteColumns(a, permutation), Q, R)).toBeLessThanOrEqual(
          bound * frobeniusNorm(a),
        );
        expect(orthogonalityError(Q)).toBeLessThanOrEqual(bound);
        const k = Math.min(m, n);
        for (let i = 1; i < k; i++) {
          expect(Math.abs(R.data[i + i * k])).toBeLessThanOrEqual(
            Math.abs(R.data[i - 1 + (i - 1) * k]) * (1 + 1e-12),
          );
        }
      }
    },
  );

  it('keeps its guarantees across many blocked panels, where norms must be recomputed', () => {
    // Rank 40 plus 1e-12 noise; Kahan's matrix; columns whose norms fall by 2^-j (downdating
    // cancels, so panels end early and recompute them).
    const noisy = knownRank(300, 260, 40, 3);
    const noise = gaussianMatrix(300, 260, 4);
    for (let i = 0; i < noisy.data.length; i++) noisy.data[i] += 1e-12 * noise.data[i];
    const decaying = gaussianMatrix(240, 200, 5);
    for (let j = 0; j < 200; j++) {
      for (let i = 0; i < 240; i++) decaying.data[i + j * 240] *= 2 ** (-j / 4);
    }
    for (const [name, a] of [
      ['rank 40 + noise', noisy],
      ['kahan 200', kahan(200)],
      ['decaying columns', decaying],
    ] as const) {
      const { Q, R, permutation } = qrPivoted(a);
      const k = Math.min(a.rows, a.cols);
      const bound = 20 * Math.max(a.rows, a.cols) * epsilon;
      expect(productResidual(permuteColumns(a, permutation), Q, R), name).toBeLessThanOrEqual(
        bound * frobeniusNorm(a),
      );
      expect(orthogonalityError(Q), name).toBeLessThanOrEqual(bound);
      for (let i = 1; i < k; i++) {
        expect(Math.abs(R.data[i + i * k]), `${name} r_${i}`).toBeLessThanOrEqual(
          Math.abs(R.data[i - 1 + (i - 1) * k]) * (1 + 1e-10),
        );
      }
    }
    const { R } = qrPivoted(noisy);
    const first = Math.abs(R.data[0]);
    expect(Math.abs(R.data[39 + 39 * 260])).toBeGreaterThan(1e-6 * first);
    expect(Math.abs(R.data[40 + 40 * 260])).toBeLessThan(1e-9 * first);
  });

  it('gives the same factors bit for bit on one thread and split over a team', () => {
    const tierTeam = activeTeam();
    const tierWasm = wasmKernelsEnabled();
    onTestFinished(() => {
      setActiveTeam(tierTeam);
      setWasmKernelsEnabled(tierWasm);
    });
    setWasmKernelsEnabled(true);
    // Rank 60 plus noise: panels end early to recompute norms, in both runs at the same step.
    const a = knownRank(1100, 1001, 60, 7);
    const noise = gaussianMatrix(1100, 1001, 8);
    for (let i = 0; i < a.data.length; i++) a.data[i] += 1e-11 * noise.data[i];
    setActiveTeam(undefined);
    const alone = qrPivoted(a);
    const team = new SequentialTeam(2);
    setActiveTeam(team);
    const split = qrPivoted(a);
    expect(team.splitCounts[task.pivotedPanelStep]).toBeGreaterThan(0);
    expect(team.splitCounts[task.gemm]).toBeGreaterThan(0);
    expect(split.permutation).toEqual(alone.permutation);
    expect(differingEntries(split.R.data, alone.R.data)).toBe(0);
    expect(differingEntries(split.Q.data, alone.Q.data)).toBe(0);
  });

  it('follows LAPACK dgeqp3 pivot order on a small example', () => {
    // Column norms 1, 5, 3: dgeqp3 picks column 2 first; then the largest remaining after projection.
    const a = fromRows([
      [1, 3, 0],
      [0, 4, 3],
      [0, 0, 0],
    ]);
    const { permutation, R } = qrPivoted(a);
    expect(permutation[0]).toBe(1);
    expect(Math.abs(R.data[0])).toBeCloseTo(5, 14);
  });

  it('reveals the rank of products of thin factors (|r_ii| drops after r)', () => {
    for (const [m, n, r] of [
      [80, 50, 9],
      [50, 80, 20],
      [129, 129, 64],
    ]) {
      const a = knownRank(m, n, r, r);
      const { R } = qrPivoted(a);
      const k = Math.min(m, n);
      const first = Math.abs(R.data[0]);
      expect(Math.abs(R.data[r - 1 + (r - 1) * k])).toBeGreaterThan(1e-8 * first);
      expect(Math.abs(R.data[r + r * k])).toBeLessThan(1e-12 * first);
    }
  });

  it('stays accurate on Hilbert, Vandermonde and Kahan matrices; |r₁₁| = max column norm', () => {
    for (const a of [hilbert(14), vandermonde(40, 15), kahan(60)]) {
      const { Q, R, permutation } = qrPivoted(a);
      const bound = 20 * Math.max(a.rows, a.cols) * epsilon;
      expect(productResidual(permuteColumns(a, permutation), Q, R)).toBeLessThanOrEqual(
        bound * frobeniusNorm(a),
      );
      let largestColumn = 0;
      for (let j = 0; j < a.cols; j++) {
        largestColumn = Math.max(
          largestColumn,
          frobeniusNorm({
            rows: a.rows,
            cols: 1,
            data: a.data.subarray(j * a.rows, (j + 1) * a.rows),
          }),
        );
      }
      expect(Math.abs(R.data[0])).toBeCloseTo(largestColumn, 12);
    }
  });

  it('bounds σ_min by |r_kk| and keeps singular values (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 10 }),
        fc.integer({ min: 1, max: 10 }),
        fc.nat(),
        (m, n, seed) => {
          const a = gaussianMatrix(m, n, seed);
          const { R } = qrPivoted(a);
          const ours = singularValues(R);
          const reference = singularValues(a);
          for (let i = 0; i < ours.length; i++)
            expect(Math.abs(ours[i] - reference[i])).toBeLessThanOrEqual(1e-13 * reference[0]);
          const k = Math.min(m, n);
          // For square and tall A, R's leading k×k block is all of R, and σ_min(R) ≤ |r_kk|.
          if (m >= n)
            expect(reference[k - 1]).toBeLessThanOrEqual(
              Math.abs(R.data[k - 1 + (k - 1) * k]) * (1 + 1e-12),
            );
        },
      ),
      { numRuns: 60 },
    );
  });
});
