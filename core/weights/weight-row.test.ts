import { describe, expect, it } from 'vitest';
import { bytesSource } from '../formats/byte-source';
import {
  readSafetensorsIndex,
  readTensor,
  tensorFromMatrix,
  writeSafetensors,
} from '../formats/safetensors';
import { gaussianMatrix } from '../linalg/random';
import { wasmKernelsAvailable } from '../linalg/kernels/wasm-module';
import { knownRank } from '../linalg/special-matrices';
import { workspaceOf } from '../linalg/workspace';
import { analyzeWeight } from './weight-row';

describe('weight analysis', () => {
  it('reads tensors in the copy-free spectrum layout and reports the same row as the plain layout', async () => {
    const shapes: [number, number, number][] = [
      [30, 50, 4],
      [40, 40, 6],
      [50, 20, 3],
    ];
    const tensors = shapes.map(([m, n, r], k) =>
      tensorFromMatrix(`layer${k}`, knownRank(m, n, r, k + 1), 'F64'),
    );
    const file = writeSafetensors(tensors);
    const source = bytesSource(file.slice());
    for (const [index, entry] of (await readSafetensorsIndex(source)).entries()) {
      const [m, n, r] = shapes[index];
      const plain = await readTensor(bytesSource(file.slice()), entry);
      const spectrum = await readTensor(bytesSource(file.slice()), entry, { layout: 'spectrum' });
      // Wide and square tensors are read as their transpose, with no transposing copy.
      expect(spectrum.transposed).toBe(n >= m);
      const description = { name: entry.name, shape: entry.shape, dtype: entry.dtype };
      const expected = analyzeWeight(plain.matrix, description, { kind: 'default' });
      const row = analyzeWeight(spectrum.matrix, description, { kind: 'default' }, undefined, {
        transposed: spectrum.transposed,
      });
      expect(row).toMatchObject({ rows: m, cols: n, rank: r, factorParameters: r * (m + n) });
      expect(row.rank).toBe(expected.rank);
      for (let k = 0; k < r; k++) {
        expect(row.singularValues[k]).toBeCloseTo(expected.singularValues[k], 10);
      }
    }
  });

  it('streams large tensors into the SVD workspace in pieces, wide and tall, with the same numbers', async () => {
    // Both are over the 4 MB piece size, so each is read in several pieces.
    const shapes: [number, number][] = [
      [700, 1600],
      [3000, 400],
    ];
    const tensors = shapes.map(([m, n], k) =>
      tensorFromMatrix(`big${k}`, gaussianMatrix(m, n, k + 3), 'F32'),
    );
    const file = writeSafetensors(tensors);
    for (const [index, entry] of (await readSafetensorsIndex(bytesSource(file))).entries()) {
      const [m, n] = shapes[index];
      const plain = await readTensor(bytesSource(file), entry);
      const spectrum = await readTensor(bytesSource(file), entry, { layout: 'spectrum' });
      expect(spectrum.transposed).toBe(n >= m);
      // In a kernel memory wherever the WebAssembly tier runs (an ordinary array on the TypeScript tier).
      expect(workspaceOf(spectrum.matrix.data) !== undefined).toBe(wasmKernelsAvailable());
      const { rows, cols, data } = spectrum.matrix;
      for (let j = 0; j < cols; j += 37) {
        for (let i = 0; i < rows; i += 11) {
          const [r, c] = spectrum.transposed ? [j, i] : [i, j];
          expect(data[i + j * rows]).toBe(plain.matrix.data[r + c * m]);
        }
      }
    }
  });
});
