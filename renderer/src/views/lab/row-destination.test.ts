import { describe, expect, it } from 'vitest';
import { destinationFor } from './row-destination';

describe('destinationFor', () => {
  it('sends tensors up to 2^24 numbers to the project (large ones as read-only numbers) and keeps larger ones in the Lab, saying why', () => {
    const file = 'model.safetensors';
    expect(destinationFor({ name: 'small', rows: 64, cols: 64 }, 'spectrum', file)).toEqual({
      kind: 'project',
    });
    expect(destinationFor({ name: 'wide', rows: 16, cols: 72 }, 'spectrum', 'w.npy')).toEqual({
      kind: 'project',
    });
    expect(destinationFor({ name: 'square', rows: 4096, cols: 4096 }, 'approximate', file)).toEqual(
      { kind: 'project' },
    );
    const spectrum = destinationFor({ name: 'huge', rows: 4096, cols: 4097 }, 'spectrum', file);
    expect(spectrum.kind).toBe('lab');
    if (spectrum.kind === 'lab') expect(spectrum.reason).toContain('4096×4097');
    const approximate = destinationFor(
      { name: 'huge', rows: 32000, cols: 4096 },
      'approximate',
      file,
    );
    if (approximate.kind === 'lab')
      expect(approximate.reason).toContain('at most 16,777,216 numbers');
    else expect.fail('a 32000×4096 tensor cannot join the project');
  });

  it('keeps tensors of shards, folders, GGUF and reports in the Lab: only one safetensors or .npy file imports', () => {
    for (const source of ['model.safetensors.index.json', 'model.gguf', 'model.pt', null]) {
      const destination = destinationFor({ name: 'w', rows: 8, cols: 8 }, 'spectrum', source);
      expect(destination.kind).toBe('lab');
    }
  });
});
