// Weight-file analysis as the Lab and `rankscope analyze` run it: a safetensors file on disk read
// one tensor at a time (header, then that tensor's byte range), decoded to Float64 and put
// through analyzeWeight (values-only SVD + every rank measure). Cases: one 4096×4096 float32
// tensor (64 MB) and a file of 100 float32 tensors of 768×768. Prints median seconds of
// RANKSCOPE_BENCH_RUNS runs (default 5) and peak RSS (Linux VmHWM, reset per case; else sampled
// from progress callbacks), beside numpy's np.linalg.svd(compute_uv=False) when python3 has it.
// Checkpoint cases (checkpoint-bench.ts): decoding F16/BF16 tensors and the quick pass, beside
// numpy doing the same; RANKSCOPE_BENCH_CHECKPOINT=1 adds the 2 GB, 3-shard checkpoint.
// RANKSCOPE_BENCH_WEIGHTS=checkpoint runs only those.
import { execFileSync } from 'node:child_process';
import {
  closeSync,
  existsSync,
  fstatSync,
  mkdtempSync,
  openSync,
  readFileSync,
  readSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { ByteSource } from '../formats/byte-source';
import {
  readSafetensorsIndex,
  readTensor,
  writeSafetensors,
  type SafetensorsInput,
} from '../formats/safetensors';
import type { JobContext } from '../job-context';
import { analyzeWeight } from '../weights/weight-row';
import { startTeam } from './bench-team';
import { runCheckpointCases } from './checkpoint-bench';

// Five by default (the house rule); RANKSCOPE_BENCH_RUNS=1 for a quick look on a busy machine.
const runs = Math.max(1, Number(process.env.RANKSCOPE_BENCH_RUNS ?? 5) || 5);

function fileSource(file: string): ByteSource & { close(): void } {
  const descriptor = openSync(file, 'r');
  return {
    size: fstatSync(descriptor).size,
    read(offset, length) {
      const bytes = new Uint8Array(length);
      let done = 0;
      while (done < length) {
        const count = readSync(descriptor, bytes, done, length - done, offset + done);
        if (count === 0) break;
        done += count;
      }
      return bytes.subarray(0, done);
    },
    close: () => closeSync(descriptor),
  };
}

/** Float32 row-major bytes of a seeded matrix of the given rank plus small noise. */
function float32Tensor(name: string, rows: number, cols: number, seed: number): SafetensorsInput {
  const values = new Float32Array(rows * cols);
  let state = seed >>> 0;
  const random = () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 4294967296 - 0.5;
  };
  for (let k = 0; k < values.length; k++) values[k] = random() * 0.02;
  return { name, dtype: 'F32', shape: [rows, cols], data: new Uint8Array(values.buffer) };
}

const hasHighWaterMark = existsSync('/proc/self/status') && existsSync('/proc/self/clear_refs');

function resetPeak(): void {
  // Writing 5 to clear_refs resets the peak RSS (VmHWM) to the current RSS (Linux ≥ 4.0).
  if (hasHighWaterMark) writeFileSync('/proc/self/clear_refs', '5');
}

function peakBytes(sampled: number): number {
  if (!hasHighWaterMark) return sampled;
  const match = readFileSync('/proc/self/status', 'utf8').match(/VmHWM:\s+(\d+) kB/);
  return match ? Math.max(Number(match[1]) * 1024, sampled) : sampled;
}

interface CaseResult {
  seconds: number[];
  peak: number;
  /** Largest peak − starting RSS over the runs: the memory the analysis itself took. */
  growth: number;
  tensors: number;
}

async function analyseFile(file: string): Promise<{ peak: number; tensors: number }> {
  let sampled = process.memoryUsage().rss;
  const context: JobContext = {
    progress: () => {
      sampled = Math.max(sampled, process.memoryUsage().rss);
    },
    checkCancelled: () => undefined,
  };
  const source = fileSource(file);
  try {
    const entries = await readSafetensorsIndex(source, path.basename(file));
    for (const entry of entries) {
      const tensor = await readTensor(source, entry, { maxEntries: 2 ** 28, layout: 'spectrum' });
      sampled = Math.max(sampled, process.memoryUsage().rss);
      analyzeWeight(
        tensor.matrix,
        { name: entry.name, shape: entry.shape, dtype: entry.dtype },
        { kind: 'default' },
        context,
        { transposed: tensor.transposed },
      );
    }
    return { peak: sampled, tensors: entries.length };
  } finally {
    source.close();
  }
}

async function measure(file: string): Promise<CaseResult> {
  const seconds: number[] = [];
  let peak = 0;
  let growth = 0;
  let tensors = 0;
  for (let run = 0; run < runs; run++) {
    (globalThis as { gc?: () => void }).gc?.();
    resetPeak();
    // The baseline is this run's starting RSS (what VmHWM was just reset to).
    const before = process.memoryUsage().rss;
    const start = performance.now();
    const result = await analyseFile(file);
    seconds.push((performance.now() - start) / 1000);
    const runPeak = peakBytes(result.peak);
    peak = Math.max(peak, runPeak);
    growth = Math.max(growth, runPeak - before);
    tensors = result.tensors;
  }
  return { seconds, peak, growth, tensors };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

/** numpy's median seconds for the same file (safetensors parsed by hand, values-only SVD). */
function numpySeconds(file: string): number | undefined {
  const script = `
import json, struct, sys, time
import numpy as np
path = sys.argv[1]
raw = open(path, 'rb').read()
length = struct.unpack('<Q', raw[:8])[0]
header = json.loads(raw[8:8 + length])
times = []
for _ in range(${runs}):
    start = time.perf_counter()
    for name, entry in header.items():
        if name == '__metadata__':
            continue
        begin, end = entry['data_offsets']
        a = np.frombuffer(raw, dtype='<f4', count=(end - begin) // 4, offset=8 + length + begin).reshape(entry['shape']).astype(np.float64)
        np.linalg.svd(a, compute_uv=False)
    times.append(time.perf_counter() - start)
times.sort()
print(times[len(times) // 2])
`;
  try {
    return Number(
      execFileSync('python3', ['-c', script, file], {
        encoding: 'utf8',
        stdio: ['ignore', 'pipe', 'ignore'],
        timeout: 900_000,
      }).trim(),
    );
  } catch {
    return undefined;
  }
}

const megabyte = 1024 * 1024;

export async function run(): Promise<void> {
  await runCheckpointCases();
  if (process.env.RANKSCOPE_BENCH_WEIGHTS === 'checkpoint') return;
  const folder = mkdtempSync(path.join(os.tmpdir(), 'rankscope-weights-'));
  try {
    const cases = [
      { label: '1 × 4096×4096 F32 (64 MB)', tensors: [float32Tensor('big.weight', 4096, 4096, 1)] },
      {
        label: '100 × 768×768 F32 (225 MB)',
        tensors: Array.from({ length: 100 }, (_, index) =>
          float32Tensor(`layers.${index}.weight`, 768, 768, index + 2),
        ),
      },
    ];
    // As a compute-pool job with borrowed workers: every core (RANKSCOPE_BENCH_THREADS to change).
    const threads = Number(process.env.RANKSCOPE_BENCH_THREADS ?? os.availableParallelism());
    const team = await startTeam(threads);
    console.log(
      `weight analysis (analyzeWeight, values-only SVD), ${threads} thread(s), median of ${runs} runs; peak RSS ${hasHighWaterMark ? 'from VmHWM' : 'sampled'}; load average ${os
        .loadavg()
        .map((x) => x.toFixed(2))
        .join(' ')}`,
    );
    console.log(
      'case                          ours (s)   numpy (s)   ratio   peak RSS   growth (peak − start)   growth / largest tensor',
    );
    for (const { label, tensors } of cases) {
      const file = path.join(folder, 'weights.safetensors');
      writeFileSync(file, writeSafetensors(tensors));
      const largestTensor = Math.max(...tensors.map((tensor) => tensor.data.length));
      const ours = await measure(file);
      const numpy = numpySeconds(file);
      const oursMedian = median(ours.seconds);
      console.log(
        `${label.padEnd(29)} ${oursMedian.toFixed(2).padStart(8)}   ${numpy === undefined ? '      —' : numpy.toFixed(2).padStart(9)}   ${numpy === undefined ? '    —' : (oursMedian / numpy).toFixed(1).padStart(5)}   ${(ours.peak / megabyte).toFixed(0).padStart(5)} MB   ${(ours.growth / megabyte).toFixed(0).padStart(13)} MB           ${(ours.growth / largestTensor).toFixed(2)}× (${(largestTensor / megabyte).toFixed(1)} MB)`,
      );
      rmSync(file);
    }
    await team.stop();
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}

if (process.argv[1] && import.meta.url.endsWith(path.basename(process.argv[1]))) await run();
