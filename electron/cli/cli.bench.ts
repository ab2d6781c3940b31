// The command line and the library as people run them: wall-clock medians of the built command
// (bin/rankscope.mjs → dist/cli) in fresh processes, and of the packaged library (dist/library)
// in this one, with the ratios the targets are stated in and numpy timed in the same run.
// Cases: starting `rankscope rank` on a 2×2 CSV (beside Node's own start); `svd --values` on a
// 1024² CSV against the same matrix as .npy; reading that CSV; the library's singularValues
// against the spectrum job's. RANKSCOPE_BENCH_RUNS sets the runs (default 10 for starts, 5 else).
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { writeNpy } from '../../core/formats/npy';
import { spectrumJob } from '../../core/jobs/spectrum';
import { directContext } from '../../core/jobs/context';
import { gaussianMatrix } from '../../core/linalg/random';
import type { Matrix } from '../../core/linalg/matrix';
import { readLargeTextFile } from './input';

const root = fileURLToPath(new URL('../..', import.meta.url));
const command = path.join(root, 'bin/rankscope.mjs');
const runsOverride = Number(process.env.RANKSCOPE_BENCH_RUNS) || undefined;

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

/**
 * Wall-clock seconds of a fresh process for each case, `runs` times, the cases interleaved run by
 * run so that a change in the machine's load falls on all of them alike.
 */
function processTimes(cases: Record<string, string[]>, runs: number): Record<string, number[]> {
  const times: Record<string, number[]> = Object.fromEntries(
    Object.keys(cases).map((k) => [k, []]),
  );
  for (let run = 0; run < runs; run++) {
    for (const [name, args] of Object.entries(cases)) {
      const start = performance.now();
      const result = spawnSync(process.execPath, args, { stdio: ['ignore', 'ignore', 'pipe'] });
      times[name].push((performance.now() - start) / 1000);
      if (result.status !== 0) throw new Error(`${name} failed: ${result.stderr}`);
    }
  }
  return times;
}

function medians(times: Record<string, number[]>): Record<string, number> {
  return Object.fromEntries(Object.entries(times).map(([name, values]) => [name, median(values)]));
}

/** The median of the run-by-run ratios a[i]/b[i]: steadier than a ratio of medians on a busy machine. */
function pairedRatio(a: number[], b: number[]): number {
  return median(a.map((value, i) => value / b[i]));
}

function inProcessMedian(action: () => void, runs: number): number {
  const times: number[] = [];
  for (let run = 0; run < runs; run++) {
    const start = performance.now();
    action();
    times.push((performance.now() - start) / 1000);
  }
  return median(times);
}

/** numpy's times for the same files, or undefined without python3 and numpy. */
function numpyTimes(csv: string, npy: string): Record<string, number> | undefined {
  const script = `
import json, sys, time
import numpy as np
def best(f, runs=3):
    times = []
    for _ in range(runs):
        t = time.perf_counter(); f(); times.append(time.perf_counter() - t)
    return sorted(times)[len(times) // 2]
csv, npy = sys.argv[1], sys.argv[2]
print(json.dumps({
  'loadtxt': best(lambda: np.loadtxt(csv, delimiter=',')),
  'svdCsv': best(lambda: np.linalg.svd(np.loadtxt(csv, delimiter=','), compute_uv=False)),
  'svdNpy': best(lambda: np.linalg.svd(np.load(npy), compute_uv=False)),
}))`;
  try {
    return JSON.parse(execFileSync('python3', ['-c', script, csv, npy], { encoding: 'utf8' }));
  } catch {
    return undefined;
  }
}

function seconds(value: number | undefined): string {
  return value === undefined ? '—' : `${value.toFixed(3)} s`;
}

function verdict(value: number, limit: number, unit: ' s' | '×'): string {
  return `${value.toFixed(unit === ' s' ? 3 : 2)}${unit} ${value <= limit ? '— met' : '— NOT met'}`;
}

export async function run(): Promise<void> {
  const built = spawnSync(process.execPath, [path.join(root, 'scripts/build-cli.mjs'), '--quiet'], {
    stdio: 'inherit',
  });
  if (built.status !== 0) throw new Error('the command line did not build');
  const folder = mkdtempSync(path.join(os.tmpdir(), 'rankscope-bench-cli-'));
  try {
    const small = path.join(folder, 'small.csv');
    writeFileSync(small, '1,2\n3,4\n');
    const matrix: Matrix = gaussianMatrix(1024, 1024, 20261202);
    const csv = path.join(folder, 'gaussian-1024.csv');
    // Shortest round-trip decimals, as Python's repr and JavaScript's String write them.
    const lines: string[] = [];
    for (let i = 0; i < 1024; i++) {
      const row: string[] = [];
      for (let j = 0; j < 1024; j++) row.push(String(matrix.data[i + j * 1024]));
      lines.push(row.join(','));
    }
    writeFileSync(csv, lines.join('\n') + '\n');
    const npy = path.join(folder, 'gaussian-1024.npy');
    writeFileSync(npy, writeNpy(matrix));
    const csvMegabytes = readFileSync(csv).length / 1e6;

    console.log(
      `load average ${os
        .loadavg()
        .map((value) => value.toFixed(2))
        .join(' ')}`,
    );
    const startTimes = processTimes(
      {
        node: ['-e', '0'],
        version: [command, '--version'],
        rank: [command, 'rank', small],
      },
      runsOverride ?? 10,
    );
    const starts = medians(startTimes);
    const svdTimes = processTimes(
      {
        csv: [command, 'svd', csv, '--values', '--json'],
        npy: [command, 'svd', npy, '--values', '--json'],
      },
      runsOverride ?? 7,
    );
    const svd = medians(svdTimes);
    const svdRatio = pairedRatio(svdTimes.csv, svdTimes.npy);
    // As the command reads it: through the sliding window, the doubles as read (Aᵀ, no copy).
    const reading = inProcessMedian(() => {
      const read = readLargeTextFile(csv, '.csv');
      if (read?.transpose.rows !== 1024) throw new Error('the CSV was not read through the window');
    }, runsOverride ?? 5);

    // The packaged library (dist/library) against the job the app runs, alternating.
    const library = (await import(
      pathToFileURL(path.join(root, 'dist/library/index.js')).href
    )) as {
      singularValues(matrix: Matrix): Float64Array;
    };
    const request = { matrix: { ...matrix, data: new Float64Array(matrix.data) } };
    const libraryTimes: number[] = [];
    const jobTimes: number[] = [];
    for (let run = 0; run < (runsOverride ?? 5); run++) {
      libraryTimes.push(inProcessMedian(() => library.singularValues(matrix), 1));
      jobTimes.push(inProcessMedian(() => spectrumJob.run(request, directContext), 1));
    }
    const numpy = numpyTimes(csv, npy);
    console.log(
      `load average ${os
        .loadavg()
        .map((value) => value.toFixed(2))
        .join(' ')}`,
    );

    console.log(
      `\n| case | ours | beside it | ratio / figure (target) | numpy |\n|---|---|---|---|---|`,
    );
    console.log(
      `| \`rankscope rank\` 2×2 CSV, start to exit (median of ${runsOverride ?? 10}) | ${seconds(starts.rank)} | node -e 0: ${seconds(starts.node)}; --version: ${seconds(starts.version)}; rank − node, run by run: ${seconds(median(startTimes.rank.map((time: number, i: number) => time - startTimes.node[i])))} | ${verdict(starts.rank, 0.15, ' s')} (≤ 0.15 s) | — |`,
    );
    console.log(
      `| \`svd --values\` 1024² CSV (${csvMegabytes.toFixed(1)} MB) vs .npy | ${seconds(svd.csv)} | .npy: ${seconds(svd.npy)} | ${verdict(svdRatio, 1.3, '×')} (≤ 1.3×, median of run-by-run ratios) | loadtxt+svd ${seconds(numpy?.svdCsv)}; load+svd ${seconds(numpy?.svdNpy)} |`,
    );
    console.log(
      `| reading the 1024² CSV (file to doubles through the window, in-process) | ${seconds(reading)} | — | ${verdict(reading, 0.3, ' s')} (≤ 0.3 s) | np.loadtxt ${seconds(numpy?.loadtxt)} |`,
    );
    const libraryMedian = median(libraryTimes);
    const jobMedian = median(jobTimes);
    const libraryRatio = pairedRatio(libraryTimes, jobTimes);
    console.log(
      `| library singularValues 1024² (dist/library) vs the spectrum job | ${seconds(libraryMedian)} | job: ${seconds(jobMedian)} | ${verdict(libraryRatio, 1.1, '×')} (≤ 1.10×) | — |`,
    );
    if (!numpy) console.log('(python3 with numpy not found: no numpy column)');
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await run();
