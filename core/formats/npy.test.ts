import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { FormatError } from './format-error';
import { workspaceOf } from '../linalg/workspace';
import { parseNpy, writeNpy } from './npy';
import {
  expectOnlyFormatError,
  expectSameDoubles,
  mutate,
  mutationArbitrary,
  valuesFromHex,
  type ExpectedMatrix,
} from './test-support';

const folder = new URL('./fixtures/npy/', import.meta.url);
const expected = JSON.parse(readFileSync(new URL('expected.json', folder), 'utf8')) as Record<
  string,
  ExpectedMatrix
>;
const read = (name: string) => new Uint8Array(readFileSync(new URL(name, folder)));

/** A .npy file with a hand-written header dictionary and data. */
function npyWith(dictionary: string, data = new Uint8Array(0), version = 1): Uint8Array {
  const header = new TextEncoder().encode(dictionary + '\n');
  const lengthSize = version === 1 ? 2 : 4;
  const bytes = new Uint8Array(8 + lengthSize + header.length + data.length);
  bytes.set([0x93, 0x4e, 0x55, 0x4d, 0x50, 0x59, version, 0]);
  const view = new DataView(bytes.buffer);
  if (version === 1) view.setUint16(8, header.length, true);
  else view.setUint32(8, header.length, true);
  bytes.set(header, 8 + lengthSize);
  bytes.set(data, 8 + lengthSize + header.length);
  return bytes;
}

function thrown(bytes: Uint8Array, maxEntries?: number): FormatError {
  try {
    parseNpy(bytes, { file: 'a.npy', maxEntries });
  } catch (error) {
    expect(error).toBeInstanceOf(FormatError);
    return error as FormatError;
  }
  throw new Error('expected a FormatError');
}

describe('parseNpy agrees with numpy on the fixtures', () => {
  for (const [name, matrix] of Object.entries(expected)) {
    it(`${name} (${matrix.dtype}, shape ${JSON.stringify(matrix.shape)})`, () => {
      const result = parseNpy(read(name), { file: name });
      expect([result.matrix.rows, result.matrix.cols]).toEqual([matrix.rows, matrix.cols]);
      expect(result.originalShape).toEqual(matrix.shape);
      expect(result.dtype).toBe(matrix.dtype);
      expectSameDoubles(result.matrix.data, valuesFromHex(matrix.values));
    });
  }

  it('reads the version, order and byte order it was given', () => {
    expect(parseNpy(read('v2.npy')).version).toBe('2.0');
    expect(parseNpy(read('v3.npy'))).toMatchObject({ version: '3.0', fortranOrder: true });
    expect(parseNpy(read('f4_big_endian.npy')).descr).toBe('>f4');
  });

  it('says how it read shapes that are not 2-D', () => {
    expect(parseNpy(read('vector_1d.npy')).note).toBe(
      'The 1-D array of length 4 is read as a 4×1 column.',
    );
    expect(parseNpy(read('scalar_0d.npy')).note).toMatch(/1×1/);
    expect(parseNpy(read('tensor_3d_c.npy')).note).toMatch(/2×3×4 is read as 2×12/);
    expect(parseNpy(read('f8_c.npy')).note).toBeUndefined();
  });
});

describe('parseNpy refuses bad files with a byte offset', () => {
  it('bad magic, unknown versions, truncation', () => {
    expect(thrown(new Uint8Array([1, 2, 3])).byteOffset).toBe(0);
    const good = writeNpy({ rows: 2, cols: 2, data: new Float64Array([1, 2, 3, 4]) });
    const future = good.slice();
    future[6] = 4;
    expect(thrown(future).reason).toMatch(/version 4\.0/);
    expect(thrown(good.subarray(0, good.length - 3)).reason).toMatch(
      /needs 32 bytes of data, but the file holds 29/,
    );
    expect(thrown(good.subarray(0, 30)).reason).toMatch(/header claims/);
  });

  it('shapes that lie, overflow, are negative or exceed the cap, before allocating', () => {
    const dictionary = (shape: string, descr = '<f8') =>
      `{'descr': '${descr}', 'fortran_order': False, 'shape': ${shape}, }`;
    expect(thrown(npyWith(dictionary('(3, 3)'), new Uint8Array(16))).reason).toMatch(
      /needs 72 bytes/,
    );
    expect(thrown(npyWith(dictionary('(1000000000,)'))).reason).toMatch(
      /1000000000 entries, more than the limit/,
    );
    expect(thrown(npyWith(dictionary('(4294967296, 4294967296)'))).reason).toMatch(
      /more entries than can be counted/,
    );
    expect(thrown(npyWith(dictionary('(-1, 3)'))).reason).toMatch(/not a size/);
    expect(thrown(npyWith(dictionary('(99999999999999999999,)'))).reason).toMatch(/too large/);
    expect(thrown(npyWith(dictionary('(2, 2)')), 3).reason).toMatch(/limit of 3/);
  });

  it('object, complex, string and structured dtypes', () => {
    const dictionary = (descr: string) =>
      `{'descr': ${descr}, 'fortran_order': False, 'shape': (1,), }`;
    expect(thrown(npyWith(dictionary("'|O'"), new Uint8Array(8))).reason).toMatch(/object arrays/);
    expect(thrown(npyWith(dictionary("'<c16'"), new Uint8Array(16))).reason).toMatch(/complex/);
    expect(thrown(npyWith(dictionary("'<U3'"), new Uint8Array(12))).reason).toMatch(/no numbers/);
    expect(thrown(npyWith(dictionary("[('x', '<f8')]"), new Uint8Array(8))).reason).toMatch(
      /structured/,
    );
    expect(thrown(npyWith(dictionary("'<f16'"), new Uint8Array(16))).reason).toMatch(
      /not supported/,
    );
  });

  it('headers that are not Python dictionaries', () => {
    expect(
      thrown(npyWith("{'descr': '<f8', 'fortran_order': Maybe, 'shape': (1,), }")).reason,
    ).toMatch(/Maybe/);
    expect(thrown(npyWith('[1, 2]')).reason).toMatch(/not a dictionary/);
    expect(thrown(npyWith("{'descr': '<f8', 'shape': (1,)}", new Uint8Array(8))).reason).toMatch(
      /fortran_order/,
    );
    expect(thrown(npyWith('('.repeat(100))).reason).toMatch(/nests too deeply/);
    const invalidUtf8 = npyWith("{'descr': '<f8'}", new Uint8Array(0), 3);
    invalidUtf8[14] = 0xff;
    expect(thrown(invalidUtf8).reason).toMatch(/UTF-8/);
  });
});

const matrixArbitrary = fc
  .tuple(fc.integer({ min: 0, max: 7 }), fc.integer({ min: 0, max: 7 }))
  .chain(([rows, cols]) =>
    fc
      .array(fc.double(), { minLength: rows * cols, maxLength: rows * cols })
      .map((values) => ({ rows, cols, data: Float64Array.from(values) })),
  );

describe('writeNpy', () => {
  it('round-trips every double bit for bit', () => {
    fc.assert(
      fc.property(matrixArbitrary, (matrix) => {
        const bytes = writeNpy(matrix);
        expect((bytes.length - matrix.rows * matrix.cols * 8) % 64).toBe(0); // data 64-byte aligned
        const result = parseNpy(bytes);
        expect([result.matrix.rows, result.matrix.cols]).toEqual([matrix.rows, matrix.cols]);
        expectSameDoubles(result.matrix.data, matrix.data);
      }),
      { numRuns: 200 },
    );
  });
});

describe('fuzzing', () => {
  const originals = Object.keys(expected).map(read);

  it('mutated fixtures only ever yield a matrix or a FormatError', () => {
    fc.assert(
      fc.property(fc.constantFrom(...originals), mutationArbitrary, (original, mutation) => {
        expectOnlyFormatError(() => parseNpy(mutate(original, mutation)));
      }),
      { numRuns: 1500 },
    );
  });

  it('random bytes behind a valid magic only ever yield a matrix or a FormatError', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 200 }), fc.constantFrom(1, 2, 3), (tail, version) => {
        const bytes = new Uint8Array(8 + tail.length);
        bytes.set([0x93, 0x4e, 0x55, 0x4d, 0x50, 0x59, version, 0]);
        bytes.set(tail, 8);
        expectOnlyFormatError(() => parseNpy(bytes));
        expectOnlyFormatError(() => parseNpy(tail));
      }),
      { numRuns: 1000 },
    );
  });
});

describe('.npy in the spectrum layout (weight analysis)', () => {
  it.each(Object.keys(expected).filter((name) => !name.startsWith('scalar')))(
    '%s: the same matrix or its transpose, held in an SVD workspace',
    (name) => {
      const plain = parseNpy(read(name)).matrix;
      const spectrum = parseNpy(read(name), { layout: 'spectrum' });
      const { rows, cols, data } = spectrum.matrix;
      if (spectrum.transposed) expect([rows, cols]).toEqual([plain.cols, plain.rows]);
      else expect([rows, cols]).toEqual([plain.rows, plain.cols]);
      for (let i = 0; i < plain.rows; i++) {
        for (let j = 0; j < plain.cols; j++) {
          const value = spectrum.transposed ? data[j + i * rows] : data[i + j * rows];
          expect(value).toBe(plain.data[i + j * plain.rows]);
        }
      }
    },
  );

  it('a large C-order array goes straight into WebAssembly memory, read as its transpose', () => {
    const matrix = { rows: 90, cols: 300, data: new Float64Array(90 * 300).map((_, k) => k % 7) };
    // writeNpy writes Fortran order; build the C-order file by hand.
    const values = new Float64Array(90 * 300);
    for (let i = 0; i < 90; i++)
      for (let j = 0; j < 300; j++) values[i * 300 + j] = matrix.data[i + j * 90];
    const file = npyWith(
      "{'descr': '<f8', 'fortran_order': False, 'shape': (90, 300), }",
      new Uint8Array(values.buffer),
    );
    const spectrum = parseNpy(file, { layout: 'spectrum' });
    expect(spectrum.transposed).toBe(true);
    expect(workspaceOf(spectrum.matrix.data)).toBeDefined();
    expect(spectrum.matrix.data).toEqual(values);
    const fortran = parseNpy(writeNpy(matrix), { layout: 'spectrum' });
    expect(fortran.transposed).toBe(false);
    expect(workspaceOf(fortran.matrix.data)).toBeDefined();
    expect(fortran.matrix.data).toEqual(matrix.data);
  });
});
