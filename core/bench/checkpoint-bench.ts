// Checkpoint benchmarks: decoding F16 and BF16 tensors straight into the SVD's workspace, and the
// quick pass (randomized range finder, k = 16, 8 extra columns, one power iteration), each beside
// numpy doing the same work on the same file in the same run. With RANKSCOPE_BENCH_CHECKPOINT=1: a
// generated 2 GB checkpoint (35 tensors of 4096² and 11008×4096, F16/BF16, 3 shards and an index)
// — the quick pass over all of it in one process, then as two shard processes (one per core) merged,
// with peak memory; numpy's quick pass over the same; the full pass on one tensor of each shape.
import { execFileSync, spawn } from 'node:child_process';
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
  writeSync,
} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { setFlagsFromString } from 'node:v8';
import type { ByteSource } from '../formats/byte-source';
import { decodeTensor } from '../formats/tensor-decoding';
import { runCheckpointAnalysis } from '../jobs/checkpoint-analysis';
import { relaxedSimdInUse } from '../linalg/kernels/wasm-module';
import { analyzeCheckpointTensor } from '../jobs/checkpoint-tensor';
import { openCheckpoint, type CheckpointFiles } from '../weights/checkpoint';
import { fingerprintCheckpoint } from '../weights/fingerprint';
import { mergeReports } from '../weights/merge';
import { startTeam } from './bench-team';
import type { ReportSettings } from '../weights/report';
import { defaultQuickPassSettings } from '../weights/spectrum-passes';

// Node 20 has relaxed SIMD (fused multiply-add) behind a flag; Electron, where the Lab runs, and
// Node ≥ 22 have it on. Set before the first module is compiled (as linalg.ts does).
setFlagsFromString('--experimental-wasm-relaxed-simd');

const runs = Math.max(1, Number(process.env.RANKSCOPE_BENCH_RUNS ?? 5) || 5);
const megabyte = 1024 * 1024;

/** The files of a folder on disk, read with positioned reads (as the host's file source does). */
function diskFiles(folder: string): CheckpointFiles {
  const opened = new Map<string, ByteSource>();
  return {
    list: () => [],
    open(name): ByteSource {
      const known = opened.get(name);
      if (known) return known;
      const descriptor = openSync(path.join(folder, name), 'r');
      const source: ByteSource = {
        size: fstatSync(descriptor).size,
        read(offset, length) {
          const buffer = new Uint8Array(length);
          let done = 0;
          while (done < length) {
            const count = readSync(descriptor, buffer, done, length - done, offset + done);
            if (count === 0) break;
            done += count;
          }
          return buffer.subarray(0, done);
        },
      };
      opened.set(name, source);
      return source;
    },
  };
}

export interface TensorSpec {
  name: string;
  dtype: 'F16' | 'BF16';
  rows: number;
  cols: number;
}

/** A safetensors file of random F16/BF16 weights of moderate size, written a few MB at a time. */
function writeShard(file: string, tensors: TensorSpec[], seed: number): void {
  const header: Record<string, unknown> = { __metadata__: { format: 'pt' } };
  let offset = 0;
  for (const tensor of tensors) {
    const bytes = tensor.rows * tensor.cols * 2;
    header[tensor.name] = {
      dtype: tensor.dtype,
      shape: [tensor.rows, tensor.cols],
      data_offsets: [offset, offset + bytes],
    };
    offset += bytes;
  }
  let json = JSON.stringify(header);
  json += ' '.repeat((8 - (json.length % 8)) % 8);
  const descriptor = openSync(file, 'w');
  try {
    const prefix = new Uint8Array(8);
    new DataView(prefix.buffer).setBigUint64(0, BigInt(json.length), true);
    writeSync(descriptor, prefix);
    writeSync(descriptor, new TextEncoder().encode(json));
    let state = seed >>> 0;
    const chunk = new Uint16Array(1 << 21);
    for (const tensor of tensors) {
      let left = tensor.rows * tensor.cols;
      while (left > 0) {
        const count = Math.min(left, chunk.length);
        for (let k = 0; k < count; k++) {
          state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
          // Sign, an exponent giving |w| in [2^-9, 2^-3), random fraction bits: weights of size ~0.01–0.1.
          const fraction = state & (tensor.dtype === 'F16' ? 0x3ff : 0x7f);
          const exponent = 6 + ((state >>> 12) % 6);
          chunk[k] =
            tensor.dtype === 'F16'
              ? ((state >>> 31) << 15) | (exponent << 10) | fraction
              : ((state >>> 31) << 15) | ((exponent + 112) << 7) | fraction;
        }
        writeSync(descriptor, new Uint8Array(chunk.buffer, 0, count * 2));
        left -= count;
      }
    }
  } finally {
    closeSync(descriptor);
  }
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

const numpyScript = `
import json, struct, sys, time
import numpy as np
mode, runs = sys.argv[1], int(sys.argv[2])
files = sys.argv[3:]
def tensors():
    for file in files:
        raw = open(file, 'rb').read()
        length = struct.unpack('<Q', raw[:8])[0]
        header = json.loads(raw[8:8 + length])
        for name, entry in header.items():
            if name == '__metadata__':
                continue
            begin, end = entry['data_offsets']
            yield entry, np.frombuffer(raw, dtype='<u2', count=(end - begin) // 2, offset=8 + length + begin)
def decode(entry, bits):
    if entry['dtype'] == 'BF16':
        a = (bits.astype(np.uint32) << 16).view(np.float32)
    else:
        a = bits.view('<f2')
    return a.reshape(entry['shape']).astype(np.float64)
def quick(a, k=16, p=8, q=1, seed=1):
    rng = np.random.default_rng(seed)
    omega = rng.standard_normal((a.shape[1], k + p))
    y = a @ omega
    for _ in range(q):
        z = a.T @ np.linalg.qr(y)[0]
        y = a @ np.linalg.qr(z)[0]
    basis = np.linalg.qr(y)[0]
    return np.linalg.svd(basis.T @ a, compute_uv=False)[:k]
timings = {}
for run in range(runs):
    for entry, bits in tensors():
        key = '%s %dx%d' % (entry['dtype'], *entry['shape'])
        start = time.perf_counter()
        a = decode(entry, bits)
        middle = time.perf_counter()
        if mode == 'quick':
            quick(a)
        elif mode == 'full':
            np.linalg.svd(a, compute_uv=False)
        end = time.perf_counter()
        timings.setdefault(key, {'decode': [], 'pass': []})
        timings[key]['decode'].append(middle - start)
        timings[key]['pass'].append(end - middle)
print(json.dumps(timings))
`;

/** numpy's seconds per tensor shape for decode and the pass, summed per run, medians; undefined without numpy. */
function numpyTimings(
  mode: 'quick' | 'full' | 'decode',
  files: string[],
  numpyRuns: number,
): Record<string, { decode: number[]; pass: number[] }> | undefined {
  try {
    return JSON.parse(
      execFileSync('python3', ['-c', numpyScript, mode, String(numpyRuns), ...files], {
        encoding: 'utf8',
        stdio: ['ignore', 'pipe', 'ignore'],
        timeout: 3_600_000,
        maxBuffer: 1 << 24,
      }),
    );
  } catch {
    return undefined;
  }
}

const hasHighWaterMark = existsSync('/proc/self/clear_refs');
function resetPeak(): void {
  if (hasHighWaterMark) writeFileSync('/proc/self/clear_refs', '5');
}
function peakBytes(): number {
  const match = existsSync('/proc/self/status')
    ? readFileSync('/proc/self/status', 'utf8').match(/VmHWM:\s+(\d+) kB/)
    : null;
  return match ? Number(match[1]) * 1024 : process.memoryUsage().rss;
}

const settings: ReportSettings = {
  passes: ['quick'],
  policy: { kind: 'default' },
  quick: defaultQuickPassSettings,
  selection: 'matrices',
};

async function tensorCases(folder: string): Promise<void> {
  const specs: TensorSpec[] = [
    { name: 'attn.weight', dtype: 'F16', rows: 4096, cols: 4096 },
    { name: 'mlp.up.weight', dtype: 'BF16', rows: 11008, cols: 4096 },
  ];
  const file = path.join(folder, 'two.safetensors');
  writeShard(file, specs, 7);
  const files = diskFiles(folder);
  const checkpoint = await openCheckpoint(files, 'two.safetensors');
  const ours: Record<string, { decode: number[]; quick: number[] }> = {};
  for (let run = 0; run < runs; run++) {
    for (const tensor of checkpoint.tensors) {
      const key = `${tensor.dtype} ${tensor.rows}x${tensor.cols}`;
      ours[key] ??= { decode: [], quick: [] };
      const start = performance.now();
      await decodeTensor(await files.open(tensor.data.file), tensor.data, {
        layout: 'spectrum',
        maxEntries: 2 ** 28,
      });
      ours[key].decode.push((performance.now() - start) / 1000);
      const quick = await analyzeCheckpointTensor(files, {
        tensor,
        pass: 'quick',
        settings,
        maxEntries: 2 ** 28,
      });
      ours[key].quick.push(quick.seconds);
    }
  }
  const numpy = numpyTimings('quick', [file], runs);
  console.log(
    `checkpoint tensors: decode into the SVD workspace, and decode + quick pass (k=16, p=8, q=1); median of ${runs} runs`,
  );
  console.log(
    'tensor               decode ours   numpy   ratio   decode+quick ours   numpy   ratio',
  );
  for (const [key, times] of Object.entries(ours)) {
    const decode = median(times.decode);
    const quick = median(times.quick);
    const reference = numpy?.[key];
    const numpyDecode = reference ? median(reference.decode) : undefined;
    const numpyQuick = reference
      ? median(reference.decode.map((seconds, k) => seconds + reference.pass[k]))
      : undefined;
    const cell = (value: number | undefined) =>
      value === undefined ? '     —' : value.toFixed(2).padStart(6);
    const ratio = (a: number, b: number | undefined) =>
      b === undefined ? '    —' : (a / b).toFixed(1).padStart(5);
    console.log(
      `${key.padEnd(20)} ${cell(decode)} s  ${cell(numpyDecode)} s  ${ratio(decode, numpyDecode)}×   ${cell(quick)} s         ${cell(numpyQuick)} s  ${ratio(quick, numpyQuick)}×`,
    );
  }
  rmSync(file);
}

/** One shard's quick pass in this process (the child side of the two-process run). */
async function shardChild(
  folder: string,
  index: number,
  count: number,
  output: string,
): Promise<void> {
  const files = diskFiles(folder);
  const checkpoint = await openCheckpoint(files, 'model.safetensors.index.json');
  const fingerprint = await fingerprintCheckpoint(checkpoint, files);
  let text = '';
  await runCheckpointAnalysis({
    checkpoint,
    files,
    fingerprint,
    settings,
    shard: { index, count },
    append: (piece) => {
      text += piece;
    },
    createdBy: 'rankscope bench',
  });
  writeFileSync(output, text);
  console.log(JSON.stringify({ peak: peakBytes() }));
}

/**
 * Writes the 2 GB checkpoint into `folder`: 35 random F16/BF16 tensors of 4096² and
 * 11008×4096 in 3 safetensors shards and their index (also used to drive the Lab on it by hand).
 */
export function writeBenchmarkCheckpoint(folder: string): {
  tensors: TensorSpec[];
  shardFiles: string[];
  totalBytes: number;
} {
  const layers = 5;
  const all: TensorSpec[] = [];
  for (let layer = 0; layer < layers; layer++) {
    const dtype = layer % 2 === 0 ? 'F16' : 'BF16';
    for (const part of ['q', 'k', 'v', 'o'])
      all.push({ name: `layers.${layer}.attn.${part}.weight`, dtype, rows: 4096, cols: 4096 });
    all.push({ name: `layers.${layer}.mlp.gate.weight`, dtype, rows: 11008, cols: 4096 });
    all.push({ name: `layers.${layer}.mlp.up.weight`, dtype, rows: 11008, cols: 4096 });
    all.push({ name: `layers.${layer}.mlp.down.weight`, dtype, rows: 4096, cols: 11008 });
  }
  const shards = [all.slice(0, 12), all.slice(12, 24), all.slice(24)];
  const weightMap: Record<string, string> = {};
  const shardFiles: string[] = [];
  shards.forEach((tensors, k) => {
    const name = `model-0000${k + 1}-of-00003.safetensors`;
    writeShard(path.join(folder, name), tensors, 100 + k);
    shardFiles.push(path.join(folder, name));
    for (const tensor of tensors) weightMap[tensor.name] = name;
  });
  writeFileSync(
    path.join(folder, 'model.safetensors.index.json'),
    JSON.stringify({ metadata: {}, weight_map: weightMap }),
  );
  const totalBytes = all.reduce((sum, tensor) => sum + tensor.rows * tensor.cols * 2, 0);
  return { tensors: all, shardFiles, totalBytes };
}

async function checkpointCase(folder: string): Promise<void> {
  const { tensors: all, shardFiles, totalBytes } = writeBenchmarkCheckpoint(folder);

  const files = diskFiles(folder);
  const checkpoint = await openCheckpoint(files, 'model.safetensors.index.json');
  const fingerprint = await fingerprintCheckpoint(checkpoint, files);
  (globalThis as { gc?: () => void }).gc?.();
  resetPeak();
  let start = performance.now();
  await runCheckpointAnalysis({
    checkpoint,
    files,
    fingerprint,
    settings,
    append: () => undefined,
    createdBy: 'rankscope bench',
  });
  const oneProcess = (performance.now() - start) / 1000;
  const onePeak = peakBytes();
  console.log(
    `\n2 GB checkpoint (${all.length} tensors, ${(totalBytes / 1e9).toFixed(2)} GB in 3 shards + index), quick pass over every tensor`,
  );
  console.log(
    `  one process:               ${oneProcess.toFixed(1)} s, peak RSS ${(onePeak / megabyte).toFixed(0)} MB`,
  );

  // One shard process per core, as a cluster would run them, then merged.
  const cores = Math.max(1, os.availableParallelism());
  start = performance.now();
  const here = fileURLToPath(import.meta.url);
  const children = Array.from({ length: cores }, (_, k) => {
    const output = path.join(folder, `shard-${k + 1}.jsonl`);
    return new Promise<{ output: string; peak: number }>((resolve, reject) => {
      const child = spawn(
        process.execPath,
        ['--import', 'tsx', here, '--shard-child', folder, String(k + 1), String(cores), output],
        {
          stdio: ['ignore', 'pipe', 'inherit'],
        },
      );
      let out = '';
      child.stdout.on('data', (data) => (out += data));
      child.on('exit', (code) =>
        code === 0
          ? resolve({ output, peak: JSON.parse(out.trim().split('\n').pop()!).peak })
          : reject(new Error(`shard ${k + 1} exited ${code}`)),
      );
    });
  });
  const results = await Promise.all(children);
  const merged = mergeReports(
    results.map(({ output }) => ({ file: output, text: readFileSync(output, 'utf8') })),
  );
  const sharded = (performance.now() - start) / 1000;

  const numpy = numpyTimings('quick', shardFiles, 1);
  const numpyTotal = numpy
    ? Object.values(numpy).reduce(
        (sum, times) =>
          sum + times.decode.reduce((a, b) => a + b, 0) + times.pass.reduce((a, b) => a + b, 0),
        0,
      )
    : undefined;
  console.log(
    `  ${cores} shard processes + merge: ${sharded.toFixed(1)} s, peak RSS per process ${results.map((r) => (r.peak / megabyte).toFixed(0)).join(' / ')} MB, ${merged.missing.length} left`,
  );
  console.log(
    `  numpy (same algorithm, all BLAS threads): ${numpyTotal === undefined ? '—' : numpyTotal.toFixed(1) + ' s'}`,
  );

  // The full pass on one tensor of each shape, against numpy's values-only SVD.
  const picks = [
    checkpoint.tensors.find((t) => t.rows === 4096 && t.cols === 4096)!,
    checkpoint.tensors.find((t) => t.rows === 11008)!,
  ];
  const pickFile = path.join(folder, 'picks.safetensors');
  writeShard(
    pickFile,
    picks.map((t) => ({
      name: t.name,
      dtype: t.dtype as 'F16' | 'BF16',
      rows: t.rows,
      cols: t.cols,
    })),
    5,
  );
  const pickFiles = diskFiles(folder);
  const pickCheckpoint = await openCheckpoint(pickFiles, 'picks.safetensors');
  const numpyFull = numpyTimings('full', [pickFile], 1);
  // As a pool job with lent workers runs it: every core, as numpy's BLAS (RANKSCOPE_BENCH_THREADS).
  const threads = Number(process.env.RANKSCOPE_BENCH_THREADS ?? cores);
  const team = await startTeam(threads);
  console.log(
    `  full pass (values-only SVD), one tensor of each shape, ${threads} thread(s), relaxed SIMD ${relaxedSimdInUse() ? 'on' : 'off'}, load average ${os
      .loadavg()
      .map((x) => x.toFixed(2))
      .join(' ')}:`,
  );
  for (const tensor of pickCheckpoint.tensors) {
    const full = await analyzeCheckpointTensor(pickFiles, {
      tensor,
      pass: 'full',
      settings: { ...settings, passes: ['full'] },
      maxEntries: 2 ** 28,
    });
    const key = `${tensor.dtype} ${tensor.rows}x${tensor.cols}`;
    const reference = numpyFull?.[key];
    const numpySeconds = reference ? reference.decode[0] + reference.pass[0] : undefined;
    console.log(
      `    ${key.padEnd(18)} ours ${full.seconds.toFixed(1)} s   numpy ${numpySeconds === undefined ? '—' : numpySeconds.toFixed(1) + ' s'}   ratio ${numpySeconds === undefined ? '—' : (full.seconds / numpySeconds).toFixed(2) + '×'}`,
    );
  }
  await team.stop();
}

export async function runCheckpointCases(): Promise<void> {
  const folder = mkdtempSync(path.join(os.tmpdir(), 'rankscope-checkpoint-'));
  try {
    await tensorCases(folder);
    if (process.env.RANKSCOPE_BENCH_CHECKPOINT === '1') await checkpointCase(folder);
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}

const childAt = process.argv.indexOf('--shard-child');
if (childAt >= 0) {
  const [folder, index, count, output] = process.argv.slice(childAt + 1);
  await shardChild(folder, Number(index), Number(count), output);
}
