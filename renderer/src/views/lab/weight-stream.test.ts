// Streamed rows of the weight table and where a row may open.
import { describe, expect, it } from 'vitest';
import type { WeightTableRow } from '../../../../core/protocol/files';
import { decodeFrame, encodeFrame } from '../../../../core/protocol/frame';
import { destinationFor, partialRowOf, withStreamedRow } from './weight-stream';

function row(name: string, rank: number, size = 4): WeightTableRow {
  return {
    file: 'model.safetensors',
    name,
    shape: [size, size],
    rows: size,
    cols: size,
    dtype: 'F32',
    rank,
    policy: 'default',
    rankReason: 'σ above the tolerance',
    stableRank: 1.5,
    effectiveRank: 2.5,
    sigmaMax: 2,
    condition: 10,
    energyRank90: 1,
    energyRank95: 2,
    energyRank99: 3,
    noiseRank: 1,
    factorParameters: rank * 2 * size,
    denseParameters: size * size,
    singularValues: new Float64Array([2, 1, 0.5, 0]),
  };
}

describe('partialRowOf', () => {
  it('reads the row a progress event carries, also after the web socket’s encoding', () => {
    const finished = row('a.weight', 3);
    expect(partialRowOf({ fraction: 0.5, partial: finished })).toBe(finished);
    const overSocket = decodeFrame(encodeFrame({ fraction: 0.5, partial: finished })) as {
      fraction: number;
      partial: unknown;
    };
    const decoded = partialRowOf(overSocket);
    expect(decoded?.name).toBe('a.weight');
    expect(Array.from(decoded?.singularValues ?? [])).toEqual([2, 1, 0.5, 0]);
  });

  it('ignores events without a row or with something else in partial', () => {
    expect(partialRowOf({ fraction: 0.1, message: '1 of 3: a' })).toBeNull();
    expect(partialRowOf({ fraction: 0.1, partial: 'row' })).toBeNull();
    expect(partialRowOf({ fraction: 0.1, partial: { ...row('a', 1), rank: '1' } })).toBeNull();
    expect(
      partialRowOf({ fraction: 0.1, partial: { ...row('a', 1), singularValues: [1, 2] } }),
    ).toBeNull();
  });
});

describe('withStreamedRow', () => {
  it('appends in arrival order and replaces a repeated tensor', () => {
    let rows: WeightTableRow[] = [];
    rows = withStreamedRow(rows, row('a', 1));
    rows = withStreamedRow(rows, row('b', 2));
    expect(rows.map((entry) => entry.name)).toEqual(['a', 'b']);
    rows = withStreamedRow(rows, row('a', 4));
    expect(rows.map((entry) => [entry.name, entry.rank])).toEqual([
      ['a', 4],
      ['b', 2],
    ]);
    const other = { ...row('a', 5), file: 'other.npy' };
    expect(withStreamedRow(rows, other)).toHaveLength(3);
  });
});

describe('destinationFor', () => {
  it('sends tensors up to 2^24 numbers to the project (large ones as read-only numbers) and keeps larger ones in the Lab, saying why', () => {
    expect(destinationFor(row('small', 2, 64), 'spectrum')).toEqual({ kind: 'project' });
    expect(destinationFor({ name: 'wide', rows: 16, cols: 72 }, 'spectrum')).toEqual({
      kind: 'project',
    });
    expect(destinationFor({ name: 'square', rows: 4096, cols: 4096 }, 'approximate')).toEqual({
      kind: 'project',
    });
    const spectrum = destinationFor({ name: 'huge', rows: 4096, cols: 4097 }, 'spectrum');
    expect(spectrum.kind).toBe('lab');
    if (spectrum.kind === 'lab') expect(spectrum.reason).toContain('4096×4097');
    const approximate = destinationFor({ name: 'huge', rows: 32000, cols: 4096 }, 'approximate');
    expect(approximate.kind).toBe('lab');
    if (approximate.kind === 'lab')
      expect(approximate.reason).toContain('at most 16,777,216 numbers');
  });
});
