import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { bytesSource, type ByteSource } from './byte-source';
import { FormatError } from './format-error';
import {
  encodeTensorData,
  readSafetensorsHeader,
  readSafetensorsHeaderSync,
  readSafetensorsIndex,
  readTensor,
  readTensorSync,
  safetensorsDtypeSize,
  tensorFromMatrix,
  writeSafetensors,
  type SafetensorsDtype,
} from './safetensors';
import {
  expectOnlyFormatError,
  expectOnlyFormatErrorAsync,
  expectSameDoubles,
  mutate,
  mutationArbitrary,
  valuesFromHex,
  type ExpectedMatrix,
} from './test-support';

const folder = new URL('./fixtures/safetensors/', import.meta.url);
const expected = JSON.parse(readFileSync(new URL('expected.json', folder), 'utf8')) as Record<
  string,
  ExpectedMatrix
>;
const model = new Uint8Array(readFileSync(new URL('model.safetensors', folder)));

/** A file on "disk": reads are asynchronous and recorded. */
function recordingSource(bytes: Uint8Array): ByteSource & { reads: [number, number][] } {
  const reads: [number, number][] = [];
  return {
    size: bytes.length,
    reads,
    read: async (offset, length) => {
      reads.push([offset, length]);
      return bytes.slice(offset, offset + length);
    },
  };
}

function headerFile(header: unknown, dataBytes: number, rawHeader?: string): Uint8Array {
  const text = new TextEncoder().encode(rawHeader ?? JSON.stringify(header));
  const bytes = new Uint8Array(8 + text.length + dataBytes);
  new DataView(bytes.buffer).setBigUint64(0, BigInt(text.length), true);
  bytes.set(text, 8);
  return bytes;
}

async function thrown(bytes: Uint8Array): Promise<FormatError> {
  try {
    const header = await readSafetensorsHeader(bytesSource(bytes), 'w.safetensors');
    for (const entry of header.tensors)
      await readTensor(bytesSource(bytes), entry, { fileName: 'w.safetensors' });
  } catch (error) {
    expect(error).toBeInstanceOf(FormatError);
    expect((error as FormatError).byteOffset).toBeTypeOf('number');
    expect((error as FormatError).message).toMatch(/^w\.safetensors, byte \d+: /);
    return error as FormatError;
  }
  throw new Error('expected a FormatError');
}

describe('safetensors fixtures written with numpy', () => {
  it('lists every tensor with dtype, shape and a byte range inside the file', async () => {
    const header = await readSafetensorsHeader(bytesSource(model), 'model.safetensors');
    expect(header.metadata).toEqual({ format: 'pt', note: 'fixture' });
    expect(header.tensors.map((entry) => entry.name).sort()).toEqual(Object.keys(expected).sort());
    for (const entry of header.tensors) {
      expect(entry.dtype).toBe(expected[entry.name].dtype);
      expect(entry.shape).toEqual(expected[entry.name].shape);
      expect(entry.byteOffset).toBeGreaterThanOrEqual(header.dataStart);
      expect(entry.byteOffset + entry.byteLength).toBeLessThanOrEqual(model.length);
    }
  });

  for (const [name, matrix] of Object.entries(expected)) {
    it(`reads ${name} (${matrix.dtype}, shape ${JSON.stringify(matrix.shape)}) exactly`, async () => {
      const source = recordingSource(model);
      const entries = await readSafetensorsIndex(source, 'model.safetensors');
      const entry = entries.find((candidate) => candidate.name === name)!;
      const tensor = await readTensor(source, entry);
      expect([tensor.matrix.rows, tensor.matrix.cols]).toEqual([matrix.rows, matrix.cols]);
      expect(tensor.originalShape).toEqual(matrix.shape);
      expectSameDoubles(tensor.matrix.data, valuesFromHex(matrix.values));
      // Only the length, the header and this one tensor were read.
      expect(source.reads).toEqual([
        [0, 8],
        [8, source.reads[1][1]],
        [entry.byteOffset, entry.byteLength],
      ]);
      const sync = readTensorSync(
        model,
        readSafetensorsHeaderSync(model).tensors.find((e) => e.name === name)!,
      );
      expectSameDoubles(sync.matrix.data, tensor.matrix.data);
    });
  }

  it('reshapes a convolution kernel to out × (in·kh·kw) and says so', async () => {
    const entry = (await readSafetensorsIndex(bytesSource(model))).find(
      (e) => e.name === 'conv.weight',
    )!;
    const tensor = await readTensor(bytesSource(model), entry);
    expect([tensor.matrix.rows, tensor.matrix.cols]).toEqual([4, 12]);
    expect(tensor.reshapedFrom).toBe(
      "The 4-D tensor of shape 4×3×2×2 is reshaped to 4×12 (out × in·kh·kw): row i is output channel i's weights flattened in C order.",
    );
    const bias = (await readSafetensorsIndex(bytesSource(model))).find(
      (e) => e.name === 'linear.bias',
    )!;
    expect((await readTensor(bytesSource(model), bias)).reshapedFrom).toMatch(/3×1 column/);
  });
});

describe('safetensors validation', () => {
  const entry = (dtype: string, shape: unknown, offsets: unknown) => ({
    dtype,
    shape,
    data_offsets: offsets,
  });

  it('a header length beyond the limit or the file', async () => {
    const huge = new Uint8Array(16);
    new DataView(huge.buffer).setBigUint64(0, 2n ** 63n, true);
    expect((await thrown(huge)).reason).toMatch(/more than the limit/);
    const lying = headerFile({}, 0);
    new DataView(lying.buffer).setBigUint64(0, 1000n, true);
    expect((await thrown(lying)).reason).toMatch(/the file has only/);
    expect((await thrown(new Uint8Array(5))).reason).toMatch(/shorter than the 8-byte/);
  });

  it('a header that is not JSON, not an object, or not UTF-8', async () => {
    expect((await thrown(headerFile(null, 0, '{"a": 1,'))).reason).toMatch(/not valid JSON/);
    expect((await thrown(headerFile([1, 2], 0))).reason).toMatch(/not a JSON object/);
    const latin = headerFile(null, 0, '{"\u00e9": 1}');
    latin[10] = 0xe9;
    latin[11] = 0x22;
    expect((await thrown(latin)).reason).toMatch(/not valid JSON/);
  });

  it('unknown dtypes, bad shapes and offsets that do not match the shape', async () => {
    expect((await thrown(headerFile({ a: entry('C64', [1], [0, 8]) }, 8))).reason).toMatch(
      /dtype "C64" is not supported/,
    );
    expect((await thrown(headerFile({ a: entry('F32', [-1], [0, 4]) }, 4))).reason).toMatch(
      /not a size/,
    );
    expect((await thrown(headerFile({ a: entry('F32', [1.5], [0, 4]) }, 4))).reason).toMatch(
      /not a size/,
    );
    expect((await thrown(headerFile({ a: entry('F64', [3, 3], [0, 8]) }, 8))).reason).toMatch(
      /needs 72 bytes/,
    );
    expect((await thrown(headerFile({ a: entry('U8', [8], [-8, 0]) }, 8))).reason).toMatch(
      /increasing pair/,
    );
    expect(
      (await thrown(headerFile({ a: entry('U8', [1], [2 ** 60, 2 ** 60 + 1]) }, 1))).reason,
    ).toMatch(/increasing pair|no tensor|need/);
    expect(
      (await thrown(headerFile({ a: entry('F64', [2 ** 40, 2 ** 40], [0, 8]) }, 8))).reason,
    ).toMatch(/too many entries|needs/);
    expect((await thrown(headerFile({ a: { dtype: 'F32', shape: [1] } }, 4))).reason).toMatch(
      /data_offsets/,
    );
    expect((await thrown(headerFile({ __metadata__: { a: 1 } }, 0))).reason).toMatch(
      /not a string/,
    );
  });

  it('overlapping tensors, gaps, missing data and trailing bytes', async () => {
    const overlapping = { a: entry('F32', [2], [0, 8]), b: entry('F32', [2], [4, 12]) };
    expect((await thrown(headerFile(overlapping, 12))).reason).toMatch(/overlaps/);
    const gap = { a: entry('F32', [1], [0, 4]), b: entry('F32', [1], [8, 12]) };
    expect((await thrown(headerFile(gap, 12))).reason).toMatch(
      /4 bytes before tensor "b" belong to no tensor/,
    );
    expect((await thrown(headerFile({ a: entry('F32', [2], [0, 8]) }, 5))).reason).toMatch(
      /need 8 bytes of data, but the file holds 5/,
    );
    expect((await thrown(headerFile({ a: entry('F32', [1], [0, 4]) }, 9))).reason).toMatch(
      /5 bytes at the end/,
    );
  });

  it('a source that returns fewer bytes than asked, or fails', async () => {
    const short: ByteSource = {
      size: model.length,
      read: (offset, length) => model.slice(offset, offset + length - 1),
    };
    await expect(readSafetensorsIndex(short, 'x')).rejects.toBeInstanceOf(FormatError);
    const failing: ByteSource = {
      size: model.length,
      read: () => Promise.reject(new Error('disk gone')),
    };
    await expect(readSafetensorsIndex(failing, 'x')).rejects.toThrow(
      /x, byte 0: reading 8 bytes failed: disk gone/,
    );
  });

  it('refuses a tensor above the entry cap before reading it', async () => {
    const source = recordingSource(model);
    const entries = await readSafetensorsIndex(source);
    const conv = entries.find((e) => e.name === 'conv.weight')!;
    await expect(readTensor(source, conv, { maxEntries: 10 })).rejects.toThrow(
      /48 entries, more than the limit of 10/,
    );
    expect(source.reads.length).toBe(2);
  });
});

// The 8-bit floats are read (see the checkpoint fixtures), not written.
type WritableDtype = Exclude<SafetensorsDtype, 'F8_E4M3' | 'F8_E5M2' | 'F8_E8M0'>;
const dtypes = (Object.keys(safetensorsDtypeSize) as SafetensorsDtype[]).filter(
  (dtype): dtype is WritableDtype => !dtype.startsWith('F8'),
);
const representable: Record<WritableDtype, fc.Arbitrary<number>> = {
  F64: fc.double(),
  F32: fc.float(),
  F16: fc.integer({ min: -2048, max: 2048 }),
  BF16: fc.integer({ min: -256, max: 256 }),
  I64: fc.maxSafeInteger(),
  I32: fc.integer({ min: -(2 ** 31), max: 2 ** 31 - 1 }),
  I16: fc.integer({ min: -32768, max: 32767 }),
  I8: fc.integer({ min: -128, max: 127 }),
  U64: fc.maxSafeNat(),
  U32: fc.nat({ max: 2 ** 32 - 1 }),
  U16: fc.nat({ max: 65535 }),
  U8: fc.nat({ max: 255 }),
  BOOL: fc.constantFrom(0, 1),
};
const tensorArbitrary = fc.constantFrom(...dtypes).chain((dtype) =>
  fc.array(fc.integer({ min: 0, max: 3 }), { maxLength: 4 }).chain((shape) => {
    const entries = shape.reduce((product, extent) => product * extent, 1);
    return fc
      .array(representable[dtype], { minLength: entries, maxLength: entries })
      .map((values) => ({ dtype, shape, values }));
  }),
);

describe('writeSafetensors → readTensor round trips', () => {
  it('every dtype and shape, values exactly representable in the dtype', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(tensorArbitrary, { minLength: 1, maxLength: 4 }),
        async (tensors) => {
          const file = writeSafetensors(
            tensors.map((tensor, k) => ({
              name: `t${k}`,
              dtype: tensor.dtype,
              shape: tensor.shape,
              data: encodeTensorData(tensor.dtype, tensor.values),
            })),
            { source: 'test' },
          );
          const source = bytesSource(file);
          const entries = await readSafetensorsIndex(source);
          expect(entries.length).toBe(tensors.length);
          for (const [k, tensor] of tensors.entries()) {
            const read = await readTensor(
              source,
              entries.find((entry) => entry.name === `t${k}`)!,
            );
            expect(read.originalShape).toEqual(tensor.shape);
            // Row-major values come back in row-major order when the matrix is read row by row.
            const { rows, cols, data } = read.matrix;
            const rowMajor: number[] = [];
            for (let i = 0; i < rows; i++)
              for (let j = 0; j < cols; j++) rowMajor.push(data[i + j * rows]);
            expectSameDoubles(Float64Array.from(rowMajor), Float64Array.from(tensor.values));
          }
        },
      ),
      { numRuns: 150 },
    );
  });

  it('tensorFromMatrix keeps a matrix as out × in', async () => {
    const matrix = { rows: 2, cols: 3, data: Float64Array.from([1, 4, 2, 5, 3, 6]) };
    const file = writeSafetensors([tensorFromMatrix('w', matrix, 'F32')]);
    const [entry] = await readSafetensorsIndex(bytesSource(file));
    expect(entry.shape).toEqual([2, 3]);
    expectSameDoubles((await readTensor(bytesSource(file), entry)).matrix.data, matrix.data);
  });
});

describe('fuzzing', () => {
  const single = new Uint8Array(readFileSync(new URL('single.safetensors', folder)));

  it('mutated files only ever yield tensors or a FormatError', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(model, single),
        mutationArbitrary,
        async (original, mutation) => {
          const bytes = mutate(original, mutation);
          expectOnlyFormatError(() => {
            for (const entry of readSafetensorsHeaderSync(bytes).tensors)
              readTensorSync(bytes, entry);
          });
          await expectOnlyFormatErrorAsync(async () => {
            const source = bytesSource(bytes);
            for (const entry of await readSafetensorsIndex(source)) await readTensor(source, entry);
          });
        },
      ),
      { numRuns: 800 },
    );
  });

  it('random bytes and random JSON headers only ever yield tensors or a FormatError', () => {
    // Half the headers are plausible tensor maps with wrong numbers in them.
    const plausible = fc
      .dictionary(
        fc.string({ maxLength: 4 }),
        fc.record({
          dtype: fc.constantFrom(...dtypes, 'F8_E4M3', ''),
          shape: fc.array(fc.oneof(fc.integer({ min: -2, max: 6 }), fc.double()), { maxLength: 3 }),
          data_offsets: fc.array(fc.oneof(fc.integer({ min: -4, max: 70 }), fc.constant(2 ** 53)), {
            maxLength: 3,
          }),
        }),
        { maxKeys: 4 },
      )
      .map((header) => JSON.stringify(header));
    const json = fc.oneof(fc.json({ maxDepth: 3 }), plausible);
    fc.assert(
      fc.property(
        fc.uint8Array({ maxLength: 100 }),
        json,
        fc.nat({ max: 64 }),
        (random, header, dataBytes) => {
          expectOnlyFormatError(() => readSafetensorsHeaderSync(random));
          const file = headerFile(null, dataBytes, header);
          expectOnlyFormatError(() => {
            for (const entry of readSafetensorsHeaderSync(file).tensors)
              readTensorSync(file, entry);
          });
        },
      ),
      { numRuns: 800 },
    );
  });
});
