// Project files: save and open a project holding a 4096×4096 float64 matrix (128 MiB) through the
// host's ProjectFileStore (zip container, .npy blob, CRC-32, SHA-256, atomic write with fsync).
// Median of five runs, beside two baselines: the raw I/O floor (writeFile + fsync / readFile of
// the same bytes) and, when python3 has numpy, np.save / np.load of the same matrix.
// Peak RSS: the process's lifetime maximum (resourceUsage().maxRSS) and rss sampled per phase.
import { execFileSync } from 'node:child_process';
import { mkdtemp, open, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { checksum, ProjectFileStore } from './project-file-store';
import { decodeProject, encodeProject } from '../../core/project/container';
import { projectVersion, type ProjectDocument } from '../../core/project/schema';
import type { Matrix } from '../../core/linalg/matrix';

const runs = 5;
const size = Number(process.env.RANKSCOPE_BENCH_PROJECT_SIZE ?? 4096);

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

let peakSampled = 0;
const sample = () => {
  peakSampled = Math.max(peakSampled, process.memoryUsage().rss);
};

async function time(task: () => Promise<unknown> | unknown): Promise<number> {
  const samples: number[] = [];
  for (let r = 0; r < runs; r++) {
    const start = performance.now();
    await task();
    samples.push((performance.now() - start) / 1000);
    sample();
  }
  return median(samples);
}

function numpyTimes(folder: string): { save: number; load: number } | undefined {
  const script = `
import numpy as np, time, os, statistics
a = np.random.default_rng(1).standard_normal((${size}, ${size}))
p = os.path.join(${JSON.stringify(folder)}, 'numpy.npy')
s, l = [], []
for _ in range(${runs}):
    t = time.perf_counter()
    with open(p, 'wb') as f:
        np.save(f, a); f.flush(); os.fsync(f.fileno())
    s.append(time.perf_counter() - t)
    t = time.perf_counter(); np.load(p); l.append(time.perf_counter() - t)
print(statistics.median(s), statistics.median(l))
`;
  try {
    const [save, load] = execFileSync('python3', ['-c', script], {
      encoding: 'utf8',
      timeout: 300_000,
    })
      .trim()
      .split(' ')
      .map(Number);
    return { save, load };
  } catch {
    return undefined;
  }
}

export async function run(): Promise<void> {
  const folder = await mkdtemp(path.join(os.tmpdir(), 'rankscope-bench-project-'));
  try {
    const data = new Float64Array(size * size);
    let seed = 12345;
    for (let k = 0; k < data.length; k++) {
      seed = (seed * 1103515245 + 12345) >>> 0;
      data[k] = seed / 2 ** 32 - 0.5;
    }
    const matrix: Matrix = { rows: size, cols: size, data };
    const document: ProjectDocument = {
      type: 'rankscope',
      version: projectVersion,
      title: 'Benchmark',
      matrices: [{ id: 'weights', name: `Weights ${size}×${size}`, entries: [] }],
      views: {},
      notes: '',
    };
    const blobs = new Map([['weights', matrix]]);
    const file = path.join(folder, 'bench.rankscope');
    const store = new ProjectFileStore();
    sample();

    const save = await time(() =>
      store.save(file, document, blobs, { overwriteExternalChanges: true }),
    );
    const openTime = await time(() => new ProjectFileStore().open(file));
    const peakAfterSaveAndOpen = process.resourceUsage().maxRSS * 1024;
    const bytes = new Uint8Array(await readFile(file));
    const encode = await time(() => encodeProject(document, blobs, { checksum }));
    const decode = await time(() =>
      decodeProject(bytes, 'bench.rankscope', { maxEntries: 10, maxTotalBytes: 2 ** 31, checksum }),
    );
    const raw = path.join(folder, 'raw.bin');
    const rawWrite = await time(async () => {
      const handle = await open(raw, 'w');
      await handle.write(bytes);
      await handle.sync();
      await handle.close();
    });
    const rawRead = await time(() => readFile(raw));
    const numpy = numpyTimes(folder);

    const mib = (value: number) => `${(value / 1024 ** 2).toFixed(0)} MiB`;
    const row = (name: string, ours: number, baseline?: number, baselineName = '') =>
      console.log(
        `${name.padEnd(34)} ${ours.toFixed(3).padStart(8)} s` +
          (baseline === undefined
            ? ''
            : `   ${baselineName.padEnd(22)} ${baseline.toFixed(3).padStart(8)} s   ratio ${(ours / baseline).toFixed(2)}`),
      );
    console.log(
      `project with one ${size}×${size} float64 matrix (file ${mib(bytes.length)}), median of ${runs} runs`,
    );
    row(
      'save (ProjectFileStore, atomic+fsync)',
      save,
      numpy?.save ?? rawWrite,
      numpy ? 'numpy np.save+fsync' : 'raw write+fsync',
    );
    row(
      'open (ProjectFileStore, CRC-32 checked)',
      openTime,
      numpy?.load ?? rawRead,
      numpy ? 'numpy np.load' : 'raw readFile',
    );
    row('  encodeProject (in memory, copied)', encode);
    row('  decodeProject (in memory, copied)', decode);
    row('  I/O floor: write + fsync', rawWrite);
    row('  I/O floor: readFile', rawRead);
    console.log(`peak RSS after the save and open runs: ${mib(peakAfterSaveAndOpen)}`);
    console.log(
      `peak RSS: ${mib(process.resourceUsage().maxRSS * 1024)} (lifetime max), ${mib(peakSampled)} sampled; matrix ${mib(data.byteLength)}`,
    );
  } finally {
    await rm(folder, { recursive: true, force: true });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await run();
