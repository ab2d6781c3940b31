// GGUF files (ggml / llama.cpp, spec: ggml's docs/gguf.md, versions 2 and 3): "GGUF", version,
// tensor and metadata counts, metadata key/value pairs, tensor infos (name, dimensions innermost
// first, ggml type, offset), then the tensor data from the next multiple of general.alignment.
// Read front to back through a ByteCursor; every count and length is checked against the bytes
// left before anything is allocated. Cost O(header bytes).
import type { ByteSource } from './byte-source';
import { ByteCursor } from './byte-reading';
import type { ElementFormat } from './element-decoding';
import { FormatError } from './format-error';
import { bitsPerWeight, ggmlTypes } from './ggml-quantization';
import { checkShape, type TensorEntry } from './tensor-data';

export interface GgufHeader {
  version: number;
  /** Scalar and string metadata as text; arrays as "[N values of TYPE]" unless short. */
  metadata: Record<string, string>;
  alignment: number;
  /** Absolute offset of the tensor data section. */
  dataStart: number;
  tensors: TensorEntry[];
}

export interface GgufOptions {
  /** Most bytes the metadata and tensor infos may take (default 512 MB). */
  maxHeaderBytes?: number;
}

const valueTypes = [
  'UINT8',
  'INT8',
  'UINT16',
  'INT16',
  'UINT32',
  'INT32',
  'FLOAT32',
  'BOOL',
  'STRING',
  'ARRAY',
  'UINT64',
  'INT64',
  'FLOAT64',
] as const;
/** Bytes of each fixed-size value type (strings and arrays are sized as they are read). */
const valueSizes: Record<number, number> = {
  0: 1,
  1: 1,
  2: 2,
  3: 2,
  4: 4,
  5: 4,
  6: 4,
  7: 1,
  10: 8,
  11: 8,
  12: 8,
};
const maxDimensions = 4;
const maxNesting = 8;
/** Arrays longer than this are summarized in the metadata, not kept (a vocabulary of 150 000 tokens). */
const keptArrayLength = 16;

const plainElements: Record<string, ElementFormat> = {
  F32: { kind: 'float', size: 4, littleEndian: true },
  F16: { kind: 'float', size: 2, littleEndian: true },
  BF16: { kind: 'bfloat', size: 2, littleEndian: true },
  F64: { kind: 'float', size: 8, littleEndian: true },
  I8: { kind: 'int', size: 1, littleEndian: true },
  I16: { kind: 'int', size: 2, littleEndian: true },
  I32: { kind: 'int', size: 4, littleEndian: true },
  I64: { kind: 'int', size: 8, littleEndian: true },
};

export async function readGgufHeader(
  source: ByteSource,
  fileName: string,
  options: GgufOptions = {},
): Promise<GgufHeader> {
  const cursor = new ByteCursor(source, 0, fileName, options.maxHeaderBytes ?? 512 * 1024 * 1024);
  if (source.size < 24)
    throw cursor.error('this is not a GGUF file: it is shorter than its fixed header', 0);
  const magic = await cursor.bytes(4);
  if (String.fromCharCode(...magic) !== 'GGUF') {
    throw cursor.error('this is not a GGUF file: it does not start with "GGUF"', 0);
  }
  const version = await cursor.u32();
  if (version !== 2 && version !== 3) {
    const swapped =
      ((version & 0xff) << 24) |
      ((version & 0xff00) << 8) |
      ((version >>> 8) & 0xff00) |
      (version >>> 24);
    throw cursor.error(
      swapped === 2 || swapped === 3
        ? 'this GGUF file is big-endian; only little-endian GGUF files are read'
        : `GGUF version ${version} is not supported (versions 2 and 3 are)`,
      4,
    );
  }
  const tensorCount = await cursor.u64('the tensor count');
  const metadataCount = await cursor.u64('the metadata count');
  // Each metadata pair takes at least 13 bytes, each tensor info at least 28: refuse a count the file cannot hold.
  if (metadataCount * 13 + tensorCount * 28 > cursor.remaining) {
    throw cursor.error(
      `the header claims ${tensorCount} tensors and ${metadataCount} metadata entries, more than the ${source.size}-byte file can hold`,
      8,
    );
  }

  const string = async (what: string): Promise<string> => {
    const at = cursor.position;
    const length = await cursor.u64(`the length of ${what}`);
    if (length > cursor.remaining)
      throw cursor.error(`${what} claims ${length} bytes, past the end of the file`, at);
    try {
      return new TextDecoder('utf-8', { fatal: true }).decode(await cursor.bytes(length));
    } catch (error) {
      if (error instanceof FormatError) throw error;
      throw cursor.error(`${what} is not valid UTF-8`, at);
    }
  };

  /** A value of the given type; `typeAt` is where its type was written, for messages. */
  const value = async (
    type: number,
    what: string,
    depth: number,
    typeAt = cursor.position,
  ): Promise<string> => {
    const at = cursor.position;
    switch (type) {
      case 0:
        return String(await cursor.u8());
      case 1:
        return String(((await cursor.u8()) << 24) >> 24);
      case 2:
        return String(await cursor.u16());
      case 3:
        return String(((await cursor.u16()) << 16) >> 16);
      case 4:
        return String(await cursor.u32());
      case 5:
        return String(await cursor.i32());
      case 6:
        return String(await cursor.f32());
      case 7: {
        const byte = await cursor.u8();
        if (byte > 1) throw cursor.error(`${what} is a bool of value ${byte}`, at);
        return byte === 1 ? 'true' : 'false';
      }
      case 8:
        return string(what);
      case 9: {
        if (depth >= maxNesting)
          throw cursor.error(`${what} nests arrays more than ${maxNesting} deep`, at);
        const elementType = await cursor.u32();
        const length = await cursor.u64(`the length of ${what}`);
        if (!(elementType in valueSizes) && elementType !== 8 && elementType !== 9) {
          throw cursor.error(`${what} is an array of unknown value type ${elementType}`, at);
        }
        // Strings take at least 8 bytes, arrays at least 12.
        const least = valueSizes[elementType] ?? (elementType === 8 ? 8 : 12);
        if (length * least > cursor.remaining) {
          throw cursor.error(`${what} claims ${length} values, more than the file holds`, at);
        }
        const kept: string[] = [];
        for (let k = 0; k < length; k++) {
          if (elementType in valueSizes && length > keptArrayLength) {
            cursor.skip(length * valueSizes[elementType]);
            break;
          }
          if (elementType === 8 && k >= keptArrayLength) {
            // A long list of strings (a vocabulary) is passed over, not decoded.
            cursor.skip(await cursor.u64(`the length of a string in ${what}`));
            continue;
          }
          const item = await value(elementType, what, depth + 1);
          if (k < keptArrayLength) kept.push(item);
        }
        const typeName = valueTypes[elementType];
        return length <= keptArrayLength
          ? `[${kept.join(', ')}]`
          : `[${length} values of ${typeName}]`;
      }
      case 10:
        return String(BigInt.asUintN(64, await cursor.i64()));
      case 11:
        return String(await cursor.i64());
      case 12:
        return String(await cursor.f64());
      default:
        throw cursor.error(`${what} has unknown value type ${type}`, typeAt);
    }
  };

  const metadata: Record<string, string> = Object.create(null);
  let alignment = 32;
  for (let index = 0; index < metadataCount; index++) {
    const keyAt = cursor.position;
    const key = await string(`metadata key ${index + 1}`);
    if (Object.hasOwn(metadata, key))
      throw cursor.error(`metadata key ${JSON.stringify(key)} appears twice`, keyAt);
    const typeAt = cursor.position;
    const type = await cursor.u32();
    if (key === 'general.alignment') {
      if (type !== 4) throw cursor.error('general.alignment is not a UINT32', typeAt);
      const alignmentAt = cursor.position;
      alignment = await cursor.u32();
      if (alignment === 0 || (alignment & (alignment - 1)) !== 0) {
        throw cursor.error(`general.alignment is ${alignment}, not a power of two`, alignmentAt);
      }
      metadata[key] = String(alignment);
      continue;
    }
    metadata[key] = await value(type, `metadata ${JSON.stringify(key)}`, 0, typeAt);
  }

  const infos: { name: string; dimensions: number[]; type: number; offset: number; at: number }[] =
    [];
  const names = new Set<string>();
  for (let index = 0; index < tensorCount; index++) {
    const at = cursor.position;
    const name = await string(`the name of tensor ${index + 1}`);
    if (names.has(name)) throw cursor.error(`tensor ${JSON.stringify(name)} appears twice`, at);
    names.add(name);
    const rank = await cursor.u32();
    if (rank > maxDimensions) {
      throw cursor.error(
        `tensor ${JSON.stringify(name)} claims ${rank} dimensions (ggml allows ${maxDimensions})`,
        at,
      );
    }
    const dimensions: number[] = [];
    for (let d = 0; d < rank; d++)
      dimensions.push(await cursor.u64(`a dimension of tensor ${JSON.stringify(name)}`));
    const type = await cursor.u32();
    const offset = await cursor.u64(`the offset of tensor ${JSON.stringify(name)}`);
    infos.push({ name, dimensions, type, offset, at });
  }
  const dataStart = Math.ceil(cursor.position / alignment) * alignment;

  const tensors: TensorEntry[] = [];
  for (const { name, dimensions, type: typeId, offset, at } of infos) {
    const fail = (reason: string): never => {
      throw new FormatError(`tensor ${JSON.stringify(name)}: ${reason}`, {
        file: fileName,
        byteOffset: at,
      });
    };
    const type = ggmlTypes.get(typeId);
    if (!type) return fail(`the ggml type ${typeId} is unknown`);
    // ggml lists dimensions innermost first; the table shows them outermost first, as PyTorch does.
    const shape = [...dimensions].reverse();
    const entries = checkShape(shape);
    if (typeof entries === 'string') return fail(entries);
    const innermost = dimensions[0] ?? 1;
    if (innermost % type.blockSize !== 0) {
      fail(
        `its rows of ${innermost} weights are not whole ${type.name} blocks of ${type.blockSize}`,
      );
    }
    const byteLength = (entries / type.blockSize) * type.blockBytes;
    if (!Number.isSafeInteger(byteLength)) fail('its size cannot be counted');
    if (offset % alignment !== 0)
      fail(`its offset ${offset} is not a multiple of the alignment ${alignment}`);
    const byteOffset = dataStart + offset;
    if (byteOffset + byteLength > source.size) {
      fail(
        `its ${byteLength} bytes at offset ${byteOffset} run past the end of the ${source.size}-byte file`,
      );
    }
    const element = plainElements[type.name];
    const entry: TensorEntry = {
      name,
      dtype: type.name,
      data: {
        file: fileName,
        byteOffset,
        byteLength,
        shape,
        encoding: element
          ? { kind: 'elements', element, order: 'C' }
          : { kind: 'ggml', type: type.name },
      },
    };
    if (type.quantized) {
      entry.quantization = {
        scheme: type.name,
        bitsPerWeight: bitsPerWeight(type),
        blockSize: type.blockSize,
      };
    }
    tensors.push(entry);
  }
  return { version, metadata: { ...metadata }, alignment, dataStart, tensors };
}
