// Decodes one tensor (a TensorData from any checkpoint reader) through a ByteSource into a Float64
// matrix, a few megabytes at a time, straight into the memory its SVD will reduce it in. In the
// 'spectrum' layout the matrix may be the weight's transpose — whichever of the two is at least as
// tall as wide and, for a square one, whichever the stored order gives without a transposing copy.
// Cancellation is polled between pieces. Cost O(entries); memory the matrix plus one piece.
import { Inflate } from 'fflate';
import type { JobContext } from '../job-context';
import type { Matrix } from '../linalg/matrix';
import { svdWorkspaceDoubles } from '../linalg/svd';
import { createWorkspace, plainWorkspace } from '../linalg/workspace';
import { crc32 } from './crc32';
import type { ByteSource } from './byte-source';
import { readExactly } from './byte-reading';
import { decodeElements, type ElementFormat } from './element-decoding';
import { FormatError } from './format-error';
import { ggmlTypeNamed } from './ggml-quantization';
import { decodeBfloat16, decodeFloat16, decodeFloat8 } from './half';
import { checkShape, matrixShapeOf, type TensorData } from './tensor-data';

export interface DecodeTensorOptions {
  /** The file's name in messages (default: the tensor's `file`). */
  fileName?: string;
  /** The tensor's name in messages. */
  tensorName?: string;
  /**
   * 'matrix' (default): the out × in matrix. 'spectrum': see the file's opening comment.
   * 'sketch': the weight or its transpose, whichever the stored order gives with no rearranging
   * (for products, which take either; the quick pass).
   */
  layout?: 'matrix' | 'spectrum' | 'sketch';
  /** Largest number of entries accepted (default 2^28), checked before reading or allocating. */
  maxEntries?: number;
  /**
   * Doubles of the workspace the matrix is placed in (layout 'spectrum'); default what a
   * values-only SVD of it needs. A quick pass asks for the matrix plus its sketch instead.
   */
  workspaceDoubles?: number;
  /**
   * A tensor of the same shape decoded before with the same layout: the result is this tensor
   * minus that one, written over it (ΔW = tuned − base, with one matrix in memory).
   */
  subtractFrom?: DecodedTensor;
  context?: Pick<JobContext, 'checkCancelled'>;
  /** Bytes read per piece (default 4 MB). */
  pieceBytes?: number;
}

export interface DecodedTensor {
  /** rows × cols of the weight, or its transpose when `transposed`. */
  matrix: Matrix;
  transposed: boolean;
  /** The weight's own matrix shape. */
  rows: number;
  cols: number;
  /** How an N-D tensor became a matrix, as a sentence. */
  reshaped?: string;
}

const defaultPieceBytes = 1 << 22;

const tile = 32;

/** Writes pieces of the weight (whole rows or whole columns) where the chosen layout puts them. */
class Placement {
  constructor(
    readonly rows: number,
    readonly cols: number,
    readonly transposed: boolean,
    readonly target: Float64Array,
    private readonly subtract: boolean,
  ) {}

  /** Where `count` whole rows from `first` go when they need no rearranging (else undefined). */
  directRows(first: number, count: number): Float64Array | undefined {
    if (this.subtract || !this.transposed) return undefined;
    return this.target.subarray(first * this.cols, (first + count) * this.cols);
  }

  directColumns(first: number, count: number): Float64Array | undefined {
    if (this.subtract || this.transposed) return undefined;
    return this.target.subarray(first * this.rows, (first + count) * this.rows);
  }

  private put(index: number, value: number): void {
    this.target[index] = this.subtract ? value - this.target[index] : value;
  }

  /** Row-major values of rows first … first + count − 1. */
  rowsPiece(first: number, count: number, values: Float64Array): void {
    const { rows: m, cols: n, target } = this;
    if (this.transposed) {
      // Column i of Aᵀ is row i of A: contiguous.
      const start = first * n;
      if (!this.subtract) target.set(values.subarray(0, count * n), start);
      else for (let k = 0; k < count * n; k++) this.put(start + k, values[k]);
      return;
    }
    // Tiles of 32 × 32 keep both the rows read and the columns written in cache.
    for (let j0 = 0; j0 < n; j0 += tile) {
      const j1 = Math.min(j0 + tile, n);
      for (let i0 = 0; i0 < count; i0 += tile) {
        const i1 = Math.min(i0 + tile, count);
        for (let j = j0; j < j1; j++) {
          const column = j * m + first;
          for (let i = i0; i < i1; i++) this.put(column + i, values[i * n + j]);
        }
      }
    }
  }

  /** Column-major values of columns first … first + count − 1. */
  columnsPiece(first: number, count: number, values: Float64Array): void {
    const { rows: m, cols: n, target } = this;
    if (!this.transposed) {
      const start = first * m;
      if (!this.subtract) target.set(values.subarray(0, count * m), start);
      else for (let k = 0; k < count * m; k++) this.put(start + k, values[k]);
      return;
    }
    for (let i = 0; i < m; i++) {
      const row = i * n + first;
      for (let c = 0; c < count; c++) this.put(row + c, values[c * m + i]);
    }
  }
}

/** The tensor's numbers as a Float64 matrix, read piece by piece from the source. */
export async function decodeTensor(
  source: ByteSource,
  data: TensorData,
  options: DecodeTensorOptions = {},
): Promise<DecodedTensor> {
  const fileName = options.fileName ?? data.file;
  const name =
    options.tensorName === undefined
      ? 'the tensor'
      : `tensor ${JSON.stringify(options.tensorName)}`;
  const fail = (reason: string, byteOffset = data.byteOffset): never => {
    throw new FormatError(`${name}: ${reason}`, { file: fileName, byteOffset });
  };
  const entries = checkShape(data.shape);
  if (typeof entries === 'string') return fail(entries);
  const maxEntries = options.maxEntries ?? 2 ** 28;
  if (entries > maxEntries) {
    fail(`it has ${entries} entries, more than the limit of ${maxEntries}`);
  }
  const { rows, cols, reshaped } = matrixShapeOf(data.shape);
  const layout = options.layout ?? 'matrix';
  const encoding = data.encoding;
  const storedOrder =
    encoding.kind === 'elements'
      ? encoding.order
      : encoding.kind === 'deflated'
        ? encoding.inner.order
        : 'C';

  let target: Float64Array;
  const base = options.subtractFrom;
  if (base) {
    if (base.rows !== rows || base.cols !== cols) {
      fail(
        `its shape ${rows}×${cols} differs from the ${base.rows}×${base.cols} it is compared with`,
      );
    }
    target = base.matrix.data;
  } else {
    const doubles = Math.max(
      entries,
      options.workspaceDoubles ?? svdWorkspaceDoubles(rows, cols, false),
    );
    const space = layout === 'matrix' ? plainWorkspace : createWorkspace(doubles);
    target = space.vector(entries);
  }
  // A difference is placed the way its base was, whatever this tensor's stored order.
  const transposed = base
    ? base.transposed
    : layout === 'sketch'
      ? storedOrder === 'C'
      : layout === 'spectrum' && (cols > rows || (cols === rows && storedOrder === 'C'));
  const placement = new Placement(rows, cols, transposed, target, base !== undefined);
  const pieceBytes = options.pieceBytes ?? defaultPieceBytes;
  const context = options.context;
  const read = (offset: number, length: number) => readExactly(source, offset, length, fileName);

  switch (encoding.kind) {
    case 'elements': {
      const { element, order } = encoding;
      if (data.byteLength !== entries * element.size) {
        fail(`${data.byteLength} bytes cannot hold ${entries} numbers of ${element.size} bytes`);
      }
      await streamElements(read, data.byteOffset, element, order, placement, pieceBytes, context);
      break;
    }
    case 'strided': {
      const values = await gatherStrided(read, data, encoding, entries, fail);
      placement.rowsPiece(0, rows, values);
      break;
    }
    case 'ggml': {
      const type = ggmlTypeNamed(encoding.type);
      if (!type) return fail(`the ggml type ${encoding.type} is unknown`);
      if (!type.dequantize) {
        return fail(
          `${type.name} dequantization is not supported (Q4_0, Q4_1, Q5_0, Q5_1, Q8_0 and Q2_K–Q8_K are)`,
        );
      }
      // Rows of whole blocks stream piece by piece; otherwise (a 1-D tensor) all blocks at once.
      const wholeRows = cols % type.blockSize === 0;
      const lines = wholeRows ? rows : 1;
      const lineWeights = wholeRows ? cols : entries;
      const lineBlocks = lineWeights / type.blockSize;
      if (
        !Number.isInteger(lineBlocks) ||
        data.byteLength !== lines * lineBlocks * type.blockBytes
      ) {
        fail(
          `${data.byteLength} bytes do not hold ${entries} weights as whole ${type.name} blocks`,
        );
      }
      const lineBytes = lineBlocks * type.blockBytes;
      const perPiece = Math.max(1, Math.floor(pieceBytes / Math.max(1, lineBytes)));
      let scratch: Float64Array | undefined;
      for (let first = 0; first < lines; first += perPiece) {
        context?.checkCancelled();
        const count = Math.min(perPiece, lines - first);
        const bytes = await read(data.byteOffset + first * lineBytes, count * lineBytes);
        const direct = wholeRows ? placement.directRows(first, count) : undefined;
        const out = direct ?? (scratch ??= new Float64Array(perPiece * lineWeights));
        type.dequantize(bytes, 0, count * lineBlocks, out, 0);
        if (!direct) placement.rowsPiece(wholeRows ? first : 0, wholeRows ? count : rows, out);
      }
      break;
    }
    case 'protobuf': {
      const values = await decodeProtobufPieces(read, encoding, entries, fail);
      placement.rowsPiece(0, rows, values);
      break;
    }
    case 'deflated':
      await streamDeflated(read, data, encoding, entries, placement, pieceBytes, context, fail);
      break;
  }
  context?.checkCancelled();
  const matrix: Matrix = transposed
    ? { rows: cols, cols: rows, data: target }
    : { rows, cols, data: target };
  const result: DecodedTensor = { matrix, transposed, rows, cols };
  if (reshaped) result.reshaped = reshaped;
  return result;
}

async function streamElements(
  read: (offset: number, length: number) => Promise<Uint8Array>,
  byteOffset: number,
  element: ElementFormat,
  order: 'C' | 'F',
  placement: Placement,
  pieceBytes: number,
  context: DecodeTensorOptions['context'],
): Promise<void> {
  // A piece is whole rows (C order) or whole columns (F order).
  const lines = order === 'C' ? placement.rows : placement.cols;
  const lineLength = order === 'C' ? placement.cols : placement.rows;
  const lineBytes = lineLength * element.size;
  const perPiece = Math.max(1, Math.floor(pieceBytes / Math.max(1, lineBytes)));
  let scratch: Float64Array | undefined;
  for (let first = 0; first < lines; first += perPiece) {
    context?.checkCancelled();
    const count = Math.min(perPiece, lines - first);
    const bytes = await read(byteOffset + first * lineBytes, count * lineBytes);
    const direct =
      order === 'C' ? placement.directRows(first, count) : placement.directColumns(first, count);
    const out = direct ?? (scratch ??= new Float64Array(perPiece * lineLength));
    const values = decodeElements(
      bytes,
      0,
      count * lineLength,
      element,
      out.subarray(0, count * lineLength),
    );
    if (direct) continue;
    if (order === 'C') placement.rowsPiece(first, count, values);
    else placement.columnsPiece(first, count, values);
  }
}

/** A strided view: the covering storage range read once, then gathered into C order. */
async function gatherStrided(
  read: (offset: number, length: number) => Promise<Uint8Array>,
  data: TensorData,
  encoding: Extract<TensorData['encoding'], { kind: 'strided' }>,
  entries: number,
  fail: (reason: string) => never,
): Promise<Float64Array> {
  const { element, strides, storageOffset } = encoding;
  const shape = data.shape;
  if (strides.length !== shape.length) fail('its strides do not match its shape');
  const available = data.byteLength / element.size;
  let last = storageOffset;
  for (let axis = 0; axis < shape.length; axis++) {
    if (!Number.isSafeInteger(strides[axis]) || strides[axis] < 0) fail('a stride is not a size');
    if (shape[axis] > 0) last += (shape[axis] - 1) * strides[axis];
  }
  if (entries > 0 && (!Number.isSafeInteger(last) || last >= available)) {
    fail(`its strides reach element ${last}, past the ${available} its storage holds`);
  }
  if (entries > available) {
    fail(`it repeats elements of its storage (a stride of 0); save it with .contiguous() first`);
  }
  if (available > 4 * entries + 1024) {
    fail(
      `it is a view of ${entries} numbers into a storage of ${available}; save it with .contiguous() first`,
    );
  }
  const bytes = await read(data.byteOffset, data.byteLength);
  const storage = decodeElements(bytes, 0, available, element);
  const values = new Float64Array(entries);
  const index = new Array<number>(shape.length).fill(0);
  let at = storageOffset;
  for (let k = 0; k < entries; k++) {
    values[k] = storage[at];
    // Advance the multi-index, last axis fastest.
    for (let axis = shape.length - 1; axis >= 0; axis--) {
      index[axis]++;
      at += strides[axis];
      if (index[axis] < shape[axis]) break;
      at -= strides[axis] * shape[axis];
      index[axis] = 0;
    }
  }
  return values;
}

/** Protocol-buffer repeated numbers (ONNX's typed data fields), decoded into C order. */
async function decodeProtobufPieces(
  read: (offset: number, length: number) => Promise<Uint8Array>,
  encoding: Extract<TensorData['encoding'], { kind: 'protobuf' }>,
  entries: number,
  fail: (reason: string, byteOffset?: number) => never,
): Promise<Float64Array> {
  const values = new Float64Array(entries);
  let count = 0;
  const push = (value: number, at: number) => {
    if (count >= entries) fail(`it holds more than the ${entries} numbers its shape needs`, at);
    values[count++] = value;
  };
  for (const piece of encoding.pieces) {
    const bytes = await read(piece.byteOffset, piece.byteLength);
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    if (encoding.wire === 'fixed32' || encoding.wire === 'fixed64') {
      const size = encoding.wire === 'fixed32' ? 4 : 8;
      if (bytes.length % size !== 0)
        fail(`a packed run of ${bytes.length} bytes is not whole numbers`, piece.byteOffset);
      for (let at = 0; at < bytes.length; at += size) {
        push(
          size === 4 ? view.getFloat32(at, true) : view.getFloat64(at, true),
          piece.byteOffset + at,
        );
      }
      continue;
    }
    let at = 0;
    while (at < bytes.length) {
      // A varint of up to 10 bytes; int32 fields write negatives as 64-bit two's complement.
      let low = 0;
      let high = 0;
      let shift = 0;
      const start = at;
      for (;;) {
        if (at >= bytes.length || shift > 63)
          fail('a varint is cut short or too long', piece.byteOffset + start);
        const byte = bytes[at++];
        if (shift < 28) low |= (byte & 0x7f) << shift;
        else if (shift === 28) {
          low |= (byte & 0x0f) << 28;
          high |= (byte & 0x7f) >> 4;
        } else high |= (byte & 0x7f) << (shift - 32);
        shift += 7;
        if ((byte & 0x80) === 0) break;
      }
      push(varintValue(low >>> 0, high >>> 0, encoding.as), piece.byteOffset + start);
    }
  }
  if (count !== entries) fail(`it holds ${count} numbers, but its shape needs ${entries}`);
  return values;
}

function varintValue(
  low: number,
  high: number,
  as: Extract<TensorData['encoding'], { kind: 'protobuf' }>['as'],
): number {
  switch (as) {
    case 'float16':
      return decodeFloat16(low & 0xffff);
    case 'bfloat16':
      return decodeBfloat16(low & 0xffff);
    case 'e4m3':
    case 'e5m2':
      return decodeFloat8(low & 0xff, as);
    case 'uint':
      return high * 2 ** 32 + low;
    default:
      // Two's complement over 64 bits.
      return high >= 0x80000000 ? (high - 2 ** 32) * 2 ** 32 + low : high * 2 ** 32 + low;
  }
}

/** A deflated .npz member, inflated as it streams; whole lines go where they belong. */
async function streamDeflated(
  read: (offset: number, length: number) => Promise<Uint8Array>,
  data: TensorData,
  encoding: Extract<TensorData['encoding'], { kind: 'deflated' }>,
  entries: number,
  placement: Placement,
  pieceBytes: number,
  context: DecodeTensorOptions['context'],
  fail: (reason: string, byteOffset?: number) => never,
): Promise<void> {
  const { element, order } = encoding.inner;
  if (encoding.inflatedLength !== encoding.skip + entries * element.size) {
    fail(`its inflated size ${encoding.inflatedLength} does not match its header and shape`);
  }
  const lines = order === 'C' ? placement.rows : placement.cols;
  const lineLength = order === 'C' ? placement.cols : placement.rows;
  const lineBytes = lineLength * element.size;
  const perPiece = Math.max(1, Math.floor(pieceBytes / Math.max(1, lineBytes)));
  const pending = new Uint8Array(Math.max(perPiece * lineBytes, 1));
  let filled = 0;
  let inflated = 0;
  let checksum = 0;
  let line = 0;
  const flush = (final: boolean) => {
    const whole = final
      ? filled / Math.max(1, lineBytes)
      : Math.floor(filled / Math.max(1, lineBytes));
    if (whole === 0 || lineBytes === 0) return;
    const count = Math.min(whole, lines - line);
    const values = decodeElements(pending, 0, count * lineLength, element);
    if (order === 'C') placement.rowsPiece(line, count, values);
    else placement.columnsPiece(line, count, values);
    line += count;
    pending.copyWithin(0, count * lineBytes, filled);
    filled -= count * lineBytes;
  };
  const inflater = new Inflate((chunk) => {
    checksum = crc32(chunk, checksum);
    let start = 0;
    if (inflated < encoding.skip) start = Math.min(chunk.length, encoding.skip - inflated);
    inflated += chunk.length;
    if (inflated > encoding.inflatedLength) {
      fail(`it inflates to more than the ${encoding.inflatedLength} bytes its zip entry declares`);
    }
    for (let at = start; at < chunk.length;) {
      const take = Math.min(chunk.length - at, pending.length - filled);
      pending.set(chunk.subarray(at, at + take), filled);
      filled += take;
      at += take;
      if (filled === pending.length) flush(false);
    }
  });
  for (let offset = 0; offset < data.byteLength; offset += pieceBytes) {
    context?.checkCancelled();
    const length = Math.min(pieceBytes, data.byteLength - offset);
    const bytes = await read(data.byteOffset + offset, length);
    try {
      inflater.push(bytes, offset + length >= data.byteLength);
    } catch (error) {
      if (error instanceof FormatError) throw error;
      fail(
        `its compressed data is damaged (${(error as Error).message})`,
        data.byteOffset + offset,
      );
    }
  }
  if (data.byteLength === 0) fail('its compressed data is empty');
  flush(true);
  if (inflated !== encoding.inflatedLength || line !== lines) {
    fail(
      `it inflates to ${inflated} bytes, not the ${encoding.inflatedLength} its zip entry declares`,
    );
  }
  if (checksum >>> 0 !== encoding.crc32 >>> 0)
    fail('its CRC-32 does not match: the data is damaged');
}
