// CRC-32 (IEEE 802.3, the checksum zip stores per entry), reflected polynomial 0xEDB88320.
// Method: "slicing by 8" (Kounavis & Berry, Intel 2005): eight table lookups per 8 bytes.
// Cost O(bytes); the host passes zlib's native crc32 where it exists, several times faster.

const tables = buildTables();

function buildTables(): Uint32Array[] {
  const result = Array.from({ length: 8 }, () => new Uint32Array(256));
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    result[0][n] = c >>> 0;
  }
  for (let n = 0; n < 256; n++) {
    let c = result[0][n];
    for (let t = 1; t < 8; t++) {
      c = result[0][c & 0xff] ^ (c >>> 8);
      // result[t][n]: the CRC contribution of byte n followed by t zero bytes.
      result[t][n] = c >>> 0;
    }
  }
  return result;
}

/** CRC-32 of the bytes, continuing from `previous` (0 to start). */
export function crc32(bytes: Uint8Array, previous = 0): number {
  const [t0, t1, t2, t3, t4, t5, t6, t7] = tables;
  let crc = ~previous;
  let k = 0;
  const length = bytes.length;
  const whole = length - (length % 8);
  for (; k < whole; k += 8) {
    const low =
      (bytes[k] | (bytes[k + 1] << 8) | (bytes[k + 2] << 16) | (bytes[k + 3] << 24)) ^ crc;
    crc =
      t7[low & 0xff] ^
      t6[(low >>> 8) & 0xff] ^
      t5[(low >>> 16) & 0xff] ^
      t4[low >>> 24] ^
      t3[bytes[k + 4]] ^
      t2[bytes[k + 5]] ^
      t1[bytes[k + 6]] ^
      t0[bytes[k + 7]];
  }
  for (; k < length; k++) crc = t0[(crc ^ bytes[k]) & 0xff] ^ (crc >>> 8);
  return ~crc >>> 0;
}
