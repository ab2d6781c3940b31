import { readFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bytesSource, type ByteSource } from '../formats/byte-source';
import { FormatError } from '../formats/format-error';
import { readGgufHeader } from '../formats/gguf';
import { readOnnxInitializers } from '../formats/onnx';
import { unpickle } from '../formats/pickle';
import { decodeTensor } from '../formats/tensor-decoding';
import { checkShape } from '../formats/tensor-data';
import { mutate, mutationArbitrary } from '../formats/test-support';
import { openCheckpoint } from './checkpoint';
import { fixturesFolder, folderFiles, memoryFiles } from './test-support';

const malformedFolder = path.join(fixturesFolder, 'malformed');
const expectations: Record<string, { byteOffset?: number }> = JSON.parse(
  readFileSync(path.join(malformedFolder, 'expected.json'), 'utf8'),
);

/** Opens a checkpoint and decodes every tensor; returns the error, if any. */
async function readEverything(
  files: ReturnType<typeof memoryFiles>,
  entry: string,
): Promise<unknown> {
  try {
    const checkpoint = await openCheckpoint(files, entry);
    for (const tensor of checkpoint.tensors) {
      // No table may promise more numbers than its bytes can hold (deflate: 1032 per byte at most).
      const entries = checkShape(tensor.data.shape) as number;
      const perByte = tensor.data.encoding.kind === 'deflated' ? 1032 * 8 : 8;
      expect(entries).toBeLessThanOrEqual(perByte * tensor.data.byteLength + 64);
      const source = await files.open(tensor.data.file);
      await decodeTensor(source, tensor.data, { tensorName: tensor.name, maxEntries: 1 << 20 });
    }
    return undefined;
  } catch (error) {
    return error;
  }
}

describe('the malformed checkpoint corpus', () => {
  for (const [file, location] of Object.entries(expectations)) {
    it(`${file}: one FormatError naming the file${location.byteOffset === undefined ? '' : ` and byte ${location.byteOffset}`}`, async () => {
      const error = await readEverything(folderFiles(malformedFolder), file);
      expect(error, file).toBeInstanceOf(FormatError);
      const formatError = error as FormatError;
      expect(formatError.file).toBe(file);
      expect(formatError.message.startsWith(`${file}`)).toBe(true);
      // One sentence: no line breaks, no stack or object dump.
      expect(formatError.message).not.toMatch(/\n|\[object/);
      if (location.byteOffset !== undefined)
        expect(formatError.byteOffset).toBe(location.byteOffset);
    });
  }
});

const valid: [string, string][] = [
  ['model.gguf', 'model.gguf'],
  ['aligned64.gguf', 'aligned64.gguf'],
  ['pytorch/state_dict.pt', 'state_dict.pt'],
  ['pytorch/training.pt', 'training.pt'],
  ['onnx/model.onnx', 'model.onnx'],
  ['onnx/exported.onnx', 'model.onnx'],
  ['arrays.npz', 'arrays.npz'],
  ['compressed.npz', 'compressed.npz'],
  ['float8.safetensors', 'model.safetensors'],
  ['sharded/model-00001-of-00002.safetensors', 'model.safetensors'],
];

describe('fuzzing: damaged checkpoints only ever give tensors or a FormatError', () => {
  for (const [fixture, name] of valid) {
    const original = new Uint8Array(readFileSync(path.join(fixturesFolder, fixture)));
    it(fixture, async () => {
      await fc.assert(
        fc.asyncProperty(mutationArbitrary, async (mutation) => {
          const error = await readEverything(
            memoryFiles({ [name]: mutate(original, mutation) }),
            name,
          );
          if (error !== undefined && !(error instanceof FormatError)) throw error;
        }),
        { numRuns: 250 },
      );
    });
  }
});

/** A source that fails the test if anything asks for bytes outside the file. */
function strictSource(bytes: Uint8Array): ByteSource {
  const source = bytesSource(bytes);
  return {
    size: source.size,
    read(offset, length) {
      if (offset < 0 || length < 0 || offset + length > bytes.length)
        throw new Error(`read of ${length} at ${offset} outside the file`);
      return source.read(offset, length);
    },
  };
}

const u32 = (value: number) => new Uint8Array(new Uint32Array([value]).buffer);
const u64 = (value: bigint) => new Uint8Array(new BigUint64Array([value]).buffer);
const concat = (...parts: Uint8Array[]) => {
  const out = new Uint8Array(parts.reduce((sum, part) => sum + part.length, 0));
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
};

describe('fuzzing the header parsers with structured lies', () => {
  // Counts and lengths drawn from the edges: zero, small, huge, past 2^53.
  const count = fc.oneof(
    fc.bigInt({ min: 0n, max: 4n }),
    fc.constantFrom(2n ** 32n, 2n ** 40n, 2n ** 53n, 2n ** 63n, 2n ** 64n - 1n),
  );

  it('GGUF: any counts, types, dimensions and offsets give a table or a FormatError, quickly', async () => {
    const kv = fc.record({
      key: fc.string({ maxLength: 6 }),
      length: fc.option(count, { nil: undefined }),
      type: fc.integer({ min: 0, max: 14 }),
      payload: fc.uint8Array({ maxLength: 24 }),
    });
    const info = fc.record({
      name: fc.string({ maxLength: 4 }),
      dims: fc.array(count, { maxLength: 5 }),
      type: fc.constantFrom(0, 1, 2, 8, 12, 14, 16, 30, 31, 99),
      offset: count,
    });
    await fc.assert(
      fc.asyncProperty(
        count,
        count,
        fc.array(kv, { maxLength: 3 }),
        fc.array(info, { maxLength: 3 }),
        fc.uint8Array({ maxLength: 300 }),
        async (tensors, pairs, kvs, infos, tail) => {
          const encoder = new TextEncoder();
          const string = (text: string, length?: bigint) => {
            const bytes = encoder.encode(text);
            return concat(u64(length ?? BigInt(bytes.length)), bytes);
          };
          const parts = [encoder.encode('GGUF'), u32(3), u64(tensors), u64(pairs)];
          for (const { key, length, type, payload } of kvs)
            parts.push(
              string(key),
              u32(type),
              length === undefined ? payload : concat(u64(length), payload),
            );
          for (const { name, dims, type, offset } of infos) {
            parts.push(string(name), u32(dims.length), ...dims.map(u64), u32(type), u64(offset));
          }
          parts.push(tail);
          try {
            await readGgufHeader(strictSource(concat(...parts)), 'fuzz.gguf');
          } catch (error) {
            if (!(error instanceof FormatError)) throw error;
          }
        },
      ),
      { numRuns: 600 },
    );
  });

  it('pickle: any opcode stream gives a value or a FormatError, and never runs a global', () => {
    const opcodes = [
      0x80, 0x95, 0x2e, 0x28, 0x30, 0x31, 0x32, 0x4e, 0x88, 0x89, 0x4a, 0x4b, 0x4d, 0x8a, 0x8b,
      0x47, 0x58, 0x8c, 0x8d, 0x54, 0x55, 0x42, 0x43, 0x8e, 0x96, 0x29, 0x74, 0x85, 0x86, 0x87,
      0x5d, 0x6c, 0x61, 0x65, 0x7d, 0x64, 0x73, 0x75, 0x8f, 0x90, 0x91, 0x71, 0x72, 0x94, 0x68,
      0x6a, 0x63, 0x93, 0x52, 0x81, 0x92, 0x62, 0x51, 0x49, 0x97,
    ];
    const piece = fc.oneof(
      fc.constantFrom(...opcodes).map((opcode) => new Uint8Array([opcode])),
      fc.uint8Array({ maxLength: 6 }),
      fc.constant(new TextEncoder().encode('os\nsystem\n')),
    );
    let called = 0;
    const calls = new Map([
      [
        'os.system',
        () => {
          called++;
          return null;
        },
      ],
    ]);
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 40 }), (pieces) => {
        try {
          unpickle(concat(...pieces), { fileName: 'fuzz.pkl', persistentLoad: () => null });
          unpickle(concat(...pieces), { fileName: 'fuzz.pkl', calls: new Map() });
        } catch (error) {
          if (!(error instanceof FormatError)) throw error;
        }
      }),
      { numRuns: 2000 },
    );
    // A pickle that calls os.system runs nothing unless the caller allowed exactly that name.
    const attack = concat(
      new Uint8Array([0x80, 0x02]),
      new TextEncoder().encode('cos\nsystem\n'),
      new Uint8Array([0x8c, 2]),
      new TextEncoder().encode('ls'),
      new Uint8Array([0x85, 0x52, 0x2e]),
    );
    expect(unpickle(attack, {})).toEqual({ kind: 'object', type: 'os.system', args: ['ls'] });
    unpickle(attack, { calls });
    expect(called).toBe(1);
  });

  it('ONNX: any wire-format stream gives initializers or a FormatError', async () => {
    const varint = (value: bigint) => {
      const bytes: number[] = [];
      let rest = BigInt.asUintN(64, value);
      do {
        let byte = Number(rest & 0x7fn);
        rest >>= 7n;
        if (rest > 0n) byte |= 0x80;
        bytes.push(byte);
      } while (rest > 0n);
      return new Uint8Array(bytes);
    };
    const field = fc.tuple(
      fc.integer({ min: 1, max: 16 }),
      fc.integer({ min: 0, max: 7 }),
      count,
      fc.uint8Array({ maxLength: 12 }),
    );
    await fc.assert(
      fc.asyncProperty(
        fc.array(field, { maxLength: 8 }),
        fc.array(field, { maxLength: 8 }),
        async (tensorFields, graphFields) => {
          const encode = (fields: [number, number, bigint, Uint8Array][]) =>
            concat(
              ...fields.map(([number, wire, value, payload]) =>
                concat(varint(BigInt(number * 8 + wire)), varint(value), payload),
              ),
            );
          const tensor = encode(tensorFields);
          const graph = concat(
            varint(5n * 8n + 2n),
            varint(BigInt(tensor.length)),
            tensor,
            encode(graphFields),
          );
          const model = concat(varint(7n * 8n + 2n), varint(BigInt(graph.length)), graph);
          try {
            await readOnnxInitializers(strictSource(model), 'fuzz.onnx');
          } catch (error) {
            if (!(error instanceof FormatError)) throw error;
          }
        },
      ),
      { numRuns: 800 },
    );
  });
});

describe('header budgets', () => {
  const bytesOf = (fixture: string) =>
    new Uint8Array(readFileSync(path.join(fixturesFolder, fixture)));

  it('stop a GGUF or ONNX header that needs more bytes than allowed, before reading them', async () => {
    await expect(
      readGgufHeader(bytesSource(bytesOf('model.gguf')), 'model.gguf', { maxHeaderBytes: 200 }),
    ).rejects.toThrow(/model\.gguf, byte \d+: the header is longer than the limit of 200 bytes/);
    await expect(
      readOnnxInitializers(bytesSource(bytesOf('onnx/exported.onnx')), 'exported.onnx', {
        maxHeaderBytes: 64,
      }),
    ).rejects.toThrow(/exported\.onnx, byte \d+: the header is longer than the limit of 64 bytes/);
  });

  it('keep a pickled "__proto__" key as data', () => {
    // {'__proto__': {'polluted': True}} in protocol 2.
    const encoder = new TextEncoder();
    const key = (text: string) => new Uint8Array([0x8c, text.length, ...encoder.encode(text)]);
    const pickle = concat(
      new Uint8Array([0x80, 0x02, 0x7d]),
      key('__proto__'),
      new Uint8Array([0x7d]),
      key('polluted'),
      new Uint8Array([0x88, 0x73, 0x73, 0x2e]),
    );
    const value = unpickle(pickle);
    expect(value).toEqual({
      kind: 'dict',
      entries: [['__proto__', { kind: 'dict', entries: [['polluted', true]] }]],
    });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});
