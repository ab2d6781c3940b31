import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { columnMajorFromRowMajor, decodeElements, type ElementFormat } from './element-decoding';

describe('columnMajorFromRowMajor', () => {
  it('is the transpose of the layout for sizes straddling the block edge', () => {
    for (const rows of [0, 1, 2, 63, 64, 65, 129]) {
      for (const cols of [0, 1, 3, 64, 65]) {
        const values = Float64Array.from({ length: rows * cols }, (_, k) => k);
        const data = columnMajorFromRowMajor(values, rows, cols);
        let wrong = 0;
        for (let i = 0; i < rows; i++)
          for (let j = 0; j < cols; j++) if (data[i + j * rows] !== i * cols + j) wrong++;
        expect(wrong, `${rows}×${cols}`).toBe(0);
      }
    }
  });
});

describe('decodeElements', () => {
  const formats: [
    ElementFormat,
    (view: DataView, offset: number, value: number) => void,
    fc.Arbitrary<number>,
  ][] = [
    [
      { kind: 'float', size: 8, littleEndian: true },
      (v, o, x) => v.setFloat64(o, x, true),
      fc.double(),
    ],
    [
      { kind: 'float', size: 8, littleEndian: false },
      (v, o, x) => v.setFloat64(o, x, false),
      fc.double(),
    ],
    [
      { kind: 'float', size: 4, littleEndian: true },
      (v, o, x) => v.setFloat32(o, x, true),
      fc.float(),
    ],
    [
      { kind: 'int', size: 4, littleEndian: true },
      (v, o, x) => v.setInt32(o, x, true),
      fc.integer({ min: -(2 ** 31), max: 2 ** 31 - 1 }),
    ],
    [
      { kind: 'uint', size: 2, littleEndian: true },
      (v, o, x) => v.setUint16(o, x, true),
      fc.nat({ max: 65535 }),
    ],
    [
      { kind: 'int', size: 2, littleEndian: false },
      (v, o, x) => v.setInt16(o, x, false),
      fc.integer({ min: -32768, max: 32767 }),
    ],
    [
      { kind: 'int', size: 8, littleEndian: true },
      (v, o, x) => v.setBigInt64(o, BigInt(x), true),
      fc.maxSafeInteger(),
    ],
  ];

  it('reads the same numbers at aligned and unaligned offsets, in either byte order', () => {
    for (const [format, write, arbitrary] of formats) {
      fc.assert(
        fc.property(fc.array(arbitrary, { maxLength: 20 }), fc.nat({ max: 7 }), (values, shift) => {
          const bytes = new Uint8Array(shift + values.length * format.size + 3);
          const view = new DataView(bytes.buffer);
          values.forEach((value, k) => write(view, shift + k * format.size, value));
          // The same bytes one position further into a buffer: the other alignment.
          const shifted = new Uint8Array(bytes.length + 1);
          shifted.set(bytes, 1);
          const decoded = Array.from(
            decodeElements(shifted.subarray(1), shift, values.length, format),
          );
          const direct = Array.from(decodeElements(bytes, shift, values.length, format));
          expect(direct.map((x) => (Number.isNaN(x) ? 'NaN' : x))).toEqual(
            values.map((x) => (Number.isNaN(x) ? 'NaN' : x)),
          );
          expect(decoded.map(String)).toEqual(direct.map(String));
        }),
        { numRuns: 60 },
      );
    }
  });
});
