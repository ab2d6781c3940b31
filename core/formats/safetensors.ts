// safetensors files (Hugging Face; format: 8-byte little-endian header length, a JSON header
// mapping names to { dtype, shape, data_offsets }, then the packed tensor bytes). Reads the index
// first, checking every number in it, then one tensor at a time through a ByteSource, converted
// to a Float64 column-major Matrix. Cost O(header) for the index, O(entries) per tensor.

import type { Matrix } from '../linalg/matrix';
import type { ByteSource } from './byte-source';
import { FormatError, quoteForMessage } from './format-error';
import { columnMajorFromRowMajor, decodeElements, type ElementFormat } from './element-decoding';
import { encodeBfloat16, encodeFloat16 } from './half';
import { svdWorkspaceDoubles } from '../linalg/svd';
import { createWorkspace } from '../linalg/workspace';
import { matrixShapeOf, type TensorEntry } from './tensor-data';

export type SafetensorsDtype =
  | 'F64'
  | 'F32'
  | 'F16'
  | 'BF16'
  | 'I64'
  | 'I32'
  | 'I16'
  | 'I8'
  | 'U64'
  | 'U32'
  | 'U16'
  | 'U8'
  | 'BOOL'
  | 'F8_E4M3'
  | 'F8_E5M2'
  | 'F8_E8M0';

export const safetensorsDtypeSize: Record<SafetensorsDtype, number> = {
  F64: 8,
  F32: 4,
  F16: 2,
  BF16: 2,
  I64: 8,
  I32: 4,
  I16: 2,
  I8: 1,
  U64: 8,
  U32: 4,
  U16: 2,
  U8: 1,
  BOOL: 1,
  F8_E4M3: 1,
  F8_E5M2: 1,
  F8_E8M0: 1,
};

export interface SafetensorsEntry {
  name: string;
  dtype: SafetensorsDtype;
  shape: number[];
  /** Absolute offset of the tensor's first byte in the file. */
  byteOffset: number;
  byteLength: number;
}

export interface SafetensorsHeader {
  tensors: SafetensorsEntry[];
  metadata: Record<string, string>;
  /** Absolute offset where the tensor data begins (8 + header length). */
  dataStart: number;
}

export interface SafetensorsOptions {
  /** Largest JSON header accepted (default 100 MB), checked before reading it. */
  maxHeaderBytes?: number;
}

const defaultMaxHeaderBytes = 100 * 1024 * 1024;

async function readExactly(
  source: ByteSource,
  offset: number,
  length: number,
  fileName: string | undefined,
): Promise<Uint8Array> {
  let bytes: Uint8Array;
  try {
    bytes = await source.read(offset, length);
  } catch (error) {
    if (error instanceof FormatError) throw error.inFile(fileName);
    throw new FormatError(`reading ${length} bytes failed: ${(error as Error)?.message ?? error}`, {
      file: fileName,
      byteOffset: offset,
    });
  }
  if (!(bytes instanceof Uint8Array) || bytes.length !== length) {
    throw new FormatError(`the file ends before the ${length} bytes expected here`, {
      file: fileName,
      byteOffset: offset,
    });
  }
  return bytes;
}

/** The tensors of a safetensors file with their validated locations, without reading their data. */
export async function readSafetensorsIndex(
  source: ByteSource,
  fileName?: string,
  options: SafetensorsOptions = {},
): Promise<SafetensorsEntry[]> {
  return (await readSafetensorsHeader(source, fileName, options)).tensors;
}

/** The index and the "__metadata__" strings of a safetensors file. */
export async function readSafetensorsHeader(
  source: ByteSource,
  fileName?: string,
  options: SafetensorsOptions = {},
): Promise<SafetensorsHeader> {
  const headerLength = headerLengthFrom(
    source.size >= 8 ? await readExactly(source, 0, 8, fileName) : new Uint8Array(0),
    source.size,
    fileName,
    options,
  );
  const headerBytes = await readExactly(source, 8, headerLength, fileName);
  return parseSafetensorsHeader(headerBytes, source.size, fileName);
}

/** readSafetensorsHeader for a file already in memory. */
export function readSafetensorsHeaderSync(
  bytes: Uint8Array,
  fileName?: string,
  options: SafetensorsOptions = {},
): SafetensorsHeader {
  const headerLength = headerLengthFrom(bytes.subarray(0, 8), bytes.length, fileName, options);
  return parseSafetensorsHeader(bytes.subarray(8, 8 + headerLength), bytes.length, fileName);
}

/** The JSON header's length from the file's first 8 bytes, checked against the cap and the size. */
function headerLengthFrom(
  prefix: Uint8Array,
  size: number,
  fileName: string | undefined,
  options: SafetensorsOptions,
): number {
  const maxHeaderBytes = options.maxHeaderBytes ?? defaultMaxHeaderBytes;
  const fail = (reason: string, byteOffset: number): never => {
    throw new FormatError(reason, { file: fileName, byteOffset });
  };
  if (!Number.isSafeInteger(size) || size < 8 || prefix.length < 8) {
    fail('this is not a safetensors file: it is shorter than the 8-byte header length', 0);
  }
  const declared = new DataView(prefix.buffer, prefix.byteOffset, 8).getBigUint64(0, true);
  if (declared > BigInt(maxHeaderBytes)) {
    fail(`the header claims ${declared} bytes, more than the limit of ${maxHeaderBytes}`, 0);
  }
  const headerLength = Number(declared);
  if (8 + headerLength > size) {
    fail(
      `the header claims ${headerLength} bytes, but the file has only ${size - 8} after the length`,
      0,
    );
  }
  if (headerLength < 2) fail('the header is too short to be a JSON object', 8);
  return headerLength;
}

/** Validates the JSON header of a file of the given size: entries, dtypes, shapes, offsets. */
function parseSafetensorsHeader(
  headerBytes: Uint8Array,
  size: number,
  fileName: string | undefined,
): SafetensorsHeader {
  const fail = (reason: string, byteOffset: number): never => {
    throw new FormatError(reason, { file: fileName, byteOffset });
  };
  let parsed: unknown;
  try {
    parsed = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(headerBytes));
  } catch (error) {
    return fail(`the header is not valid JSON (${(error as Error).message})`, 8);
  }
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) {
    fail('the header is not a JSON object', 8);
  }
  const dataStart = 8 + headerBytes.length;
  const dataLength = size - dataStart;
  const metadata: Record<string, string> = {};
  const tensors: SafetensorsEntry[] = [];
  for (const [name, value] of Object.entries(parsed as Record<string, unknown>)) {
    if (name === '__metadata__') {
      if (value === null || typeof value !== 'object' || Array.isArray(value)) {
        fail('"__metadata__" is not an object of strings', 8);
      }
      for (const [key, text] of Object.entries(value as Record<string, unknown>)) {
        if (typeof text !== 'string') {
          fail(`"__metadata__" value ${quoteForMessage(key)} is not a string`, 8);
        }
        metadata[key] = text as string;
      }
      continue;
    }
    tensors.push(
      validateEntry(name, value, dataStart, (reason) =>
        fail(`tensor ${quoteForMessage(name)}: ${reason}`, 8),
      ),
    );
  }
  // Offsets must tile the data exactly: contiguous from 0, no overlap, ending at the file's end.
  const sorted = [...tensors].sort(
    (a, b) => a.byteOffset - b.byteOffset || a.byteLength - b.byteLength,
  );
  let expected = dataStart;
  for (const entry of sorted) {
    if (entry.byteOffset < expected) {
      fail(`tensor ${quoteForMessage(entry.name)} overlaps the tensor before it`, entry.byteOffset);
    }
    if (entry.byteOffset > expected) {
      fail(
        `${entry.byteOffset - expected} bytes before tensor ${quoteForMessage(entry.name)} belong to no tensor`,
        expected,
      );
    }
    expected = entry.byteOffset + entry.byteLength;
  }
  if (expected !== size) {
    fail(
      expected > size
        ? `the tensors need ${expected - dataStart} bytes of data, but the file holds ${dataLength}`
        : `${size - expected} bytes at the end of the file belong to no tensor`,
      Math.min(expected, size),
    );
  }
  return { tensors, metadata, dataStart };
}

function validateEntry(
  name: string,
  value: unknown,
  dataStart: number,
  fail: (reason: string) => never,
): SafetensorsEntry {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) fail('not an object');
  const { dtype, shape, data_offsets: offsets } = value as Record<string, unknown>;
  if (typeof dtype !== 'string') return fail('no "dtype" string');
  if (!Object.hasOwn(safetensorsDtypeSize, dtype)) {
    return fail(
      `the dtype ${quoteForMessage(dtype)} is not supported (supported: ${Object.keys(safetensorsDtypeSize).join(', ')})`,
    );
  }
  if (!Array.isArray(shape)) return fail('no "shape" array');
  let entries = 1;
  for (const extent of shape) {
    if (typeof extent !== 'number' || !Number.isSafeInteger(extent) || extent < 0) {
      return fail(`the shape holds ${quoteForMessage(JSON.stringify(extent) ?? '')}, not a size`);
    }
    if (extent !== 0 && entries > Number.MAX_SAFE_INTEGER / extent)
      fail('the shape has too many entries to count');
    entries *= extent;
  }
  if (!Array.isArray(offsets) || offsets.length !== 2) return fail('no "data_offsets" pair');
  const [begin, end] = offsets;
  if (!Number.isSafeInteger(begin) || !Number.isSafeInteger(end) || begin < 0 || end < begin) {
    return fail(
      `the data_offsets [${offsets.map((offset) => JSON.stringify(offset)).join(', ')}] are not an increasing pair of sizes`,
    );
  }
  const size = safetensorsDtypeSize[dtype as SafetensorsDtype];
  if (entries > Number.MAX_SAFE_INTEGER / size || entries * size !== end - begin) {
    fail(
      `the shape [${shape.join(', ')}] of ${dtype} needs ${entries * size} bytes, but data_offsets give ${end - begin}`,
    );
  }
  return {
    name,
    dtype: dtype as SafetensorsDtype,
    shape: shape as number[],
    byteOffset: dataStart + begin,
    byteLength: end - begin,
  };
}

export interface SafetensorsTensor {
  matrix: Matrix;
  /** True when `matrix` holds the transpose (layout 'spectrum' only). */
  transposed?: boolean;
  originalShape: number[];
  /** How a shape other than 2-D became a matrix, as a sentence. */
  reshapedFrom?: string;
}

export interface ReadTensorOptions {
  fileName?: string;
  /** Largest number of entries accepted (default 2^26), checked before reading or allocating. */
  maxEntries?: number;
  /**
   * 'matrix' (default): the out × in matrix, column-major. 'spectrum': any orientation with the
   * same singular values that needs no transposing copy — for a wide or square tensor the stored
   * row-major data read as its transpose — with `transposed` saying which (for weight analysis).
   */
  layout?: 'matrix' | 'spectrum';
}

/** One tensor's data as a Float64 column-major matrix (read with readSafetensorsIndex first). */
export async function readTensor(
  source: ByteSource,
  entry: SafetensorsEntry,
  options: ReadTensorOptions = {},
): Promise<SafetensorsTensor> {
  checkTensorEntry(entry, options);
  if (options.layout === 'spectrum') return readSpectrumTensor(source, entry, options.fileName);
  const bytes = await readExactly(source, entry.byteOffset, entry.byteLength, options.fileName);
  return decodeTensor(entry, bytes);
}

/** Bytes read per piece when a tensor streams into the memory its SVD will reduce it in. */
const chunkBytes = 1 << 22;

/**
 * The 'spectrum' layout, read a few megabytes of whole rows at a time straight into the SVD's
 * workspace, so the tensor's bytes and its numbers never sit in memory whole at the same time.
 */
async function readSpectrumTensor(
  source: ByteSource,
  entry: SafetensorsEntry,
  fileName: string | undefined,
): Promise<SafetensorsTensor> {
  const size = safetensorsDtypeSize[entry.dtype];
  const format = elementFormats[entry.dtype];
  const [rows, cols, reshapedFrom] = tensorMatrixShape(entry.shape);
  // Row-major storage is the column-major layout of the transpose: for a wide or square tensor
  // (whose transpose is at least as tall as wide) the numbers go in as they come.
  const transposed = cols >= rows;
  const target = createWorkspace(svdWorkspaceDoubles(rows, cols, false)).vector(rows * cols);
  const rowsPerChunk = Math.max(1, Math.floor(chunkBytes / Math.max(1, cols * size)));
  for (let first = 0; first < rows; first += rowsPerChunk) {
    const count = Math.min(rowsPerChunk, rows - first);
    const offset = entry.byteOffset + first * cols * size;
    const bytes = await readExactly(source, offset, count * cols * size, fileName);
    if (transposed) {
      decodeElements(
        bytes,
        0,
        count * cols,
        format,
        target.subarray(first * cols, (first + count) * cols),
      );
    } else {
      const values = decodeElements(bytes, 0, count * cols, format);
      for (let i = 0; i < count; i++) {
        for (let j = 0; j < cols; j++) target[first + i + j * rows] = values[i * cols + j];
      }
    }
  }
  const matrix: Matrix = transposed
    ? { rows: cols, cols: rows, data: target }
    : { rows, cols, data: target };
  const result: SafetensorsTensor = { matrix, originalShape: [...entry.shape], transposed };
  if (reshapedFrom) result.reshapedFrom = reshapedFrom;
  return result;
}

/** readTensor for a file already in memory. */
export function readTensorSync(
  fileBytes: Uint8Array,
  entry: SafetensorsEntry,
  // The spectrum layout streams from a ByteSource (readTensor); a whole file in memory has no need.
  options: Omit<ReadTensorOptions, 'layout'> = {},
): SafetensorsTensor {
  checkTensorEntry(entry, options);
  const bytes = fileBytes.subarray(entry.byteOffset, entry.byteOffset + entry.byteLength);
  if (bytes.length !== entry.byteLength) {
    throw new FormatError(`the file ends inside tensor ${quoteForMessage(entry.name)}`, {
      file: options.fileName,
      byteOffset: entry.byteOffset,
    });
  }
  return decodeTensor(entry, bytes);
}

function checkTensorEntry(entry: SafetensorsEntry, options: ReadTensorOptions): void {
  const maxEntries = options.maxEntries ?? 2 ** 26;
  const size = safetensorsDtypeSize[entry.dtype];
  const entries = entry.shape.reduce((product, extent) => product * extent, 1);
  const location = { file: options.fileName, byteOffset: entry.byteOffset };
  if (size === undefined || entries * size !== entry.byteLength) {
    throw new FormatError(
      `tensor ${quoteForMessage(entry.name)}: its entry is inconsistent`,
      location,
    );
  }
  if (entries > maxEntries) {
    throw new FormatError(
      `tensor ${quoteForMessage(entry.name)} has ${entries} entries, more than the limit of ${maxEntries}`,
      location,
    );
  }
}

const elementFormats: Record<SafetensorsDtype, ElementFormat> = {
  F64: { kind: 'float', size: 8, littleEndian: true },
  F32: { kind: 'float', size: 4, littleEndian: true },
  F16: { kind: 'float', size: 2, littleEndian: true },
  BF16: { kind: 'bfloat', size: 2, littleEndian: true },
  I64: { kind: 'int', size: 8, littleEndian: true },
  I32: { kind: 'int', size: 4, littleEndian: true },
  I16: { kind: 'int', size: 2, littleEndian: true },
  I8: { kind: 'int', size: 1, littleEndian: true },
  U64: { kind: 'uint', size: 8, littleEndian: true },
  U32: { kind: 'uint', size: 4, littleEndian: true },
  U16: { kind: 'uint', size: 2, littleEndian: true },
  U8: { kind: 'uint', size: 1, littleEndian: true },
  BOOL: { kind: 'bool', size: 1, littleEndian: true },
  F8_E4M3: { kind: 'e4m3', size: 1, littleEndian: true },
  F8_E5M2: { kind: 'e5m2', size: 1, littleEndian: true },
  F8_E8M0: { kind: 'e8m0', size: 1, littleEndian: true },
};

/** The tensors of a safetensors header as checkpoint entries (file: the name they are read by). */
export function safetensorsTensorEntries(header: SafetensorsHeader, file: string): TensorEntry[] {
  return header.tensors.map((entry) => ({
    name: entry.name,
    dtype: entry.dtype,
    data: {
      file,
      byteOffset: entry.byteOffset,
      byteLength: entry.byteLength,
      shape: [...entry.shape],
      encoding: { kind: 'elements', element: elementFormats[entry.dtype], order: 'C' },
    },
  }));
}

/** A tensor's bytes as the out × in matrix, column-major (the 'matrix' layout). */
function decodeTensor(entry: SafetensorsEntry, bytes: Uint8Array): SafetensorsTensor {
  const entries = entry.byteLength / safetensorsDtypeSize[entry.dtype];
  const [rows, cols, reshapedFrom] = tensorMatrixShape(entry.shape);
  const values = decodeElements(bytes, 0, entries, elementFormats[entry.dtype]);
  const matrix: Matrix = { rows, cols, data: columnMajorFromRowMajor(values, rows, cols) };
  const result: SafetensorsTensor = { matrix, originalShape: [...entry.shape] };
  if (reshapedFrom) result.reshapedFrom = reshapedFrom;
  return result;
}

/**
 * The matrix a weight tensor becomes: 2-D as stored (out × in); 0-D → 1×1; 1-D (a bias or norm
 * scale) → an n×1 column; N-D (a convolution kernel out × in × kh × kw) → out × (in·kh·kw).
 */
export function tensorMatrixShape(shape: number[]): [number, number, string | undefined] {
  const { rows, cols, reshaped } = matrixShapeOf(shape);
  return [rows, cols, reshaped];
}

/** Little-endian bytes of values in a dtype (rounded to nearest for floats; integers must fit). */
export function encodeTensorData(dtype: SafetensorsDtype, values: ArrayLike<number>): Uint8Array {
  const size = safetensorsDtypeSize[dtype];
  const bytes = new Uint8Array(values.length * size);
  const view = new DataView(bytes.buffer);
  for (let k = 0; k < values.length; k++) {
    const value = values[k];
    const offset = k * size;
    switch (dtype) {
      case 'F64':
        view.setFloat64(offset, value, true);
        break;
      case 'F32':
        view.setFloat32(offset, value, true);
        break;
      case 'F16':
        view.setUint16(offset, encodeFloat16(value), true);
        break;
      case 'BF16':
        view.setUint16(offset, encodeBfloat16(value), true);
        break;
      case 'I64':
        view.setBigInt64(offset, BigInt(value), true);
        break;
      case 'I32':
        view.setInt32(offset, value, true);
        break;
      case 'I16':
        view.setInt16(offset, value, true);
        break;
      case 'I8':
        view.setInt8(offset, value);
        break;
      case 'U64':
        view.setBigUint64(offset, BigInt(value), true);
        break;
      case 'U32':
        view.setUint32(offset, value, true);
        break;
      case 'U16':
        view.setUint16(offset, value, true);
        break;
      case 'U8':
        view.setUint8(offset, value);
        break;
      case 'BOOL':
        view.setUint8(offset, value ? 1 : 0);
        break;
      default:
        throw new RangeError(`writing ${dtype} tensors is not supported`);
    }
  }
  return bytes;
}

export interface SafetensorsInput {
  name: string;
  dtype: SafetensorsDtype;
  shape: number[];
  /** Row-major (C order) little-endian bytes, e.g. from encodeTensorData. */
  data: Uint8Array;
}

/** A safetensors file of the tensors, in the given order, header padded with spaces to 8 bytes. */
export function writeSafetensors(
  tensors: SafetensorsInput[],
  metadata?: Record<string, string>,
): Uint8Array {
  const header: Record<string, unknown> = {};
  if (metadata) header['__metadata__'] = metadata;
  let offset = 0;
  for (const tensor of tensors) {
    header[tensor.name] = {
      dtype: tensor.dtype,
      shape: tensor.shape,
      data_offsets: [offset, offset + tensor.data.length],
    };
    offset += tensor.data.length;
  }
  let json = JSON.stringify(header);
  let headerBytes = new TextEncoder().encode(json);
  const padding = (8 - (headerBytes.length % 8)) % 8;
  if (padding > 0) {
    json += ' '.repeat(padding);
    headerBytes = new TextEncoder().encode(json);
  }
  const bytes = new Uint8Array(8 + headerBytes.length + offset);
  new DataView(bytes.buffer).setBigUint64(0, BigInt(headerBytes.length), true);
  bytes.set(headerBytes, 8);
  let position = 8 + headerBytes.length;
  for (const tensor of tensors) {
    bytes.set(tensor.data, position);
    position += tensor.data.length;
  }
  return bytes;
}

/** A tensor input holding a matrix as row-major data in the given float dtype (default F64). */
export function tensorFromMatrix(
  name: string,
  matrix: Matrix,
  dtype: SafetensorsDtype = 'F64',
): SafetensorsInput {
  const { rows, cols, data } = matrix;
  const rowMajor = new Float64Array(rows * cols);
  for (let i = 0; i < rows; i++)
    for (let j = 0; j < cols; j++) rowMajor[i * cols + j] = data[i + j * rows];
  return { name, dtype, shape: [rows, cols], data: encodeTensorData(dtype, rowMajor) };
}
