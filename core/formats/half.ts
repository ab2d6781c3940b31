// IEEE 754 binary16 (float16) and bfloat16 decoding and encoding, exact: subnormals, ±0, ±Infinity
// and NaN included. Decoding is a closed formula on the bit fields; encoding rounds to nearest,
// ties to even, as numpy's astype(float16) does. Cost O(1) per value.

const float32Scratch = new Float32Array(1);
const uint32Scratch = new Uint32Array(float32Scratch.buffer);

/** The value of a float16 given as its 16 bits. */
export function decodeFloat16(bits: number): number {
  const sign = bits & 0x8000 ? -1 : 1;
  const exponent = (bits >> 10) & 0x1f;
  const fraction = bits & 0x3ff;
  if (exponent === 0) return sign * fraction * 2 ** -24; // zero or subnormal
  if (exponent === 0x1f) return fraction === 0 ? sign * Infinity : NaN;
  return sign * (1024 + fraction) * 2 ** (exponent - 25);
}

/** The value of a bfloat16 given as its 16 bits: the top half of a float32. */
export function decodeBfloat16(bits: number): number {
  uint32Scratch[0] = (bits & 0xffff) << 16;
  return float32Scratch[0];
}

/** The float16 nearest to value (ties to even), as 16 bits. */
export function encodeFloat16(value: number): number {
  return encodeNarrowFloat(value, 5, 10);
}

/** The bfloat16 nearest to value (ties to even), as 16 bits. */
export function encodeBfloat16(value: number): number {
  return encodeNarrowFloat(value, 8, 7);
}

// Rounds straight from float64 (no detour through float32, which would round twice).
function encodeNarrowFloat(value: number, exponentBits: number, fractionBits: number): number {
  const bias = 2 ** (exponentBits - 1) - 1;
  const infinityBits = (2 ** exponentBits - 1) * 2 ** fractionBits;
  const signBit = value < 0 || Object.is(value, -0) ? 0x8000 : 0;
  if (Number.isNaN(value)) return infinityBits | (1 << (fractionBits - 1));
  const magnitude = Math.abs(value);
  if (magnitude === Infinity) return signBit | infinityBits;
  const minimumNormalExponent = 1 - bias;
  // Below the smallest normal every value is a multiple of the smallest subnormal.
  if (magnitude < 2 ** minimumNormalExponent) {
    return signBit | roundHalfEven(magnitude * 2 ** (fractionBits - minimumNormalExponent));
  }
  let exponent = Math.floor(Math.log2(magnitude));
  if (2 ** exponent > magnitude) exponent -= 1; // guard log2 rounding
  if (2 ** (exponent + 1) <= magnitude) exponent += 1;
  const unit = 2 ** fractionBits;
  const significand = roundHalfEven(magnitude * 2 ** (fractionBits - exponent)); // in [unit, 2·unit]
  const bits = (exponent + bias) * unit + (significand - unit); // a carry into the exponent is right
  return bits >= infinityBits ? signBit | infinityBits : signBit | bits;
}

function roundHalfEven(x: number): number {
  const floor = Math.floor(x);
  const difference = x - floor;
  if (difference > 0.5) return floor + 1;
  if (difference < 0.5) return floor;
  return floor % 2 === 0 ? floor : floor + 1;
}

// Every float16 and bfloat16 value by its bits, built on first use, for bulk decoding: 64 K
// doubles (512 KB) each. Doubles, not singles: V8 stores a double from a Float32Array into a
// Float64Array about 20× slower than from a Float64Array (measured: 1.1 s against 0.05 s for 16 M).
let float16Table: Float64Array | undefined;
let bfloat16Table: Float64Array | undefined;

export function float16Values(): Float64Array {
  if (!float16Table) {
    float16Table = new Float64Array(0x10000);
    for (let bits = 0; bits < 0x10000; bits++) float16Table[bits] = decodeFloat16(bits);
  }
  return float16Table;
}

export function bfloat16Values(): Float64Array {
  if (!bfloat16Table) {
    bfloat16Table = new Float64Array(0x10000);
    for (let bits = 0; bits < 0x10000; bits++) bfloat16Table[bits] = decodeBfloat16(bits);
  }
  return bfloat16Table;
}

// The 8-bit floats of OCP's "8-bit Floating Point Specification (OFP8)" 2023 as PyTorch,
// safetensors, ONNX and GGUF name them: E4M3FN (bias 7, no infinities, S.1111.111 is NaN),
// E5M2 (bias 15, IEEE-like) and E8M0 (an unsigned power of two, 0xff is NaN, used for scales).
export type Float8Kind = 'e4m3' | 'e5m2' | 'e8m0';

/** The value of an 8-bit float given as its bits. */
export function decodeFloat8(bits: number, kind: Float8Kind): number {
  const byte = bits & 0xff;
  if (kind === 'e8m0') return byte === 0xff ? NaN : 2 ** (byte - 127);
  const sign = byte & 0x80 ? -1 : 1;
  const [exponentBits, fractionBits, bias] = kind === 'e4m3' ? [4, 3, 7] : [5, 2, 15];
  const exponent = (byte & 0x7f) >> fractionBits;
  const fraction = byte & ((1 << fractionBits) - 1);
  const top = (1 << exponentBits) - 1;
  if (kind === 'e4m3' && exponent === top && fraction === 0b111) return NaN;
  if (kind === 'e5m2' && exponent === top) return fraction === 0 ? sign * Infinity : NaN;
  const unit = 1 << fractionBits;
  if (exponent === 0) return sign * fraction * 2 ** (1 - bias - fractionBits);
  return sign * (unit + fraction) * 2 ** (exponent - bias - fractionBits);
}

const float8Tables = new Map<Float8Kind, Float64Array>();

/** The 256 values of an 8-bit float by its bits. */
export function float8Values(kind: Float8Kind): Float64Array {
  let table = float8Tables.get(kind);
  if (!table) {
    table = Float64Array.from({ length: 256 }, (_, bits) => decodeFloat8(bits, kind));
    float8Tables.set(kind, table);
  }
  return table;
}
