import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { gaussianMatrix } from '../random';
import { differingEntries } from '../test-support';
import { SequentialTeam } from '../threads/sequential-team';
import { activeTeam, setActiveTeam } from '../threads/thread-team';
import { createWorkspace, plainWorkspace, type Workspace } from '../workspace';
import type { DenseKernels } from './dense-kernels';
import { kernels } from './kernels';
import { typescriptKernels } from './typescript-kernels';
import { instanceOwning, setWasmKernelsEnabled, wasmKernelsEnabled } from './wasm-module';

// The fused step of a pivoted QR panel (DenseKernels.pivotedPanelStep) on each tier: against the
// formulas it fuses, the WebAssembly tier against the TypeScript one, and split over a team
// against one thread. These tests pick their tier themselves, whatever the run's tier is.
const tierTeam = activeTeam();
const tierWasm = wasmKernelsEnabled();
beforeAll(() => setWasmKernelsEnabled(true));
afterAll(() => setWasmKernelsEnabled(tierWasm));
afterEach(() => setActiveTeam(tierTeam));

/** One step's operands, with odd leading dimensions and offsets, in the given workspace. */
interface Step {
  m: number;
  n: number;
  k: number;
  lda: number;
  ldf: number;
  a: Float64Array;
  aux: Float64Array;
  f: Float64Array;
  partial: Float64Array;
  exact: Float64Array;
}

const aStart = 5;
const auxStart = 2;
const fStart = 3;
const normsStart = 1;

/** The panel's k + 1 columns (the last is v, v[0] = 1) then the n trailing columns. */
function makeStep(space: Workspace, m: number, n: number, k: number, seed: number): Step {
  const lda = m + 3;
  const ldf = n + 7;
  const fill = (length: number, from: number) => {
    const array = space.vector(length);
    array.set(gaussianMatrix(length, 1, from).data);
    return array;
  };
  const a = fill(aStart + lda * (k + 1 + n), seed);
  a[aStart + k * lda] = 1;
  const f = fill(fStart + ldf * (k + 1), seed + 1);
  const aux = fill(auxStart + k, seed + 2);
  const partial = space.vector(normsStart + n);
  const exact = space.vector(normsStart + n);
  for (let j = 0; j < n; j++) {
    // The norm of the whole column before the step; column 1 has none left; column 2 has drifted
    // far from its last exact norm, so the downdate cannot be trusted.
    let sum = 0;
    for (let i = 0; i < m; i++) sum += a[aStart + (k + 1 + j) * lda + i] ** 2;
    partial[normsStart + j] = j === 1 ? 0 : Math.sqrt(sum) * 10;
    exact[normsStart + j] = partial[normsStart + j] * (j === 2 ? 1e9 : 1.5);
  }
  return { m, n, k, lda, ldf, a, aux, f, partial, exact };
}

function run(kernelSet: DenseKernels, step: Step, tau: number): void {
  const { m, n, k, lda, ldf, a, aux, f, partial, exact } = step;
  kernelSet.pivotedPanelStep(
    m,
    n,
    k,
    a,
    aStart + (k + 1) * lda,
    lda,
    aStart + k * lda,
    aStart,
    tau,
    aux,
    auxStart,
    f,
    fStart,
    ldf,
    partial,
    exact,
    normsStart,
  );
}

const sizes: [number, number, number][] = [
  [1, 1, 0],
  [1, 9, 3],
  [7, 1, 2],
  [1, 1, 5],
  [37, 29, 0],
  [130, 67, 17],
  [333, 258, 31],
];

describe('pivotedPanelStep', () => {
  it('computes F’s column, the pivot row and the downdated norms as their formulas say', () => {
    for (const [m, n, k] of sizes) {
      const before = makeStep(plainWorkspace, m, n, k, m + n);
      const after = makeStep(plainWorkspace, m, n, k, m + n);
      const tau = 1.25;
      run(typescriptKernels, after, tau);
      const { lda, ldf } = before;
      for (let j = 0; j < n; j++) {
        const column = aStart + (k + 1 + j) * lda;
        // f_j,k = τ·A_jᵀ·v + Σ_{p<k} f_j,p·aux_p, by a product of the tier's own gemv.
        const product = new Float64Array(1);
        typescriptKernels.gemv(
          true,
          m,
          1,
          tau,
          before.a,
          column,
          lda,
          before.a,
          aStart + k * lda,
          0,
          product,
          0,
        );
        let value = product[0];
        for (let p = 0; p < k; p++)
          value += before.f[fStart + j + p * ldf] * before.aux[auxStart + p];
        const fk = after.f[fStart + j + k * ldf];
        expect(Math.abs(fk - value)).toBeLessThanOrEqual(1e-13 * (Math.abs(value) + m + k));
        let top = before.a[column];
        for (let p = 0; p <= k; p++) {
          const fp = p < k ? before.f[fStart + j + p * ldf] : fk;
          top -= before.a[aStart + p * lda] * fp;
        }
        expect(Math.abs(after.a[column] - top)).toBeLessThanOrEqual(
          1e-13 * (Math.abs(top) + m + k),
        );
        // Entries below the pivot row are only read; F's earlier columns too.
        for (let i = 1; i < m; i++) expect(after.a[column + i]).toBe(before.a[column + i]);
        for (let p = 0; p < k; p++)
          expect(after.f[fStart + j + p * ldf]).toBe(before.f[fStart + j + p * ldf]);
        const old = before.partial[normsStart + j];
        const norm = after.partial[normsStart + j];
        if (m === 1 || old === 0) {
          // One row: nothing below the pivot row to downdate; a zero norm stays zero.
          expect(norm).toBe(old);
        } else if (j === 2) {
          expect(norm).toBe(-1);
        } else {
          // The downdate removes the new pivot-row entry: norm² + top² = old².
          expect(norm).toBeGreaterThan(0);
          expect(Math.abs(norm ** 2 + top ** 2 - old ** 2)).toBeLessThanOrEqual(1e-14 * old ** 2);
        }
      }
    }
  });

  it('marks a norm whose downdate cancels (the pivot row held almost all of it) for recomputing', () => {
    const step = makeStep(plainWorkspace, 6, 1, 0, 7);
    const column = aStart + step.lda;
    // Without earlier reflectors the pivot row loses τ·(A_jᵀ·v)·1: choose τ = 0 to keep A(0, j).
    step.partial[normsStart] = Math.abs(step.a[column]) * (1 + 1e-12);
    step.exact[normsStart] = step.partial[normsStart];
    run(typescriptKernels, step, 0);
    expect(step.partial[normsStart]).toBe(-1);
  });

  it('runs in WebAssembly and matches the TypeScript tier at odd sizes and offsets', () => {
    setActiveTeam(undefined);
    const space = createWorkspace(1 << 20);
    for (const [m, n, k] of sizes) {
      const plain = makeStep(plainWorkspace, m, n, k, 3 * m + n);
      const wasm = makeStep(space, m, n, k, 3 * m + n);
      expect(instanceOwning(wasm.a)).toBeDefined();
      run(typescriptKernels, plain, -0.75);
      run(kernels, wasm, -0.75);
      for (const name of ['a', 'f', 'partial'] as const) {
        const expected = plain[name];
        const scale = expected.reduce((s, x) => Math.max(s, Math.abs(x)), 1);
        for (let i = 0; i < expected.length; i++) {
          expect(Math.abs(wasm[name][i] - expected[i]), `${name}[${i}]`).toBeLessThanOrEqual(
            1e-13 * scale,
          );
        }
      }
    }
    space.dispose();
  });

  it.each([2, 3])('split over a team of %i threads equals one thread bit for bit', (threads) => {
    const team = new SequentialTeam(threads);
    setActiveTeam(undefined);
    const one = createWorkspace(1 << 21);
    setActiveTeam(team);
    const shared = createWorkspace(1 << 21);
    // Large enough to be split, with trailing columns that are not a multiple of four.
    const [m, n, k] = [1031, 1023, 13];
    setActiveTeam(undefined);
    const alone = makeStep(one, m, n, k, 11);
    run(kernels, alone, 0.5);
    setActiveTeam(team);
    const split = makeStep(shared, m, n, k, 11);
    const before = team.splitCalls;
    run(kernels, split, 0.5);
    expect(team.splitCalls).toBe(before + 1);
    setActiveTeam(undefined);
    expect(differingEntries(split.a, alone.a)).toBe(0);
    expect(differingEntries(split.f, alone.f)).toBe(0);
    expect(differingEntries(split.partial, alone.partial)).toBe(0);
    one.dispose();
    shared.dispose();
  });
});
