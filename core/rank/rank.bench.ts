// Benchmarks of the rank concepts (never run as tests): numerical rank of a noisy low-rank
// matrix by the full spectrum and by the adaptive sketch, the pseudo-inverse, and robust PCA,
// beside ml-matrix. Median of five runs; ratio = ours / ml-matrix. numpy figures for the same
// cases are measured by hand (see the report) because core/ may not start processes.
import {
  Matrix as MlMatrix,
  SingularValueDecomposition,
  pseudoInverse as mlPseudoInverse,
} from 'ml-matrix';
import type { Matrix } from '../linalg/matrix';
import { gaussianMatrix, seededRandom } from '../linalg/random';
import { knownRank } from '../linalg/special-matrices';
import { singularValues } from '../linalg/svd';
import { spectralGapRank } from './policies';
import { robustPca } from './robust-pca';
import { sketchedRank } from './sketched-rank';
import { pseudoInverse } from './subspaces';

const runs = 5;

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

/** Median seconds of `runs` calls, and the last call's answer. */
function time<T>(task: () => T): { seconds: number; answer: T } {
  const samples: number[] = [];
  let answer: T | undefined;
  for (let r = 0; r < runs; r++) {
    const start = performance.now();
    answer = task();
    samples.push((performance.now() - start) / 1000);
  }
  return { seconds: median(samples), answer: answer as T };
}

function toMl(a: Matrix): MlMatrix {
  const result = new MlMatrix(a.rows, a.cols);
  for (let i = 0; i < a.rows; i++)
    for (let j = 0; j < a.cols; j++) result.set(i, j, a.data[i + j * a.rows]);
  return result;
}

function noisyLowRank(size: number, rank: number, noise: number, seed: number): Matrix {
  const signal = knownRank(size, size, rank, seed);
  const perturbation = gaussianMatrix(size, size, seed + 1);
  for (let k = 0; k < signal.data.length; k++) signal.data[k] += noise * perturbation.data[k];
  return signal;
}

interface Row {
  name: string;
  ours: number;
  oursAnswer: string;
  baseline: number | null;
  baselineAnswer: string;
}

const widths = [66, 9, 26, 14, 10, 6];

/** One line per case, printed as soon as it is measured (the large cases take a while). */
function print(row: Row | string[]): void {
  const cells = Array.isArray(row)
    ? row
    : [
        row.name,
        row.ours.toFixed(3),
        row.oursAnswer,
        row.baseline === null ? '—' : row.baseline.toFixed(3),
        row.baselineAnswer,
        row.baseline === null ? '—' : (row.ours / row.baseline).toFixed(2),
      ];
  console.log(cells.map((cell, column) => cell.padEnd(widths[column])).join('  '));
}

/** largeSize: the side of the sketched cases (the 4096 takes minutes per run here). */
export async function run(options: { largeSize?: number } = {}): Promise<void> {
  const largeSize = options.largeSize ?? 2048;
  print(['case', 'ours (s)', 'answer', 'ml-matrix (s)', 'answer', 'ratio']);

  const medium = noisyLowRank(1024, 50, 1e-9, 7);
  const gapFull = time(() => spectralGapRank(singularValues(medium), medium).rank);
  const mlMedium = toMl(medium);
  const mlRank = time(
    () =>
      new SingularValueDecomposition(mlMedium, {
        computeLeftSingularVectors: false,
        computeRightSingularVectors: false,
      }).rank,
  );
  print({
    name: 'rank 1024² (rank 50 + 1e-9 noise), full spectrum + gap policy',
    ours: gapFull.seconds,
    oursAnswer: String(gapFull.answer),
    baseline: mlRank.seconds,
    baselineAnswer: String(mlRank.answer),
  });
  const gapSketch = time(() => sketchedRank(medium, { policy: 'gap' }).rank);
  print({
    name: 'rank 1024² (rank 50 + 1e-9 noise), adaptive sketch + gap policy',
    ours: gapSketch.seconds,
    oursAnswer: String(gapSketch.answer),
    baseline: mlRank.seconds,
    baselineAnswer: String(mlRank.answer),
  });

  const large = noisyLowRank(largeSize, 100, 1e-9, 11);
  for (const policy of ['gap', 'noise'] as const) {
    const sketched = time(() => sketchedRank(large, { policy }).rank);
    print({
      name: `rank ${largeSize}² (rank 100 + 1e-9 noise), adaptive sketch + ${policy} policy`,
      ours: sketched.seconds,
      oursAnswer: String(sketched.answer),
      baseline: null,
      baselineAnswer: 'too slow',
    });
  }

  const deficient = knownRank(300, 300, 120, 5);
  const ours = time(() => pseudoInverse(deficient).rows);
  const mlDeficient = toMl(deficient);
  const theirs = time(() => mlPseudoInverse(mlDeficient).rows);
  print({
    name: 'pseudo-inverse 300² of rank 120',
    ours: ours.seconds,
    oursAnswer: '300×300',
    baseline: theirs.seconds,
    baselineAnswer: '300×300',
  });

  const split = knownRank(200, 150, 5, 3);
  const random = seededRandom(4);
  // About 6 % of the entries corrupted by ±10 at random places.
  for (let k = 0; k < split.data.length; k++) {
    if (random.uniform() < 0.06) split.data[k] += random.uniform() < 0.5 ? -10 : 10;
  }
  const pursuit = time(() => robustPca(split));
  print({
    name: 'robust PCA 200×150 (rank 5 + 6 % sparse)',
    ours: pursuit.seconds,
    oursAnswer: `rank ${pursuit.answer.rank}, ${pursuit.answer.iterations} iterations`,
    baseline: null,
    baselineAnswer: 'none',
  });
}
