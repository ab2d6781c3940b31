import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { gaussianMatrix } from '../random';
import { SequentialTeam } from '../threads/sequential-team';
import { activeTeam, setActiveTeam } from '../threads/thread-team';
import { createWorkspace, type Workspace } from '../workspace';
import { kernels } from './kernels';
import { instanceOwning, setWasmKernelsEnabled, wasmKernelsEnabled } from './wasm-module';

const tierTeam = activeTeam();
afterEach(() => setActiveTeam(tierTeam));

// Teams split the WebAssembly kernels over shared memories; the TypeScript tier
// (RANKSCOPE_TEST_KERNELS=typescript) has none, so these tests run on WebAssembly in every tier.
const tierWasm = wasmKernelsEnabled();
beforeAll(() => setWasmKernelsEnabled(true));
afterAll(() => setWasmKernelsEnabled(tierWasm));

/** The same numbers in a one-thread memory and in a memory shared by a team of `threads`. */
class Twins {
  readonly one: Workspace;
  readonly split: Workspace;
  constructor(readonly team: SequentialTeam) {
    setActiveTeam(undefined);
    this.one = createWorkspace(1 << 22);
    setActiveTeam(team);
    this.split = createWorkspace(1 << 22);
    setActiveTeam(undefined);
  }

  vector(length: number, seed: number): [Float64Array, Float64Array] {
    const values = gaussianMatrix(length, 1, seed).data;
    const one = this.one.vector(length);
    const split = this.split.vector(length);
    one.set(values);
    split.set(values);
    return [one, split];
  }

  integers(values: number[]): [Int32Array, Int32Array] {
    const one = this.one.integers(values.length);
    const split = this.split.integers(values.length);
    one.set(values);
    split.set(values);
    return [one, split];
  }

  /** Runs `call` on the one-thread twin, then split over the team; checks that it was split. */
  both(call: (pick: <T>(pair: [T, T]) => T) => void): void {
    setActiveTeam(undefined);
    call((pair) => pair[0]);
    const before = this.team.splitCalls;
    setActiveTeam(this.team);
    call((pair) => pair[1]);
    setActiveTeam(undefined);
    expect(this.team.splitCalls).toBe(before + 1);
  }
}

function expectSame(pair: [Float64Array, Float64Array]): void {
  // Pieces keep every entry's order of operations: equal bit for bit, not merely close.
  expect(pair[1]).toEqual(pair[0]);
}

describe.each([2, 3, 4])('kernels split over a team of %i threads', (threads) => {
  // Fresh memories per test, so no test runs out of room and spills into ordinary arrays.
  let twins: Twins;
  beforeEach(() => {
    twins = new Twins(new SequentialTeam(threads));
  });

  it('live in shared memories with a packing slot per thread', () => {
    const [, split] = twins.vector(4, 1);
    const instance = instanceOwning(split)!;
    expect(instance.shared).toBe(true);
    expect(instance.slots).toBe(threads);
  });

  it('gemm: every transpose, split by columns and by rows, odd sizes and offsets', () => {
    for (const [m, n, depth] of [
      [131, 67, 129],
      [1029, 9, 131],
      [9, 1201, 257],
    ]) {
      for (const tA of [false, true]) {
        for (const tB of [false, true]) {
          const lda = (tA ? depth : m) + 3;
          const ldb = (tB ? n : depth) + 1;
          const a = twins.vector(lda * (tA ? m : depth) + 5, m);
          const b = twins.vector(ldb * (tB ? depth : n) + 2, n);
          const c = twins.vector((m + 2) * n + 1, depth);
          twins.both((pick) =>
            kernels.gemm(
              tA,
              tB,
              m,
              n,
              depth,
              -0.5,
              pick(a),
              5,
              lda,
              pick(b),
              2,
              ldb,
              0.25,
              pick(c),
              1,
              m + 2,
            ),
          );
          expectSame(c);
        }
      }
    }
  });

  it('gemv and gemvᵀ split rows and columns', () => {
    const [m, n] = [301, 219];
    const a = twins.vector(m * n + 3, 1);
    const x = twins.vector(m + 2, 2);
    for (const tA of [false, true]) {
      const y = twins.vector(m + 2, 3);
      twins.both((pick) => kernels.gemv(tA, m, n, 1.5, pick(a), 3, m, pick(x), 1, -1, pick(y), 2));
      expectSame(y);
    }
  });

  it('Householder kernels: one reflector, a block of them, fused with a rank-one update', () => {
    const [m, n] = [401, 187];
    const a = twins.vector(m * n + 4, 4);
    const v = twins.vector(m, 5);
    twins.both((pick) =>
      kernels.applyReflectorLeft(m - 1, n - 1, pick(v), 1, 1.2, pick(a), m + 1, m),
    );
    expectSame(a);

    const count = 9;
    const vectors = twins.vector(count * m, 6);
    const starts = twins.integers([0, 1, 1, 3, 4, 6, 6, 7, 8]);
    for (let r = 0; r < count; r++) {
      for (let i = 0; i < starts[0][r]; i++) {
        vectors[0][r * m + i] = 0;
        vectors[1][r * m + i] = 0;
      }
    }
    const taus = twins.vector(count, 7);
    twins.both((pick) =>
      kernels.applyReflectorsLeft(
        m,
        n - 3,
        count,
        pick(vectors),
        m,
        pick(starts),
        pick(taus),
        pick(a),
        3 * m,
        m,
        3,
      ),
    );
    expectSame(a);

    const w = twins.vector(m, 8);
    const factors = twins.vector(n, 9);
    twins.both((pick) =>
      kernels.updateThenReflectLeft(
        m - 2,
        n - 2,
        pick(w),
        1,
        pick(factors),
        2,
        pick(v),
        0,
        0.8,
        pick(a),
        2 * m + 2,
        m,
      ),
    );
    expectSame(a);
  });

  it('Givens sweeps split the rows', () => {
    const [m, n] = [2001, 40];
    const a = twins.vector(m * n, 10);
    const angles = gaussianMatrix(80, 1, 11).data;
    const cosines = twins.vector(80, 0);
    const sines = twins.vector(80, 0);
    for (let i = 0; i < 80; i++) {
      for (const target of cosines) target[i] = Math.cos(angles[i]);
      for (const target of sines) target[i] = Math.sin(angles[i]);
    }
    twins.both((pick) => kernels.rotationSweep(pick(a), m, m, 1, 37, pick(cosines), pick(sines)));
    expectSame(a);
    const firsts = twins.integers([0, 5, 2]);
    const counts = twins.integers([30, 20, 29]);
    const offsets = twins.integers([0, 30, 50]);
    twins.both((pick) =>
      kernels.rotationSweeps(
        pick(a),
        m,
        m,
        3,
        pick(firsts),
        pick(counts),
        pick(offsets),
        pick(cosines),
        pick(sines),
      ),
    );
    expectSame(a);
  });

  it('stages a large product of ordinary arrays into a shared memory and splits it', () => {
    const [m, n, depth] = [211, 150, 140];
    const a = gaussianMatrix(m, depth, 12).data;
    const b = gaussianMatrix(n, depth, 13).data;
    const expected = gaussianMatrix(m, n, 14).data;
    const c = expected.slice();
    setActiveTeam(undefined);
    kernels.gemm(false, true, m, n, depth, 2, a, 0, m, b, 0, n, -1, expected, 0, m);
    const before = twins.team.splitCalls;
    setActiveTeam(twins.team);
    kernels.gemm(false, true, m, n, depth, 2, a, 0, m, b, 0, n, -1, c, 0, m);
    expect(twins.team.splitCalls).toBe(before + 1);
    expect(instanceOwning(c)).toBeUndefined();
    expect(c).toEqual(expected);
  });
});
