// Dense linear algebra benchmarks: ours against ml-matrix and, when python3 has numpy/scipy,
// LAPACK through numpy/scipy on the same machine. Median of five runs; ratios = ours / baseline.
// Memory: peak resident growth while computing singular values, as a multiple of the matrix bytes,
// measured in a child process (RANKSCOPE_BENCH_MEMORY_SIZE, default 2048; the issue asks for 4096).
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import {
  EigenvalueDecomposition,
  LuDecomposition,
  Matrix as MlMatrix,
  QrDecomposition,
  SingularValueDecomposition,
} from 'ml-matrix';
import { luPartial } from '../linalg/lu';
import { type Matrix } from '../linalg/matrix';
import { multiply } from '../linalg/products';
import { qrPivoted } from '../linalg/qr';
import { adaptiveRandomizedSvd } from '../linalg/randomized';
import { gaussianMatrix } from '../linalg/random';
import { setWasmKernelsEnabled } from '../linalg/kernels/wasm-module';
import { singularValues, svd } from '../linalg/svd';
import { symmetricEigen } from '../linalg/symmetric-eig';

const runs = 5;

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
  'symmetric eigen 512² (vectors)': 'np.linalg.eigh(s)',
};

/**
 * Median seconds per case from numpy/scipy, or undefined when python3 or numpy is missing; with
 * `threads`, BLAS is held to that many threads (ours runs on one).
 */
function pythonTimes(threads?: number): Record<string, number> | undefined {
  const script = `
import json, time, numpy as np, scipy.linalg
rng = np.random.default_rng(1)
a = rng.standard_normal((1024, 1024))
b = rng.standard_normal((512, 512)); s = b + b.T
cases = ${JSON.stringify(pythonCases)}
out = {}
for name, code in cases.items():
    samples = []
    for _ in range(${runs}):
        t = time.perf_counter(); eval(code); samples.append(time.perf_counter() - t)
    out[name] = sorted(samples)[len(samples) // 2]
print(json.dumps(out))
`;
  try {
    return JSON.parse(
      execFileSync('python3', ['-c', script], {
        encoding: 'utf8',
        timeout: 600_000,
        env:
          threads === undefined
            ? process.env
            : {
                ...process.env,
                OPENBLAS_NUM_THREADS: String(threads),
                OMP_NUM_THREADS: String(threads),
                MKL_NUM_THREADS: String(threads),
              },
      }),
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

export async function run(): Promise<void> {
  const a = gaussianMatrix(1024, 1024, 1);
  const b = gaussianMatrix(512, 512, 2);
  const s = gaussianMatrix(512, 512, 3);
  for (let j = 0; j < 512; j++)
    for (let i = 0; i < 512; i++) s.data[i + j * 512] = b.data[i + j * 512] + b.data[j + i * 512];
  const python = pythonTimes();
  const pythonSingle = pythonTimes(1);
  const mlA = toMl(a);
  const mlS = toMl(s);

  console.log(
    '| case | ours | ours, TypeScript tier | ml-matrix | numpy 1 thread | numpy all cores | ours/ml | ours/numpy 1 thread | ours/numpy all cores |',
  );
  console.log('|---|---|---|---|---|---|---|---|---|');
  // Rows print as they finish, so a slow baseline does not hide the others. The TypeScript tier
  // is what runs where WebAssembly is unavailable (a page whose content policy forbids it).
  const row = (name: string, task: () => unknown, ml?: number): void => {
    const ours = time(task);
    setWasmKernelsEnabled(false);
    const typescript = time(task, 3);
    setWasmKernelsEnabled(true);
    const reference = python?.[name];
    const single = pythonSingle?.[name];
    console.log(
      `| ${name} | ${format(ours)} | ${format(typescript)} | ${format(ml)} | ${format(single)} | ${format(reference)} | ${ratio(ours, ml)} | ${ratio(ours, single)} | ${ratio(ours, reference)} |`,
    );
  };
  row(
    'singular values 1024²',
    () => singularValues(a),
    time(
      () =>
        new SingularValueDecomposition(mlA, {
          computeLeftSingularVectors: false,
          computeRightSingularVectors: false,
        }),
    ),
  );
  row('full SVD 1024²', () => svd(a, { vectors: true }));
  row(
    'QR column pivoting 1024²',
    () => qrPivoted(a),
    time(() => new QrDecomposition(mlA)),
  );
  row(
    'LU partial pivoting 1024²',
    () => luPartial(a),
    time(() => new LuDecomposition(mlA)),
  );
  row(
    'symmetric eigen 512² (vectors)',
    () => symmetricEigen(s, { vectors: true }),
    time(() => new EigenvalueDecomposition(mlS, { assumeSymmetric: true })),
  );
  if (!python) console.log('(python3 with numpy and scipy not found: no LAPACK column)');
  console.log(
    '(ml-matrix QR is unpivoted Householder QR; ml-matrix EVD of a symmetric matrix is tred2 + tql2)',
  );

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
      `adaptive randomized SVD, 4096² of rank 100 + 1e-9 noise, ${powerIterations} power iteration(s): ` +
        `${format(adaptive)} (median of ${runs}), rank ${found?.rank}, stopped because ` +
        `${found?.stoppedBecause}, sketch ${found?.values.length}`,
    );
  }

  const memorySize = Number(process.env.RANKSCOPE_BENCH_MEMORY_SIZE ?? 2048);
  const memory = measureMemory(memorySize);
  console.log(
    memory
      ? `peak memory growth, singular values of ${memorySize}²: ${memory.ratio.toFixed(2)}× the matrix bytes (one run, ${memory.seconds.toFixed(1)} s incl. startup)`
      : 'peak memory: child process failed',
  );
}

const child = process.env.RANKSCOPE_LINALG_MEMORY_CHILD;
if (child) memoryChild(Number(child));
