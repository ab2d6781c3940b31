// Throughput of the parsers on large inputs, against the floor of what any parser must do:
// splitting the text (CSV), copying the bytes into a Float64Array (.npy, safetensors).
// Median of 7 runs. Run: npx tsx -e "import('./core/formats/benchmark.ts').then((m) => m.run())".

import { parseMatrixMarket, writeMatrixMarket } from './matrix-market';
import { parseNpy, writeNpy } from './npy';
import {
  readSafetensorsHeaderSync,
  readTensorSync,
  tensorFromMatrix,
  writeSafetensors,
} from './safetensors';
import { readMatrixText } from './matrix-text';
import { writeCsv } from './writers';

function median(action: () => unknown, runs = 7): number {
  const times: number[] = [];
  for (let run = 0; run < runs; run++) {
    const start = performance.now();
    action();
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(runs / 2)];
}

function randomMatrix(rows: number, cols: number) {
  let seed = 12345;
  const data = new Float64Array(rows * cols);
  for (let k = 0; k < data.length; k++) {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    data[k] = seed / 2147483648 - 0.5;
  }
  return { rows, cols, data };
}

export async function run(): Promise<void> {
  const rows: [string, number, number][] = [];

  const csvMatrix = randomMatrix(1000, 1000);
  const csv = writeCsv(csvMatrix);
  rows.push([
    'CSV 1000×1000 (' + (csv.length / 1e6).toFixed(1) + ' MB) readMatrixText vs split',
    median(() => readMatrixText(csv)),
    median(() => csv.split('\n').map((line) => line.split(','))),
  ]);

  const mtxMatrix = randomMatrix(1000, 1000);
  const mtx = writeMatrixMarket(mtxMatrix, { layout: 'coordinate' });
  rows.push([
    'MatrixMarket coordinate 1000×1000 dense vs split',
    median(() => parseMatrixMarket(mtx)),
    median(() => mtx.split('\n').map((line) => line.split(' '))),
  ]);

  const npyMatrix = randomMatrix(4096, 4096);
  const npy = writeNpy(npyMatrix);
  rows.push([
    '.npy 4096×4096 f8 Fortran parseNpy vs byte copy',
    median(() => parseNpy(npy)),
    median(() => new Float64Array(npy.slice(128).buffer)),
  ]);

  const cOrder = writeSafetensors([tensorFromMatrix('w', npyMatrix, 'F64')]);
  rows.push([
    'safetensors 4096×4096 F64 (row-major: transposed) vs byte copy',
    median(() => readTensorSync(cOrder, readSafetensorsHeaderSync(cOrder).tensors[0])),
    median(() => new Float64Array(cOrder.slice(cOrder.length - 4096 * 4096 * 8).buffer)),
  ]);

  const file = writeSafetensors([tensorFromMatrix('w', randomMatrix(4096, 4096), 'BF16')]);
  rows.push([
    'safetensors 4096×4096 BF16 readTensor vs filling the output',
    median(() => readTensorSync(file, readSafetensorsHeaderSync(file).tensors[0])),
    // Floor: one pass from the 16-bit words to a Float64Array of the same size as ours.
    median(() => new Float64Array(4096 * 4096).fill(file[file.length - 1])),
  ]);

  console.log('| case | ours (ms) | floor (ms) | ratio |');
  console.log('|---|---|---|---|');
  for (const [name, ours, floor] of rows) {
    console.log(
      `| ${name} | ${ours.toFixed(1)} | ${floor.toFixed(1)} | ${(ours / floor).toFixed(1)}× |`,
    );
  }
}
