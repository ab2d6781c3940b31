import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { valuesFromHex } from '../formats/test-support';
import { openCheckpoint } from './checkpoint';
import { diffTensors, pairCheckpointTensors } from './checkpoint-diff';
import { defaultQuickPassSettings } from './spectrum-passes';
import { fixtureExpectations, fixturesFolder, folderFiles } from './test-support';

const files = folderFiles(path.join(fixturesFolder, 'diff'));

async function pairing() {
  const base = await openCheckpoint(files, 'base.safetensors');
  const tuned = await openCheckpoint(files, 'tuned.safetensors');
  return pairCheckpointTensors(base.tensors, tuned.tensors);
}

describe('comparing a base and its fine-tune', () => {
  it('pairs layers by name and shape, and lists the rest', async () => {
    const { pairs, onlyInBase, onlyInTuned, shapeMismatch } = await pairing();
    expect(pairs.map((pair) => pair.base.name)).toEqual(['q.weight', 'k.weight', 'v.weight']);
    expect(onlyInBase).toEqual(['extra.bias']);
    expect(onlyInTuned).toEqual(['head.weight']);
    expect(shapeMismatch).toEqual([]);
  });

  it('gives ΔW’s spectrum, rank and LoRA ranks as numpy does', async () => {
    for (const { base, tuned } of (await pairing()).pairs) {
      const expected = fixtureExpectations.diff[base.name];
      const delta = await diffTensors(files, base, files, tuned);
      const numpy = valuesFromHex(expected.singularValues);
      expect(delta.singularValues).toHaveLength(numpy.length);
      for (let k = 0; k < numpy.length; k++)
        expect(Math.abs(delta.singularValues[k] - numpy[k])).toBeLessThan(1e-12 * numpy[0]);
      expect(delta.ranks.default.rank, base.name).toBe(expected.rank);
      // The update was made at this rank, and the spectrum's gap says so.
      expect(delta.ranks.gap.rank).toBe(expected.rank);
      expect(delta.lora.p90.rank).toBe(expected.lora['90']);
      expect(delta.lora.p95.rank).toBe(expected.lora['95']);
      expect(delta.lora.p99.rank).toBe(expected.lora['99']);
      expect(delta.lora.p99.parameters).toBe(expected.lora['99'] * (base.rows + base.cols));
      expect(delta.relativeChange).toBeCloseTo(valuesFromHex([expected.relativeChange])[0], 12);
      expect(delta.spectrum).toBe('full');
    }
  });

  it('with a sketch: the same LoRA ranks from the leading values and the exact energy', async () => {
    for (const { base, tuned } of (await pairing()).pairs) {
      const expected = fixtureExpectations.diff[base.name];
      const delta = await diffTensors(files, base, files, tuned, {
        sketch: { ...defaultQuickPassSettings, rank: 8 },
      });
      expect(delta.spectrum).toBe('sketch');
      expect(delta.singularValues).toHaveLength(8);
      expect(delta.lora.p99).toMatchObject({ rank: expected.lora['99'], atLeast: false });
    }
  });

  it('a layer that did not move has ΔW = 0: rank 0 by every policy and no LoRA adapter', async () => {
    const { pairs } = await pairing();
    const { base } = pairs[0];
    for (const sketch of [undefined, { ...defaultQuickPassSettings, rank: 8 }]) {
      const delta = await diffTensors(files, base, files, base, { sketch });
      expect(delta.frobeniusNorm).toBe(0);
      expect(delta.relativeChange).toBe(0);
      expect(delta.ranks.default.rank).toBe(0);
      for (const key of ['p90', 'p95', 'p99'] as const)
        expect(delta.lora[key]).toEqual({ rank: 0, parameters: 0, atLeast: false });
    }
  });
});
