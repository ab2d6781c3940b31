import { describe, expect, it } from 'vitest';
import { valuesFromHex } from '../formats/test-support';
import { analyzeCheckpointTensor } from '../jobs/checkpoint-tensor';
import { CancelledError, type JobContext } from '../job-context';
import { decodeTensor } from '../formats/tensor-decoding';
import { openCheckpoint } from './checkpoint';
import type { ReportSettings } from './report';
import { defaultQuickPassSettings } from './spectrum-passes';
import { fixtureExpectations, fixturesFolder, folderFiles } from './test-support';

const files = folderFiles(fixturesFolder);
const settings: ReportSettings = {
  passes: ['quick', 'full'],
  policy: { kind: 'default' },
  quick: defaultQuickPassSettings,
  selection: 'matrices',
};

async function passes(name: string) {
  const checkpoint = await openCheckpoint(files, 'spectra.safetensors');
  const tensor = checkpoint.tensors.find((candidate) => candidate.name === name)!;
  const quick = await analyzeCheckpointTensor(files, { tensor, pass: 'quick', settings });
  const full = await analyzeCheckpointTensor(files, { tensor, pass: 'full', settings });
  if (quick.result.pass !== 'quick' || full.result.pass !== 'full') throw new Error('wrong pass');
  const expected = fixtureExpectations.spectra[name];
  return {
    quick: quick.result,
    full: full.result,
    numpy: valuesFromHex(expected.singularValues),
    frobenius: valuesFromHex([expected.frobenius])[0],
  };
}

describe('the full pass against numpy.linalg.svd', () => {
  for (const name of ['decaying', 'wide.low_rank', 'noise']) {
    it(`${name}: every singular value within 1e-13·σ₁, and the measures read off them`, async () => {
      const { full, numpy, frobenius } = await passes(name);
      expect(full.singularValues).toHaveLength(numpy.length);
      for (let k = 0; k < numpy.length; k++) {
        expect(Math.abs(full.singularValues[k] - numpy[k])).toBeLessThan(1e-13 * numpy[0]);
      }
      expect(full.frobeniusNorm).toBeCloseTo(frobenius, 12);
      expect(full.stableRank).toBeCloseTo((frobenius / numpy[0]) ** 2, 10);
      expect(full.sigmaMax).toBeCloseTo(numpy[0], 12);
    });
  }
});

describe('the quick pass against numpy', () => {
  it('recovers a decaying spectrum’s leading 16 values to 1e-6, with the exact Frobenius norm', async () => {
    const { quick, numpy, frobenius } = await passes('decaying');
    expect(quick.topSingularValues).toHaveLength(16);
    for (let k = 0; k < 16; k++) {
      expect(Math.abs(quick.topSingularValues[k] - numpy[k]) / numpy[k], `σ${k + 1}`).toBeLessThan(
        1e-6,
      );
    }
    expect(Math.abs(quick.frobeniusNorm - frobenius) / frobenius).toBeLessThan(1e-14);
    expect(quick.stableRank).toBeCloseTo((frobenius / numpy[0]) ** 2, 10);
  });

  it('finds the five signal values of a wide low-rank tensor above the noise edge, as the full pass does', async () => {
    const { quick, full, numpy } = await passes('wide.low_rank');
    for (let k = 0; k < 5; k++)
      expect(Math.abs(quick.topSingularValues[k] - numpy[k]) / numpy[k]).toBeLessThan(1e-8);
    expect(quick.noiseRank).toBe(5);
    expect(quick.noiseRankIsLowerBound).toBe(false);
    expect(full.noiseRank).toBe(5);
    // The noise was 1e-3 per entry.
    expect(quick.noiseLevel).toBeGreaterThan(0.8e-3);
    expect(quick.noiseLevel).toBeLessThan(1.2e-3);
  });

  it('on pure noise: σ₁ within 2 % of numpy’s, every value below the edge', async () => {
    const { quick, full, numpy, frobenius } = await passes('noise');
    expect(Math.abs(quick.sigmaMax - numpy[0]) / numpy[0]).toBeLessThan(0.02);
    // A sketch never overestimates: its values are those of a projection of A.
    for (let k = 0; k < 16; k++)
      expect(quick.topSingularValues[k]).toBeLessThanOrEqual(numpy[k] * (1 + 1e-12));
    expect(quick.noiseRank).toBe(0);
    expect(full.noiseRank).toBe(0);
    expect(
      Math.abs(quick.stableRank - (frobenius / numpy[0]) ** 2) / quick.stableRank,
    ).toBeLessThan(0.05);
  });

  it('is the same on every run and every machine: the sketch seeds from the tensor’s name', async () => {
    const first = await passes('noise');
    const second = await passes('noise');
    expect(second.quick).toEqual(first.quick);
  });
});

describe('cancellation', () => {
  it('is polled while a tensor decodes, piece by piece', async () => {
    const checkpoint = await openCheckpoint(files, 'spectra.safetensors');
    const tensor = checkpoint.tensors[0];
    let polls = 0;
    const context: JobContext = {
      progress() {},
      checkCancelled() {
        if (++polls > 2) throw new CancelledError();
      },
    };
    // Pieces of one row (512 bytes) make the decode poll once per row.
    const error = await decodeTensor(await files.open(tensor.data.file), tensor.data, {
      context,
      pieceBytes: 512,
    }).catch((e) => e);
    expect(error).toBeInstanceOf(CancelledError);
    expect(polls).toBe(3);
  });

  it('is polled between the quick pass’s products and inside the full pass’s SVD', async () => {
    const checkpoint = await openCheckpoint(files, 'spectra.safetensors');
    const tensor = checkpoint.tensors.find((candidate) => candidate.name === 'noise')!;
    for (const pass of ['quick', 'full'] as const) {
      let polls = 0;
      const context: JobContext = {
        progress() {},
        checkCancelled() {
          polls++;
          // Let the decode finish (one piece, two polls), then cancel in the pass itself.
          if (polls > 2) throw new CancelledError();
        },
      };
      await expect(
        analyzeCheckpointTensor(files, { tensor, pass, settings }, context),
      ).rejects.toBeInstanceOf(CancelledError);
      expect(polls).toBe(3);
    }
  });
});
