// Dense linear algebra benchmarks: ours on one thread and on every core (a thread team of helper
// threads, as a compute-pool job borrows workers), the TypeScript tier, ml-matrix, and LAPACK
// through numpy/scipy on one BLAS thread and on every core, all in the same run. Median of five
// runs (three for the TypeScript tier); ratios = ours on every core / numpy on every core.
// Also: the kernel builds (plain and relaxed SIMD), the band width of the two-stage SVD, the rank
// of a 4096² noisy low-rank matrix by the adaptive sketch against numpy, and peak memory.
// RANKSCOPE_BENCH_QUICK=1 skips the TypeScript tier and ml-matrix (for a busy machine);
// RANKSCOPE_BENCH_ONLY=LU,QR runs only the rows whose names contain one of the words (and numpy's
// same rows), without the band-width, rank and memory sections.
import { execFileSync } from 'node:child_process';
import os from 'node:os';
import { fileURLToPath } from 'node:url';
import { setFlagsFromString } from 'node:v8';
import {
  EigenvalueDecomposition,
  LuDecomposition,
  Matrix as MlMatrix,
  QrDecomposition,
  SingularValueDecomposition,
} from 'ml-matrix';
import { luFactor, luPartial } from '../linalg/lu';
import { type Matrix } from '../linalg/matrix';
import { multiply } from '../linalg/products';
import { qrPivoted } from '../linalg/qr';
import { adaptiveRandomizedSvd } from '../linalg/randomized';
import { gaussianMatrix } from '../linalg/random';
import {
  relaxedSimdInUse,
  setRelaxedSimdWanted,
  setWasmKernelsEnabled,
} from '../linalg/kernels/wasm-module';
import { singularValues, svd } from '../linalg/svd';
import { symmetricEigen } from '../linalg/symmetric-eig';
import { setBandwidth } from '../linalg/two-stage-bidiagonalize';
import { createWorkspace } from '../linalg/workspace';
import { kernels } from '../linalg/kernels/kernels';
import { startTeam } from './bench-team';

// Node 20 has relaxed SIMD (fused multiply-add) behind a flag; Chromium and Electron have it on.
// Set before the first module is compiled, so both builds can be measured.
setFlagsFromString('--experimental-wasm-relaxed-simd');

const runs = 5;
const quick = process.env.RANKSCOPE_BENCH_QUICK === '1';
const only = process.env.RANKSCOPE_BENCH_ONLY?.split(',').filter((word) => word !== '');

function selected(name: string): boolean {
  return !only || only.some((word) => name.includes(word));
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

function time(task: () => unknown, count = runs): number {
  const samples: number[] = [];
  for (let r = 0; r < count; r++) {
    const start = performance.now();
    task();
    samples.push((performance.now() - start) / 1000);
  }
  return median(samples);
}

function toMl(a: Matrix): MlMatrix {
  const result = new MlMatrix(a.rows, a.cols);
  for (let i = 0; i < a.rows; i++)
    for (let j = 0; j < a.cols; j++) result.set(i, j, a.data[i + j * a.rows]);
  return result;
}

const pythonCases: Record<string, string> = {
  'singular values 1024²': 'np.linalg.svd(a, compute_uv=False)',
  'full SVD 1024²': 'np.linalg.svd(a, full_matrices=False)',
  'QR column pivoting 1024²': 'scipy.linalg.qr(a, pivoting=True, mode="economic")',
  'LU partial pivoting 1024²': 'scipy.linalg.lu_factor(a)',
  'LU with L and U 1024²': 'scipy.linalg.lu(a, p_indices=True)',
  'symmetric eigen 512² (vectors)': 'np.linalg.eigh(s)',
  'singular values 4096²': 'np.linalg.svd(big, compute_uv=False)',
};

function threadsEnvironment(threads?: number): NodeJS.ProcessEnv {
  if (threads === undefined) return process.env;
  const count = String(threads);
  return {
    ...process.env,
    OPENBLAS_NUM_THREADS: count,
    OMP_NUM_THREADS: count,
    MKL_NUM_THREADS: count,
  };
}

/**
 * Median seconds per case from numpy/scipy, or undefined when python3 or numpy is missing; with
 * `threads`, BLAS is held to that many threads. The 4096² case runs three times, not five.
 */
function pythonTimes(threads?: number): Record<string, number> | undefined {
  const script = `
import json, time, numpy as np, scipy.linalg
rng = np.random.default_rng(1)
a = rng.standard_normal((1024, 1024))
b = rng.standard_normal((512, 512)); s = b + b.T
big = rng.standard_normal((4096, 4096))
cases = ${JSON.stringify(Object.fromEntries(Object.entries(pythonCases).filter(([name]) => selected(name))))}
out = {}
for name, code in cases.items():
    samples = []
    for _ in range(3 if '4096' in name else ${runs}):
        t = time.perf_counter(); eval(code); samples.append(time.perf_counter() - t)
    out[name] = sorted(samples)[len(samples) // 2]
print(json.dumps(out))
`;
  try {
    return JSON.parse(
      execFileSync('python3', ['-c', script], {
        encoding: 'utf8',
        timeout: 1_800_000,
        env: threadsEnvironment(threads),
      }),
    );
  } catch {
    return undefined;
  }
}

/** numpy's matrix_rank and a one-pass sketch of width 128 on the same 4096² noisy matrix. */
function pythonRank(): { rank: number; seconds: number; sketch: number } | undefined {
  const script = `
import json, time, numpy as np
n = 4096
rng = np.random.default_rng(11)
a = rng.standard_normal((n, 100)) @ rng.standard_normal((100, n)) + 1e-9 * rng.standard_normal((n, n))
t = time.perf_counter(); r = int(np.linalg.matrix_rank(a)); seconds = time.perf_counter() - t
t = time.perf_counter()
q, _ = np.linalg.qr(a @ rng.standard_normal((n, 128)))
np.linalg.svd(q.T @ a, compute_uv=False)
sketch = time.perf_counter() - t
print(json.dumps({"rank": r, "seconds": seconds, "sketch": sketch}))
`;
  try {
    return JSON.parse(
      execFileSync('python3', ['-c', script], { encoding: 'utf8', timeout: 1_800_000 }),
    );
  } catch {
    return undefined;
  }
}

function format(seconds: number | undefined): string {
  return seconds === undefined ? '—' : `${seconds.toFixed(3)} s`;
}

function ratio(ours: number, other: number | undefined): string {
  return other === undefined ? '—' : `${(ours / other).toFixed(2)}×`;
}

/** Peak resident growth (bytes) of singular values of an n×n matrix, in a fresh process. */
function memoryChild(n: number): void {
  const a = gaussianMatrix(n, n, 1);
  const before = process.resourceUsage().maxRSS * 1024;
  const values = singularValues(a);
  const after = process.resourceUsage().maxRSS * 1024;
  console.log(
    JSON.stringify({ n, matrixBytes: a.data.byteLength, growth: after - before, first: values[0] }),
  );
}

function measureMemory(n: number): { ratio: number; seconds: number } | undefined {
  try {
    const start = performance.now();
    const output = execFileSync('npx', ['tsx', fileURLToPath(import.meta.url)], {
      encoding: 'utf8',
      env: { ...process.env, RANKSCOPE_LINALG_MEMORY_CHILD: String(n) },
      timeout: 1_800_000,
    });
    const seconds = (performance.now() - start) / 1000;
    const line = output.trim().split('\n').pop()!;
    const result = JSON.parse(line) as { matrixBytes: number; growth: number };
    return { ratio: result.growth / result.matrixBytes, seconds };
  } catch {
    return undefined;
  }
}

/** GFlops of a 1024³ product on a workspace, one thread, with each kernel build. */
function kernelBuilds(): string {
  const n = 1024;
  const line: string[] = [];
  for (const relaxed of [false, true]) {
    setRelaxedSimdWanted(relaxed);
    if (relaxed && !relaxedSimdInUse()) {
      line.push('relaxed SIMD: not offered by this engine');
      continue;
    }
    const space = createWorkspace(3 * n * n + 64);
    const a = space.vector(n * n);
    const b = space.vector(n * n);
    const c = space.vector(n * n);
    a.set(gaussianMatrix(n, n, 1).data);
    b.set(gaussianMatrix(n, n, 2).data);
    const seconds = time(() =>
      kernels.gemm(false, false, n, n, n, 1, a, 0, n, b, 0, n, 0, c, 0, n),
    );
    line.push(
      `${relaxed ? 'relaxed SIMD (FMA)' : 'plain SIMD'} ${((2 * n ** 3) / seconds / 1e9).toFixed(1)} GFlops`,
    );
  }
  setRelaxedSimdWanted(true);
  return line.join(', ');
}

export async function run(): Promise<void> {
  const cores = os.availableParallelism();
  const a = gaussianMatrix(1024, 1024, 1);
  const b = gaussianMatrix(512, 512, 2);
  const s = gaussianMatrix(512, 512, 3);
  for (let j = 0; j < 512; j++)
    for (let i = 0; i < 512; i++) s.data[i + j * 512] = b.data[i + j * 512] + b.data[j + i * 512];
  const big = selected('singular values 4096²') ? gaussianMatrix(4096, 4096, 4) : undefined;

  console.log(
    `load average before: ${os
      .loadavg()
      .map((x) => x.toFixed(2))
      .join(' ')}`,
  );
  console.log(`gemm 1024³ on one thread: ${kernelBuilds()}`);
  console.log(
    `(relaxed SIMD is what runs where the engine offers it: ${relaxedSimdInUse() ? 'here, yes' : 'here, no'})`,
  );

  const python = pythonTimes();
  const pythonSingle = pythonTimes(1);
  const mlA = quick ? undefined : toMl(a);
  const mlS = quick ? undefined : toMl(s);

  console.log(
    `| case | ours, ${cores} threads | ours, 1 thread | TypeScript tier | ml-matrix | numpy 1 thread | numpy ${cores} threads | ours/numpy (1 thread each) | ours/numpy (${cores} threads each) |`,
  );
  console.log('|---|---|---|---|---|---|---|---|---|');
  // Rows print as they finish. The TypeScript tier is what runs where WebAssembly is unavailable.
  const row = async (name: string, task: () => unknown, ml?: () => unknown, count = runs) => {
    if (!selected(name)) return;
    const single = time(task, count);
    const team = await startTeam(cores);
    const all = time(task, count);
    await team.stop();
    let typescript: number | undefined;
    if (!quick && count === runs) {
      setWasmKernelsEnabled(false);
      typescript = time(task, 3);
      setWasmKernelsEnabled(true);
    }
    const mlTime = ml && !quick ? time(ml, 3) : undefined;
    console.log(
      `| ${name} | ${format(all)} | ${format(single)} | ${format(typescript)} | ${format(mlTime)} | ${format(pythonSingle?.[name])} | ${format(python?.[name])} | ${ratio(single, pythonSingle?.[name])} | ${ratio(all, python?.[name])} |`,
    );
  };
  await row(
    'singular values 1024²',
    () => singularValues(a),
    () =>
      new SingularValueDecomposition(mlA!, {
        computeLeftSingularVectors: false,
        computeRightSingularVectors: false,
      }),
  );
  await row('full SVD 1024²', () => svd(a, { vectors: true }));
  await row(
    'QR column pivoting 1024²',
    () => qrPivoted(a),
    () => new QrDecomposition(mlA!),
  );
  // The compact form, as scipy's lu_factor returns; then L and U apart, as scipy's lu.
  await row(
    'LU partial pivoting 1024²',
    () => luFactor(a),
    () => new LuDecomposition(mlA!),
  );
  await row('LU with L and U 1024²', () => luPartial(a));
  await row(
    'symmetric eigen 512² (vectors)',
    () => symmetricEigen(s, { vectors: true }),
    () => new EigenvalueDecomposition(mlS!, { assumeSymmetric: true }),
  );
  await row('singular values 4096²', () => singularValues(big!), undefined, 3);
  if (!python) console.log('(python3 with numpy and scipy not found: no LAPACK columns)');
  console.log(
    '(ml-matrix QR is unpivoted Householder QR; ml-matrix EVD of a symmetric matrix is tred2 + tql2)',
  );

  if (only) {
    console.log(
      `load average after: ${os
        .loadavg()
        .map((x) => x.toFixed(2))
        .join(' ')}`,
    );
    return;
  }
  // The band width of the two-stage reduction, measured: values of 1024² and 2048², all cores.
  const team = await startTeam(cores);
  for (const n of [1024, 2048]) {
    const matrix = n === 1024 ? a : gaussianMatrix(n, n, 5);
    const line: string[] = [];
    for (const width of [16, 32, 48, 64]) {
      setBandwidth(width);
      line.push(`b=${width} ${format(time(() => singularValues(matrix), 3))}`);
    }
    setBandwidth(undefined);
    console.log(
      `two-stage band width, singular values ${n}² (${cores} threads): ${line.join(', ')}`,
    );
  }

  // Rank 100 plus 1e-9 noise, 4096²: the adaptive randomized SVD finds the gap.
  const n = 4096;
  const signal = multiply(gaussianMatrix(n, 100, 11), gaussianMatrix(100, n, 12));
  const noise = gaussianMatrix(n, n, 13);
  for (let k = 0; k < signal.data.length; k++) signal.data[k] += 1e-9 * noise.data[k];
  for (const powerIterations of [1, 0]) {
    let found: ReturnType<typeof adaptiveRandomizedSvd> | undefined;
    const adaptive = time(() => {
      found = adaptiveRandomizedSvd(signal, { seed: 1, powerIterations });
    });
    console.log(
      `adaptive randomized SVD, 4096² of rank 100 + 1e-9 noise, ${powerIterations} power iteration(s), ${cores} threads: ` +
        `${format(adaptive)} (median of ${runs}), rank ${found?.rank}, stopped because ` +
        `${found?.stoppedBecause}, sketch ${found?.values.length}`,
    );
  }
  await team.stop();
  const numpyRank = pythonRank();
  console.log(
    numpyRank
      ? `numpy on the same kind of matrix (its own generator): matrix_rank ${format(numpyRank.seconds)} → ${numpyRank.rank}; one-pass sketch of width 128 ${format(numpyRank.sketch)}`
      : 'numpy rank: python3 with numpy not found',
  );

  const memorySize = Number(process.env.RANKSCOPE_BENCH_MEMORY_SIZE ?? 2048);
  const memory = measureMemory(memorySize);
  console.log(
    memory
      ? `peak memory growth, singular values of ${memorySize}² (one thread): ${memory.ratio.toFixed(2)}× the matrix bytes (one run, ${memory.seconds.toFixed(1)} s incl. startup)`
      : 'peak memory: child process failed',
  );
  console.log(
    `load average after: ${os
      .loadavg()
      .map((x) => x.toFixed(2))
      .join(' ')}`,
  );
}

const child = process.env.RANKSCOPE_LINALG_MEMORY_CHILD;
if (child) memoryChild(Number(child));
