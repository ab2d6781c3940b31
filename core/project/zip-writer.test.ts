import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { anyCharacter } from './test-support';
import { unzipSync } from 'fflate';
import { writeNpy } from '../formats/npy';
import { npyHeader } from './container';
import { crc32 } from '../formats/crc32';
import { readZip } from './zip-reader';
import { concatenate, zipChunks } from './zip-writer';

const entryArbitrary = fc.record({
  name: fc.string({ minLength: 1, maxLength: 30, unit: anyCharacter }),
  chunks: fc.array(fc.uint8Array({ maxLength: 300 }), { maxLength: 4 }),
  compress: fc.boolean(),
});

describe('zipChunks', () => {
  it('writes archives that fflate and our reader both read back exactly', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(entryArbitrary, { maxLength: 6, selector: (entry) => entry.name }),
        (entries) => {
          const bytes = concatenate(zipChunks(entries));
          const ours = readZip(bytes);
          const theirs = unzipSync(bytes);
          for (const entry of entries) {
            const expected = concatenate(entry.chunks);
            expect(ours.read(entry.name)).toEqual(expected);
            expect(theirs[entry.name]).toEqual(expected);
            expect(ours.entries.get(entry.name)!.method).toBe(entry.compress ? 8 : 0);
          }
        },
      ),
      { numRuns: 100 },
    );
  });

  it('starts the data of every stored entry on a 64-byte boundary', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.string({ minLength: 1, maxLength: 70 }), fc.nat(200)), {
          minLength: 1,
          maxLength: 5,
        }),
        (specs) => {
          const entries = specs.map(([name, length], k) => ({
            name: `${k}/${name}`,
            chunks: [new Uint8Array(length).fill(k + 1)],
            compress: false,
          }));
          const bytes = concatenate(zipChunks(entries));
          const archive = readZip(bytes);
          for (const entry of entries) {
            const local = archive.entries.get(entry.name)!.localHeaderOffset;
            const view = new DataView(bytes.buffer);
            const start =
              local + 30 + view.getUint16(local + 26, true) + view.getUint16(local + 28, true);
            expect(start % 64).toBe(0);
            expect(bytes.subarray(start, start + entry.chunks[0].length)).toEqual(entry.chunks[0]);
          }
        },
      ),
    );
  });

  it('uses the checksum it is given', () => {
    const calls: number[] = [];
    const counting = (bytes: Uint8Array, previous = 0) => {
      calls.push(bytes.length);
      return crc32(bytes, previous);
    };
    const bytes = concatenate(
      zipChunks([{ name: 'a', chunks: [new Uint8Array(10), new Uint8Array(5)], compress: false }], {
        checksum: counting,
      }),
    );
    expect(calls).toEqual([10, 5]);
    expect([
      ...readZip(bytes, { maxEntries: 10, maxTotalBytes: 100, checksum: counting }).read('a'),
    ]).toEqual(new Array(15).fill(0));
  });
});

describe('npyHeader', () => {
  it('is exactly the header writeNpy writes, for every shape', () => {
    // Shapes with a zero extent cost nothing to write, so any digit count can be checked.
    const shape = fc.oneof(
      fc.tuple(fc.nat(2 ** 31 - 1), fc.constant(0)),
      fc.tuple(fc.constant(0), fc.nat(2 ** 31 - 1)),
      fc.tuple(fc.nat(40), fc.nat(40)),
    );
    fc.assert(
      fc.property(shape, ([rows, cols]) => {
        const header = npyHeader(rows, cols);
        const written = writeNpy({ rows, cols, data: new Float64Array(rows * cols) });
        expect(header.length % 64).toBe(0);
        expect(written.length).toBe(header.length + rows * cols * 8);
        expect(written.subarray(0, header.length)).toEqual(header);
      }),
    );
  });
});
