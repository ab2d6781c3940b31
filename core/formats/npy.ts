// NumPy .npy files (format versions 1.0, 2.0, 3.0, as numpy.lib.format documents them) to a dense
// column-major Matrix, and a Matrix back to .npy. Real, integer and boolean dtypes in either byte
// order, C or Fortran order; every header number is checked before anything is allocated.
// Cost O(entries).

import type { Matrix } from '../linalg/matrix';
import { svdWorkspaceDoubles } from '../linalg/svd';
import { createWorkspace } from '../linalg/workspace';
import type { ByteSource } from './byte-source';
import { readExactly } from './byte-reading';
import { FormatError, quoteForMessage } from './format-error';
import {
  columnMajorFromRowMajor,
  decodeElements,
  type ElementFormat,
  type ElementKind,
} from './element-decoding';
import { parsePythonLiteral, type PythonDict } from './python-literal';

export interface NpyResult {
  matrix: Matrix;
  /** numpy's name of the stored dtype: 'float32', 'int64', 'bool', … */
  dtype: string;
  /** The descr string as written, e.g. '>f8'. */
  descr: string;
  fortranOrder: boolean;
  originalShape: number[];
  version: string;
  /** How a shape other than 2-D became a matrix, as a sentence. */
  note?: string;
  /** True when `matrix` holds the transpose (layout 'spectrum' only). */
  transposed?: boolean;
}

export interface NpyOptions {
  file?: string;
  /** Largest number of entries accepted (default 2^26), checked before allocating. */
  maxEntries?: number;
  /**
   * 'matrix' (default): the array as a column-major matrix. 'spectrum': for weight analysis, the
   * numbers decoded straight into an SVD workspace, and a C-order array that is at least as wide
   * as tall read as its transpose (same singular values, no transposing copy; `transposed` says so).
   */
  layout?: 'matrix' | 'spectrum';
}

const magic = [0x93, 0x4e, 0x55, 0x4d, 0x50, 0x59]; // \x93NUMPY
const maximumHeaderLength = 1 << 20;

interface ElementType extends ElementFormat {
  name: string;
}

export interface NpyHeader {
  /** The descr string as written, e.g. '>f8'. */
  descr: string;
  /** numpy's name of the stored dtype: 'float32', 'int64', 'bool', … */
  dtype: string;
  element: ElementFormat;
  fortranOrder: boolean;
  shape: number[];
  entries: number;
  /** Offset of the first data byte (after magic, version, length and header). */
  dataStart: number;
  version: string;
}

/** The magic, version and header dictionary of a .npy file of `size` bytes whose start is `bytes`. */
export function parseNpyHeader(
  bytes: Uint8Array,
  size: number,
  options: Omit<NpyOptions, 'layout'> = {},
): NpyHeader {
  const file = options.file;
  const maxEntries = options.maxEntries ?? 2 ** 26;
  const fail = (reason: string, byteOffset: number): never => {
    throw new FormatError(reason, { file, byteOffset });
  };
  if (bytes.length < 10 || magic.some((value, k) => bytes[k] !== value)) {
    fail('this is not a .npy file: it does not start with "\\x93NUMPY"', 0);
  }
  const major = bytes[6];
  const minor = bytes[7];
  if (major < 1 || major > 3)
    fail(`.npy format version ${major}.${minor} is not supported (1 to 3 are)`, 6);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const lengthSize = major === 1 ? 2 : 4;
  if (bytes.length < 8 + lengthSize) fail('the file ends inside the header length', 8);
  const headerLength = major === 1 ? view.getUint16(8, true) : view.getUint32(8, true);
  const headerStart = 8 + lengthSize;
  if (headerLength > maximumHeaderLength) {
    fail(
      `the header claims ${headerLength} bytes, more than the limit of ${maximumHeaderLength}`,
      8,
    );
  }
  const dataStart = headerStart + headerLength;
  if (dataStart > Math.min(bytes.length, size)) {
    fail(
      `the header claims ${headerLength} bytes, but the file ends after ${Math.min(bytes.length, size) - headerStart}`,
      8,
    );
  }
  let headerText: string;
  try {
    headerText = new TextDecoder(major === 3 ? 'utf-8' : 'latin1', { fatal: true }).decode(
      bytes.subarray(headerStart, dataStart),
    );
  } catch {
    return fail('the header is not valid UTF-8 text', headerStart);
  }
  const header = parsePythonLiteral(headerText, headerStart, file);
  if (header === null || typeof header !== 'object' || Array.isArray(header)) {
    return fail('the header is not a dictionary', headerStart);
  }
  const dict = header as PythonDict;
  const descr = dict['descr'];
  const fortranOrder = dict['fortran_order'];
  const shape = dict['shape'];
  if (typeof descr !== 'string') {
    fail(
      Array.isArray(descr)
        ? 'structured arrays (records with named fields) are not supported'
        : 'the header has no "descr" string',
      headerStart,
    );
  }
  if (typeof fortranOrder !== 'boolean')
    fail('the header has no "fortran_order" True/False', headerStart);
  if (!Array.isArray(shape)) fail('the header has no "shape" tuple', headerStart);
  const element = elementType(descr as string, (reason) => fail(reason, headerStart));
  const dimensions = (shape as unknown[]).map((extent) => {
    if (typeof extent !== 'number' || !Number.isSafeInteger(extent) || extent < 0) {
      return fail(`the shape holds ${quoteForMessage(String(extent))}, not a size`, headerStart);
    }
    return extent;
  });
  const shapeText = dimensions.length === 1 ? `(${dimensions[0]},)` : `(${dimensions.join(', ')})`;
  let entries = 1;
  for (const extent of dimensions) {
    if (extent !== 0 && entries > Number.MAX_SAFE_INTEGER / extent) {
      fail(`the shape ${shapeText} has more entries than can be counted`, headerStart);
    }
    entries *= extent;
  }
  if (entries > maxEntries) {
    fail(
      `the shape ${shapeText} has ${entries} entries, more than the limit of ${maxEntries}`,
      headerStart,
    );
  }
  const dataBytes = size - dataStart;
  if (entries * element.size !== dataBytes) {
    fail(
      `the shape ${shapeText} of ${element.name} needs ${entries * element.size} bytes of data, but the file holds ${dataBytes}`,
      dataStart,
    );
  }
  return {
    descr: descr as string,
    dtype: element.name,
    element: { kind: element.kind, size: element.size, littleEndian: element.littleEndian },
    fortranOrder: fortranOrder as boolean,
    shape: dimensions,
    entries,
    dataStart,
    version: `${major}.${minor}`,
  };
}

/** The header of a .npy file read through a ByteSource (the magic, then the header it declares). */
export async function readNpyHeader(
  source: ByteSource,
  options: Omit<NpyOptions, 'layout'> = {},
): Promise<NpyHeader> {
  const prefix = await readExactly(source, 0, Math.min(source.size, 12), options.file);
  if (prefix.length < 12) return parseNpyHeader(prefix, source.size, options);
  const view = new DataView(prefix.buffer, prefix.byteOffset, 12);
  const headerEnd = prefix[6] === 1 ? 10 + view.getUint16(8, true) : 12 + view.getUint32(8, true);
  // A header over the cap is refused by the parser from the prefix alone.
  const length = Math.min(source.size, headerEnd, 12 + maximumHeaderLength);
  return parseNpyHeader(await readExactly(source, 0, length, options.file), source.size, options);
}

export function parseNpy(bytes: Uint8Array, options: NpyOptions = {}): NpyResult {
  const {
    descr,
    dtype,
    element,
    fortranOrder,
    shape: dimensions,
    entries,
    dataStart,
    version,
  } = parseNpyHeader(bytes, bytes.length, options);
  const [rows, cols, note] = matrixShape(dimensions);
  const order = fortranOrder;
  const spectrum = options.layout === 'spectrum' && (!order || dimensions.length <= 2);
  // C order is the column-major layout of the transpose: for the spectrum, a wide one is used as is.
  const transposed = spectrum && !order && cols >= rows;
  // For the spectrum the numbers go straight into the memory the SVD will reduce them in.
  const target = spectrum
    ? createWorkspace(svdWorkspaceDoubles(rows, cols, false)).vector(entries)
    : undefined;
  const values = decodeElements(
    bytes,
    dataStart,
    entries,
    element,
    transposed || order ? target : undefined,
  );
  let data: Float64Array;
  if (transposed) {
    data = values;
  } else if (!order) {
    data = columnMajorFromRowMajor(values, rows, cols, target);
  } else if (dimensions.length <= 2) {
    // Fortran order of a 2-D array is column-major already; copy only if it is a view of the file.
    data = values.buffer === bytes.buffer ? values.slice() : values;
  } else {
    // Fortran order of an N-D array: walk the multi-index, first axis fastest, and place each
    // value where numpy's C-order reshape(shape[0], -1) would put it.
    data = new Float64Array(entries);
    const rank = dimensions.length;
    const strides = new Array<number>(rank).fill(0);
    for (let axis = rank - 1, stride = 1; axis >= 1; axis--) {
      strides[axis] = stride;
      stride *= dimensions[axis];
    }
    const index = new Array<number>(rank).fill(0);
    let column = 0;
    for (let k = 0; k < entries; k++) {
      data[index[0] + column * rows] = values[k];
      for (let axis = 0; axis < rank; axis++) {
        index[axis]++;
        if (axis > 0) column += strides[axis];
        if (index[axis] < dimensions[axis]) break;
        if (axis > 0) column -= strides[axis] * dimensions[axis];
        index[axis] = 0;
      }
    }
  }
  const result: NpyResult = {
    matrix: transposed ? { rows: cols, cols: rows, data } : { rows, cols, data },
    dtype,
    descr,
    fortranOrder: order,
    originalShape: dimensions,
    version,
  };
  if (spectrum) result.transposed = transposed;
  if (note) result.note = note;
  return result;
}

function elementType(descr: string, fail: (reason: string) => never): ElementType {
  const match = /^([<>|=]?)([a-zA-Z?])(\d*)$/.exec(descr);
  if (!match) return fail(`the dtype ${quoteForMessage(descr)} is not supported`);
  const [, order, code, sizeText] = match;
  const size = code === '?' ? 1 : Number(sizeText);
  if (code === 'O') return fail('object arrays hold Python objects, not numbers, and are refused');
  if (code === 'c')
    return fail(`complex arrays (${descr}) are not supported: Rankscope works over the reals`);
  if ('USVaMm'.includes(code)) return fail(`the dtype ${quoteForMessage(descr)} holds no numbers`);
  const kind = code === '?' ? 'b' : code;
  const valid: Record<string, number[]> = {
    f: [2, 4, 8],
    i: [1, 2, 4, 8],
    u: [1, 2, 4, 8],
    b: [1],
  };
  if (!(kind in valid) || !valid[kind].includes(size)) {
    return fail(`the dtype ${quoteForMessage(descr)} is not supported`);
  }
  const kinds: Record<string, ElementKind> = { f: 'float', i: 'int', u: 'uint', b: 'bool' };
  return {
    kind: kinds[kind],
    size,
    // '=' is the writer's native order; every platform numpy runs on today is little-endian.
    littleEndian: order !== '>',
    name: kind === 'b' ? 'bool' : kinds[kind] + size * 8,
  };
}

/**
 * The matrix a shape becomes: 2-D as is; 0-D → 1×1; 1-D of length n → an n×1 column (a vector
 * is a column in linear algebra); N-D → shape[0] × (product of the rest), numpy's reshape(s0, -1).
 */
export function matrixShape(dimensions: number[]): [number, number, string | undefined] {
  if (dimensions.length === 2) return [dimensions[0], dimensions[1], undefined];
  if (dimensions.length === 0)
    return [1, 1, 'The 0-D array (a single number) is read as a 1×1 matrix.'];
  if (dimensions.length === 1) {
    return [
      dimensions[0],
      1,
      `The 1-D array of length ${dimensions[0]} is read as a ${dimensions[0]}×1 column.`,
    ];
  }
  const rest = dimensions.slice(1).reduce((product, extent) => product * extent, 1);
  return [
    dimensions[0],
    rest,
    `The ${dimensions.length}-D array of shape ${dimensions.join('×')} is read as ${dimensions[0]}×${rest}: row i holds array[i] flattened in C order.`,
  ];
}

/** A version 1.0 .npy file of the matrix as little-endian float64 in Fortran (column-major) order. */
export function writeNpy(matrix: Matrix): Uint8Array {
  const dictionary = `{'descr': '<f8', 'fortran_order': True, 'shape': (${matrix.rows}, ${matrix.cols}), }`;
  // numpy pads the header with spaces and a final newline so the data starts on a 64-byte boundary.
  const unpadded = 10 + dictionary.length + 1;
  const padding = (64 - (unpadded % 64)) % 64;
  const header = dictionary + ' '.repeat(padding) + '\n';
  const entries = matrix.rows * matrix.cols;
  const bytes = new Uint8Array(10 + header.length + entries * 8);
  bytes.set(magic, 0);
  bytes[6] = 1;
  bytes[7] = 0;
  const view = new DataView(bytes.buffer);
  view.setUint16(8, header.length, true);
  for (let k = 0; k < header.length; k++) bytes[10 + k] = header.charCodeAt(k);
  const dataStart = 10 + header.length;
  for (let k = 0; k < entries; k++) view.setFloat64(dataStart + k * 8, matrix.data[k], true);
  return bytes;
}
