import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { decodeFrame, deepestFrameNesting, encodeFrame, FrameError } from './frame';

/** A frame whose header is `header` (JSON text) followed by `payload` bytes, at the usual layout. */
function rawFrame(header: string, payload: Uint8Array = new Uint8Array(0)): Uint8Array {
  const headerBytes = new TextEncoder().encode(header);
  const start = Math.ceil((4 + headerBytes.length) / 8) * 8;
  const frame = new Uint8Array(start + payload.length);
  new DataView(frame.buffer).setUint32(0, headerBytes.length, true);
  frame.set(headerBytes, 4);
  frame.set(payload, start);
  return frame;
}

describe('binary frames', () => {
  it('carry typed arrays of every kind and odd length, special numbers and nesting, exactly', () => {
    const message = {
      id: 7,
      args: [
        { rows: 3, cols: 1, data: new Float64Array([NaN, -0, 1e-310]) },
        new Int32Array([-1, 2, 3]),
        new Uint8Array([1, 2, 3, 4, 5]),
        new Float32Array([0.5]),
        new Int16Array([-7]),
      ],
      edge: [Infinity, -Infinity],
      text: 'σ₁ ≥ σ₂',
    };
    const decoded = decodeFrame(encodeFrame(message)) as typeof message;
    expect(decoded.id).toBe(7);
    expect(decoded.text).toBe('σ₁ ≥ σ₂');
    expect(decoded.edge).toEqual([Infinity, -Infinity]);
    const [matrix, ints, bytes, floats, shorts] = decoded.args as [
      { data: Float64Array },
      Int32Array,
      Uint8Array,
      Float32Array,
      Int16Array,
    ];
    expect(Number.isNaN(matrix.data[0])).toBe(true);
    expect(Object.is(matrix.data[1], -0)).toBe(true);
    expect(matrix.data[2]).toBe(1e-310);
    expect(Array.from(ints)).toEqual([-1, 2, 3]);
    expect(Array.from(bytes)).toEqual([1, 2, 3, 4, 5]);
    expect(Array.from(floats)).toEqual([0.5]);
    expect(Array.from(shorts)).toEqual([-7]);
  });

  it('send a matrix as its bytes, and decode it as a view of the frame, not a copy', () => {
    const data = new Float64Array(256 * 256).map((_, k) => Math.sin(k));
    const frame = encodeFrame({ data });
    expect(frame.length).toBeLessThan(data.byteLength + 200);
    const decoded = decodeFrame(frame) as { data: Float64Array };
    expect(decoded.data).toEqual(data);
    expect(decoded.data.buffer).toBe(frame.buffer);
    // A view into a larger buffer sends only its own numbers.
    const view = data.subarray(10, 20);
    expect(encodeFrame({ view }).length).toBeLessThan(200);
  });

  it('copies the payload once when the frame itself sits misaligned, never once per array', () => {
    const frame = encodeFrame({ a: new Float64Array([1, 2]), b: new Float64Array([3]) });
    const shifted = new Uint8Array(frame.length + 3);
    shifted.set(frame, 3);
    const decoded = decodeFrame(shifted.subarray(3)) as { a: Float64Array; b: Float64Array };
    expect(Array.from(decoded.a)).toEqual([1, 2]);
    expect(Array.from(decoded.b)).toEqual([3]);
    expect(decoded.a.buffer).toBe(decoded.b.buffer);
    expect(decoded.a.buffer).not.toBe(shifted.buffer);
  });

  it('refuses a byte range named twice (the 64-fold reference that cost 490 MB)', () => {
    const payload = new Uint8Array(8 * 1024);
    const references = Array.from({ length: 64 }, () => ({
      $typed: 'Float64Array',
      at: 0,
      bytes: 8192,
    }));
    expect(() => decodeFrame(rawFrame(JSON.stringify({ args: references }), payload))).toThrow(
      /share bytes .* each range may be named once/,
    );
    const overlapping = [
      { $typed: 'Uint8Array', at: 0, bytes: 16 },
      { $typed: 'Uint8Array', at: 8, bytes: 8 },
    ];
    expect(() => decodeFrame(rawFrame(JSON.stringify(overlapping), payload))).toThrow(FrameError);
  });

  it('refuses frames that are cut short, point outside themselves or misalign', () => {
    const frame = encodeFrame({ data: new Float64Array([1, 2, 3]) });
    expect(() => decodeFrame(frame.subarray(0, 3))).toThrow(/shorter than its 4-byte header/);
    expect(() => decodeFrame(frame.subarray(0, frame.length - 8))).toThrow(
      /outside its 16-byte payload/,
    );
    const lying = frame.slice();
    new DataView(lying.buffer).setUint32(0, 1 << 30, true);
    expect(() => decodeFrame(lying)).toThrow(/says its header is 1073741824 bytes/);
    const payload = new Uint8Array(64);
    for (const reference of [
      { $typed: 'Float64Array', at: 4, bytes: 8 },
      { $typed: 'Float64Array', at: 0, bytes: 12 },
      { $typed: 'Float64Array', at: -8, bytes: 8 },
      { $typed: 'Float64Array', at: 0, bytes: 2 ** 53 },
      { $typed: 'Float64Array', at: 0.5, bytes: 8 },
      { $typed: 'BigInt64Array', at: 0, bytes: 8 },
      { $typed: 'Float64Array', at: 0, bytes: 8, extra: 1 },
    ])
      expect(
        () => decodeFrame(rawFrame(JSON.stringify([reference]), payload)),
        JSON.stringify(reference),
      ).toThrow(FrameError);
  });

  it('refuses headers that are not UTF-8 JSON or nest too deep, without overflowing the stack', () => {
    expect(() => decodeFrame(rawFrame('{"id":'))).toThrow(/not UTF-8 JSON/);
    const bad = rawFrame('"xx"');
    bad[5] = 0xc0;
    expect(() => decodeFrame(bad)).toThrow(/not UTF-8 JSON/);
    const deep = '['.repeat(100_000) + ']'.repeat(100_000);
    expect(() => decodeFrame(rawFrame(deep))).toThrow(
      `nests more than ${deepestFrameNesting} levels`,
    );
    const fine = '['.repeat(deepestFrameNesting) + ']'.repeat(deepestFrameNesting);
    expect(() => decodeFrame(rawFrame(fine))).not.toThrow();
  });

  it('decode whatever they encode (property)', () => {
    const leaf = fc.oneof(
      fc.double(),
      fc.string(),
      fc.boolean(),
      fc.constant(null),
      fc.float64Array({ maxLength: 20 }),
      fc.int32Array({ maxLength: 20 }),
      fc.uint8Array({ maxLength: 20 }),
    );
    const value = fc.letrec((tie) => ({
      tree: fc.oneof(
        { depthSize: 'small' },
        leaf,
        fc.array(tie('tree'), { maxLength: 4 }),
        fc.dictionary(
          fc
            .string({ maxLength: 5 })
            .filter((key) => key !== '__proto__' && key !== '$typed' && key !== '$number'),
          tie('tree'),
          { maxKeys: 4 },
        ),
      ),
    })).tree;
    fc.assert(
      fc.property(value, (tree) => {
        const decoded = decodeFrame(encodeFrame({ tree }));
        expect(decoded).toEqual({ tree });
      }),
      { numRuns: 300 },
    );
  });

  it('never throw anything but a FrameError on random bytes (property)', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 200 }), (bytes) => {
        try {
          decodeFrame(bytes);
        } catch (error) {
          expect(error).toBeInstanceOf(FrameError);
        }
      }),
      { numRuns: 2000 },
    );
  });
});
