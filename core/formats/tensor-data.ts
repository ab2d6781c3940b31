// Where a tensor's numbers lie in a file and how they are written — the one description every
// checkpoint reader (safetensors, .npy/.npz, GGUF, PyTorch, ONNX) produces from headers alone.
// Plain data (structured-clone and JSON friendly), so a host can hand it to a worker that
// opens the file itself and decodes only that tensor (tensor-decoding.ts).
import type { ElementFormat } from './element-decoding';

/** A contiguous byte range in one file of a checkpoint. */
export interface ByteRange {
  byteOffset: number;
  byteLength: number;
}

export type TensorEncoding =
  /** Packed elements, row-major ('C') or column-major ('F') over the tensor's matrix shape. */
  | { kind: 'elements'; element: ElementFormat; order: 'C' | 'F' }
  /**
   * Packed elements at arbitrary strides (a PyTorch view saved as is): element (i₀, i₁, …) of the
   * shape sits at storageOffset + Σ iₖ·stridesₖ elements from the range's start.
   */
  | { kind: 'strided'; element: ElementFormat; strides: number[]; storageOffset: number }
  /** ggml blocks (GGUF), each row of the matrix a whole number of blocks. */
  | { kind: 'ggml'; type: string }
  /**
   * Protocol-buffer repeated fields (ONNX float_data, int32_data, …): packed runs of fixed-size
   * or varint numbers. `pieces` replaces the single range; numbers read as `as`.
   */
  | {
      kind: 'protobuf';
      wire: 'fixed32' | 'fixed64' | 'varint';
      as: 'float' | 'double' | 'int' | 'uint' | 'float16' | 'bfloat16' | 'e4m3' | 'e5m2';
      pieces: ByteRange[];
    }
  /**
   * A deflated zip member (.npz): the range is the compressed stream; after inflating, the first
   * `skip` bytes (the .npy header) are passed over and the rest decoded as `inner`.
   */
  | {
      kind: 'deflated';
      skip: number;
      inflatedLength: number;
      crc32: number;
      inner: { element: ElementFormat; order: 'C' | 'F' };
    };

export interface TensorData extends ByteRange {
  /** The checkpoint's name of the file that holds the bytes. */
  file: string;
  /** The shape as the format states it, outermost first (C order): [out, in] for a linear layer. */
  shape: number[];
  encoding: TensorEncoding;
}

/** Entries of a shape (the caller has checked the product is a safe integer). */
function entriesOf(shape: readonly number[]): number {
  return shape.reduce((product, extent) => product * extent, 1);
}

/**
 * The entry count of a shape, or a sentence saying why it is not one: every extent a whole number
 * ≥ 0, the product a safe integer.
 */
export function checkShape(shape: readonly unknown[]): number | string {
  let entries = 1;
  for (const extent of shape) {
    if (typeof extent !== 'number' || !Number.isSafeInteger(extent) || extent < 0) {
      return `the shape holds ${JSON.stringify(extent) ?? String(extent)}, not a size`;
    }
    if (extent !== 0 && entries > Number.MAX_SAFE_INTEGER / extent) {
      return 'the shape has more entries than can be counted';
    }
    entries *= extent;
  }
  return entries;
}

/**
 * The matrix a tensor becomes: 2-D as stored (out × in); 0-D → 1×1; 1-D (a bias or a norm's
 * scale) → an n×1 column; N-D (a convolution kernel out × in × kh × kw) → out × (in·kh·kw).
 */
export function matrixShapeOf(shape: readonly number[]): {
  rows: number;
  cols: number;
  reshaped?: string;
} {
  if (shape.length === 2) return { rows: shape[0], cols: shape[1] };
  if (shape.length === 0) {
    return {
      rows: 1,
      cols: 1,
      reshaped: 'The 0-D tensor (a single number) is read as a 1×1 matrix.',
    };
  }
  if (shape.length === 1) {
    return {
      rows: shape[0],
      cols: 1,
      reshaped: `The 1-D tensor of length ${shape[0]} is read as a ${shape[0]}×1 column.`,
    };
  }
  const rest = entriesOf(shape.slice(1));
  const restNames = shape.length === 4 ? 'in·kh·kw' : 'product of the other axes';
  return {
    rows: shape[0],
    cols: rest,
    reshaped: `The ${shape.length}-D tensor of shape ${shape.join('×')} is reshaped to ${shape[0]}×${rest} (out × ${restNames}): row i is output channel i's weights flattened in C order.`,
  };
}

/** One tensor of a checkpoint as its file's header describes it. */
export interface TensorEntry {
  name: string;
  /** The dtype as the format names it: 'BF16', 'float32', 'Q4_K', 'FloatStorage', … */
  dtype: string;
  /** Block quantization (GGUF), named in the table: the scheme and what it costs per weight. */
  quantization?: { scheme: string; bitsPerWeight: number; blockSize: number };
  data: TensorData;
}
