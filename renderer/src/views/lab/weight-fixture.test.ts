// The committed fixture weight file (assets/weights/tiny-model.safetensors, written by
// make-fixture.py with numpy) read through core/formats/safetensors and analysed by the same
// analyzeWeight the Lab's table comes from: the ranks, shapes and σ₁ numpy recorded must agree.
// A test, not the page: it reads the committed fixture from disk as the host would.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readSafetensorsHeaderSync, readTensorSync } from '../../../../core/formats/safetensors';
import { analyzeWeight } from '../../../../core/jobs/weight-analysis';
import { markersFor, withPolicy } from './lab-markers';

interface ExpectedTensor {
  name: string;
  dtype: string;
  shape: number[];
  skipped?: boolean;
  rows?: number;
  cols?: number;
  rank?: number;
  noiseRank?: number;
  sigmaMax?: number;
  stableRank?: number;
}

const folder = path.resolve(import.meta.dirname, '../../../../assets/weights');
const bytes = new Uint8Array(readFileSync(path.join(folder, 'tiny-model.safetensors')));
const expected = JSON.parse(
  readFileSync(path.join(folder, 'tiny-model.expected.json'), 'utf8'),
) as {
  tensors: ExpectedTensor[];
};
const header = readSafetensorsHeaderSync(bytes, 'tiny-model.safetensors');

function analysed(
  entryName: string,
  policy: { kind: 'default' | 'gap' | 'noise' } = { kind: 'default' },
) {
  const entry = header.tensors.find((tensor) => tensor.name === entryName);
  if (!entry) throw new Error(`no tensor ${entryName}`);
  const tensor = readTensorSync(bytes, entry, { fileName: 'tiny-model.safetensors' });
  return analyzeWeight(
    tensor.matrix,
    { name: entry.name, shape: entry.shape, dtype: entry.dtype, reshaped: tensor.reshapedFrom },
    policy,
  );
}

describe('tiny-model.safetensors fixture', () => {
  it('holds every tensor numpy wrote, with its dtype and shape', () => {
    expect(header.tensors.map((tensor) => tensor.name).sort()).toEqual(
      expected.tensors.map((tensor) => tensor.name).sort(),
    );
    for (const want of expected.tensors) {
      const entry = header.tensors.find((tensor) => tensor.name === want.name)!;
      expect(entry.dtype).toBe(want.dtype);
      expect(entry.shape).toEqual(want.shape);
    }
    expect(new Set(header.tensors.map((tensor) => tensor.dtype))).toEqual(
      new Set(['F32', 'F16', 'BF16', 'F64']),
    );
  });

  for (const want of expected.tensors.filter((tensor) => !tensor.skipped)) {
    it(`${want.name} (${want.dtype}) has rank ${want.rank}, σ₁ and stable rank as numpy says`, () => {
      const row = analysed(want.name);
      expect([row.rows, row.cols]).toEqual([want.rows, want.cols]);
      expect(row.rank).toBe(want.rank);
      expect(row.sigmaMax).toBeCloseTo(want.sigmaMax!, 9);
      expect(row.stableRank).toBeCloseTo(want.stableRank!, 9);
      expect(row.factorParameters).toBe(want.rank! * (want.rows! + want.cols!));
      expect(row.denseParameters).toBe(want.rows! * want.cols!);
      // Energy ranks never exceed the rank and grow with the share kept.
      expect(row.energyRank90).toBeLessThanOrEqual(row.energyRank95);
      expect(row.energyRank95).toBeLessThanOrEqual(row.energyRank99);
      expect(row.energyRank99).toBeLessThanOrEqual(row.rank);
      expect(row.effectiveRank).toBeGreaterThanOrEqual(1);
      expect(row.effectiveRank).toBeLessThanOrEqual(row.rank + 1e-9);
      if (want.noiseRank !== undefined) expect(row.noiseRank).toBe(want.noiseRank);
      if (want.shape.length > 2) expect(row.reshaped).toMatch(/reshaped to 16×72/);
      else expect(row.reshaped).toBeUndefined();
    });
  }

  it('the noise policy finds the planted rank under the noise, the default policy does not', () => {
    const noisy = expected.tensors.find((tensor) => tensor.noiseRank !== undefined)!;
    expect(analysed(noisy.name, { kind: 'noise' }).rank).toBe(noisy.noiseRank);
    expect(analysed(noisy.name).rank).toBeGreaterThan(noisy.noiseRank!);
  });

  it('switching the table’s policy on the page gives what the host computes under that policy', () => {
    for (const want of expected.tensors.filter((tensor) => !tensor.skipped)) {
      const fromDefault = { ...analysed(want.name), file: 'tiny-model.safetensors' };
      for (const kind of ['gap', 'noise', 'default'] as const) {
        const direct = analysed(want.name, { kind });
        const switched = withPolicy(fromDefault, { kind });
        expect(switched.rank).toBe(direct.rank);
        expect(switched.rankReason).toBe(direct.rankReason);
        expect(switched.factorParameters).toBe(direct.factorParameters);
        const markers = markersFor(
          switched.singularValues,
          switched,
          { rank: switched.rank, tolerance: null, policy: kind, reason: '' },
          { kind },
        );
        expect(markers.numericalRank).toBe(direct.rank);
        expect(markers.stableRank).toBeCloseTo(direct.stableRank, 12);
        expect(markers.effectiveRank).toBeCloseTo(direct.effectiveRank, 12);
        expect(markers.bulkEdge === null).toBe(kind !== 'noise');
      }
    }
  });
});
