// The tensor types of ggml (the library behind llama.cpp and GGUF files): block sizes and byte
// sizes of every type a GGUF file may name, and dequantization of the plain and block-quantized
// ones — Q4_0, Q4_1, Q5_0, Q5_1, Q8_0 (32 weights a block) and the k-quants Q2_K … Q6_K, Q8_K
// (256 a block, sub-block scales of 4–8 bits) — as ggml-quants.c's dequantize_row_* define them,
// computed in double precision. Cost O(weights).
import { float16Values } from './half';

export interface GgmlType {
  id: number;
  name: string;
  /** Weights per block (1 for plain types). */
  blockSize: number;
  /** Bytes per block. */
  blockBytes: number;
  /** Decodes `blocks` blocks at bytes[offset…] into out[outOffset…]; absent when not supported. */
  dequantize?: (
    bytes: Uint8Array,
    offset: number,
    blocks: number,
    out: Float64Array,
    outOffset: number,
  ) => void;
  /** True for block-quantized types (the table names the quantization). */
  quantized: boolean;
}

const QK_K = 256;

function half(bytes: Uint8Array, at: number): number {
  return float16Values()[bytes[at] | (bytes[at + 1] << 8)];
}

function signedByte(value: number): number {
  return (value << 24) >> 24;
}

// Q4_0: d (f16), 16 bytes of 4-bit quants; weight = d·(q − 8); low nibbles are weights 0–15.
function dequantizeQ4_0(
  bytes: Uint8Array,
  offset: number,
  blocks: number,
  out: Float64Array,
  at: number,
): void {
  for (let b = 0; b < blocks; b++, offset += 18, at += 32) {
    const d = half(bytes, offset);
    for (let j = 0; j < 16; j++) {
      const q = bytes[offset + 2 + j];
      out[at + j] = d * ((q & 0x0f) - 8);
      out[at + j + 16] = d * ((q >> 4) - 8);
    }
  }
}

// Q4_1: d, m (f16), 16 bytes of 4-bit quants; weight = d·q + m.
function dequantizeQ4_1(
  bytes: Uint8Array,
  offset: number,
  blocks: number,
  out: Float64Array,
  at: number,
): void {
  for (let b = 0; b < blocks; b++, offset += 20, at += 32) {
    const d = half(bytes, offset);
    const m = half(bytes, offset + 2);
    for (let j = 0; j < 16; j++) {
      const q = bytes[offset + 4 + j];
      out[at + j] = d * (q & 0x0f) + m;
      out[at + j + 16] = d * (q >> 4) + m;
    }
  }
}

function fifthBits(bytes: Uint8Array, at: number): number {
  return (bytes[at] | (bytes[at + 1] << 8) | (bytes[at + 2] << 16) | (bytes[at + 3] << 24)) >>> 0;
}

// Q5_0: d, 32 fifth bits (u32), 16 bytes of low nibbles; weight = d·(q − 16).
function dequantizeQ5_0(
  bytes: Uint8Array,
  offset: number,
  blocks: number,
  out: Float64Array,
  at: number,
): void {
  for (let b = 0; b < blocks; b++, offset += 22, at += 32) {
    const d = half(bytes, offset);
    const high = fifthBits(bytes, offset + 2);
    for (let j = 0; j < 16; j++) {
      const q = bytes[offset + 6 + j];
      out[at + j] = d * (((q & 0x0f) | (((high >>> j) << 4) & 0x10)) - 16);
      out[at + j + 16] = d * (((q >> 4) | ((high >>> (j + 12)) & 0x10)) - 16);
    }
  }
}

// Q5_1: d, m, 32 fifth bits, 16 bytes of low nibbles; weight = d·q + m.
function dequantizeQ5_1(
  bytes: Uint8Array,
  offset: number,
  blocks: number,
  out: Float64Array,
  at: number,
): void {
  for (let b = 0; b < blocks; b++, offset += 24, at += 32) {
    const d = half(bytes, offset);
    const m = half(bytes, offset + 2);
    const high = fifthBits(bytes, offset + 4);
    for (let j = 0; j < 16; j++) {
      const q = bytes[offset + 8 + j];
      out[at + j] = d * ((q & 0x0f) | (((high >>> j) << 4) & 0x10)) + m;
      out[at + j + 16] = d * ((q >> 4) | ((high >>> (j + 12)) & 0x10)) + m;
    }
  }
}

// Q8_0: d (f16), 32 signed bytes; weight = d·q.
function dequantizeQ8_0(
  bytes: Uint8Array,
  offset: number,
  blocks: number,
  out: Float64Array,
  at: number,
): void {
  for (let b = 0; b < blocks; b++, offset += 34, at += 32) {
    const d = half(bytes, offset);
    for (let j = 0; j < 32; j++) out[at + j] = d * signedByte(bytes[offset + 2 + j]);
  }
}

// Q2_K: 16 bytes of 4-bit scale | 4-bit min, 64 bytes of 2-bit quants, d, dmin.
function dequantizeQ2_K(
  bytes: Uint8Array,
  offset: number,
  blocks: number,
  out: Float64Array,
  at: number,
): void {
  for (let b = 0; b < blocks; b++, offset += 84) {
    const d = half(bytes, offset + 80);
    const dmin = half(bytes, offset + 82);
    let scale = 0;
    for (let n = 0; n < QK_K; n += 128) {
      const quants = offset + 16 + n / 4;
      for (let shift = 0; shift < 8; shift += 2) {
        for (let half16 = 0; half16 < 32; half16 += 16) {
          const packed = bytes[offset + scale++];
          const dl = d * (packed & 0x0f);
          const ml = dmin * (packed >> 4);
          for (let l = 0; l < 16; l++)
            out[at++] = dl * ((bytes[quants + half16 + l] >> shift) & 3) - ml;
        }
      }
    }
  }
}

// Q3_K: 32 bytes of high bits, 64 of 2-bit quants, 12 of packed 6-bit scales, d.
function dequantizeQ3_K(
  bytes: Uint8Array,
  offset: number,
  blocks: number,
  out: Float64Array,
  at: number,
): void {
  const scales = new Int8Array(16);
  for (let b = 0; b < blocks; b++, offset += 110) {
    const d = half(bytes, offset + 108);
    const packed = offset + 96;
    for (let j = 0; j < 16; j++) {
      const low = j < 8 ? bytes[packed + j] & 0x0f : bytes[packed + j - 8] >> 4;
      const high = (bytes[packed + 8 + (j % 4)] >> (2 * Math.floor(j / 4))) & 3;
      scales[j] = (low | (high << 4)) - 32;
    }
    let scale = 0;
    let mask = 1;
    for (let n = 0; n < QK_K; n += 128) {
      const quants = offset + 32 + n / 4;
      for (let shift = 0; shift < 8; shift += 2, mask <<= 1) {
        for (let half16 = 0; half16 < 32; half16 += 16) {
          const dl = d * scales[scale++];
          for (let l = 0; l < 16; l++) {
            const q = (bytes[quants + half16 + l] >> shift) & 3;
            out[at++] = dl * (q - (bytes[offset + half16 + l] & mask ? 0 : 4));
          }
        }
      }
    }
  }
}

/** The j-th 6-bit scale and min of the 12 packed bytes of Q4_K and Q5_K (ggml's get_scale_min_k4). */
function scaleAndMin(bytes: Uint8Array, packed: number, j: number): [number, number] {
  if (j < 4) return [bytes[packed + j] & 63, bytes[packed + j + 4] & 63];
  return [
    (bytes[packed + j + 4] & 0x0f) | ((bytes[packed + j - 4] >> 6) << 4),
    (bytes[packed + j + 4] >> 4) | ((bytes[packed + j] >> 6) << 4),
  ];
}

// Q4_K: d, dmin, 12 bytes of 6-bit scales and mins, 128 bytes of 4-bit quants.
function dequantizeQ4_K(
  bytes: Uint8Array,
  offset: number,
  blocks: number,
  out: Float64Array,
  at: number,
): void {
  for (let b = 0; b < blocks; b++, offset += 144) {
    const d = half(bytes, offset);
    const dmin = half(bytes, offset + 2);
    for (let group = 0; group < 4; group++) {
      const [scale1, min1] = scaleAndMin(bytes, offset + 4, 2 * group);
      const [scale2, min2] = scaleAndMin(bytes, offset + 4, 2 * group + 1);
      const quants = offset + 16 + 32 * group;
      for (let l = 0; l < 32; l++)
        out[at++] = d * scale1 * (bytes[quants + l] & 0x0f) - dmin * min1;
      for (let l = 0; l < 32; l++) out[at++] = d * scale2 * (bytes[quants + l] >> 4) - dmin * min2;
    }
  }
}

// Q5_K: d, dmin, 12 bytes of scales and mins, 32 bytes of fifth bits, 128 of low nibbles.
function dequantizeQ5_K(
  bytes: Uint8Array,
  offset: number,
  blocks: number,
  out: Float64Array,
  at: number,
): void {
  for (let b = 0; b < blocks; b++, offset += 176) {
    const d = half(bytes, offset);
    const dmin = half(bytes, offset + 2);
    const high = offset + 16;
    for (let group = 0; group < 4; group++) {
      const [scale1, min1] = scaleAndMin(bytes, offset + 4, 2 * group);
      const [scale2, min2] = scaleAndMin(bytes, offset + 4, 2 * group + 1);
      const quants = offset + 48 + 32 * group;
      const bit1 = 1 << (2 * group);
      const bit2 = bit1 << 1;
      for (let l = 0; l < 32; l++) {
        const q = (bytes[quants + l] & 0x0f) + (bytes[high + l] & bit1 ? 16 : 0);
        out[at++] = d * scale1 * q - dmin * min1;
      }
      for (let l = 0; l < 32; l++) {
        const q = (bytes[quants + l] >> 4) + (bytes[high + l] & bit2 ? 16 : 0);
        out[at++] = d * scale2 * q - dmin * min2;
      }
    }
  }
}

// Q6_K: 128 bytes of low nibbles, 64 of 2-bit highs, 16 signed 8-bit scales, d.
function dequantizeQ6_K(
  bytes: Uint8Array,
  offset: number,
  blocks: number,
  out: Float64Array,
  at: number,
): void {
  for (let b = 0; b < blocks; b++, offset += 210, at += QK_K) {
    const d = half(bytes, offset + 208);
    for (let n = 0; n < 2; n++) {
      const low = offset + 64 * n;
      const high = offset + 128 + 32 * n;
      const scales = offset + 192 + 8 * n;
      const y = at + 128 * n;
      for (let l = 0; l < 32; l++) {
        const s = l >> 4;
        const h = bytes[high + l];
        const q1 = ((bytes[low + l] & 0x0f) | ((h & 3) << 4)) - 32;
        const q2 = ((bytes[low + l + 32] & 0x0f) | (((h >> 2) & 3) << 4)) - 32;
        const q3 = ((bytes[low + l] >> 4) | (((h >> 4) & 3) << 4)) - 32;
        const q4 = ((bytes[low + l + 32] >> 4) | (((h >> 6) & 3) << 4)) - 32;
        out[y + l] = d * signedByte(bytes[scales + s]) * q1;
        out[y + l + 32] = d * signedByte(bytes[scales + s + 2]) * q2;
        out[y + l + 64] = d * signedByte(bytes[scales + s + 4]) * q3;
        out[y + l + 96] = d * signedByte(bytes[scales + s + 6]) * q4;
      }
    }
  }
}

// Q8_K: d (f32), 256 signed bytes, 16 block sums (unused here).
function dequantizeQ8_K(
  bytes: Uint8Array,
  offset: number,
  blocks: number,
  out: Float64Array,
  at: number,
): void {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  for (let b = 0; b < blocks; b++, offset += 292, at += QK_K) {
    const d = view.getFloat32(offset, true);
    for (let j = 0; j < QK_K; j++) out[at + j] = d * signedByte(bytes[offset + 4 + j]);
  }
}

function plain(id: number, name: string, bytes: number): GgmlType {
  return { id, name, blockSize: 1, blockBytes: bytes, quantized: false };
}

function blocks(
  id: number,
  name: string,
  blockSize: number,
  blockBytes: number,
  dequantize?: GgmlType['dequantize'],
): GgmlType {
  return { id, name, blockSize, blockBytes, dequantize, quantized: true };
}

/** Every type id GGUF files use today (ggml.h's enum ggml_type); plain types decode as elements. */
export const ggmlTypes: ReadonlyMap<number, GgmlType> = new Map(
  [
    plain(0, 'F32', 4),
    plain(1, 'F16', 2),
    blocks(2, 'Q4_0', 32, 18, dequantizeQ4_0),
    blocks(3, 'Q4_1', 32, 20, dequantizeQ4_1),
    blocks(6, 'Q5_0', 32, 22, dequantizeQ5_0),
    blocks(7, 'Q5_1', 32, 24, dequantizeQ5_1),
    blocks(8, 'Q8_0', 32, 34, dequantizeQ8_0),
    blocks(9, 'Q8_1', 32, 36),
    blocks(10, 'Q2_K', QK_K, 84, dequantizeQ2_K),
    blocks(11, 'Q3_K', QK_K, 110, dequantizeQ3_K),
    blocks(12, 'Q4_K', QK_K, 144, dequantizeQ4_K),
    blocks(13, 'Q5_K', QK_K, 176, dequantizeQ5_K),
    blocks(14, 'Q6_K', QK_K, 210, dequantizeQ6_K),
    blocks(15, 'Q8_K', QK_K, 292, dequantizeQ8_K),
    blocks(16, 'IQ2_XXS', QK_K, 66),
    blocks(17, 'IQ2_XS', QK_K, 74),
    blocks(18, 'IQ3_XXS', QK_K, 98),
    blocks(19, 'IQ1_S', QK_K, 50),
    blocks(20, 'IQ4_NL', 32, 18),
    blocks(21, 'IQ3_S', QK_K, 110),
    blocks(22, 'IQ2_S', QK_K, 82),
    blocks(23, 'IQ4_XS', QK_K, 136),
    plain(24, 'I8', 1),
    plain(25, 'I16', 2),
    plain(26, 'I32', 4),
    plain(27, 'I64', 8),
    plain(28, 'F64', 8),
    blocks(29, 'IQ1_M', QK_K, 56),
    plain(30, 'BF16', 2),
    blocks(34, 'TQ1_0', QK_K, 54),
    blocks(35, 'TQ2_0', QK_K, 66),
    blocks(39, 'MXFP4', 32, 17),
  ].map((type) => [type.id, type]),
);

export function ggmlTypeNamed(name: string): GgmlType | undefined {
  for (const type of ggmlTypes.values()) if (type.name === name) return type;
  return undefined;
}

/** Bits per weight of a type, e.g. 4.5 for Q4_K (144 bytes per 256 weights). */
export function bitsPerWeight(type: GgmlType): number {
  return (type.blockBytes * 8) / type.blockSize;
}
