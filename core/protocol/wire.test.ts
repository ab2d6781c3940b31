import { describe, expect, it } from 'vitest';
import { decodeWire, decodeWireFrame, encodeWire, encodeWireFrame } from './wire';

describe('wire frames', () => {
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
    const decoded = decodeWireFrame(encodeWireFrame(message)) as typeof message;
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
    expect(matrix.data).toBeInstanceOf(Float64Array);
    expect(Number.isNaN(matrix.data[0])).toBe(true);
    expect(Object.is(matrix.data[1], -0)).toBe(true);
    expect(matrix.data[2]).toBe(1e-310);
    expect(Array.from(ints)).toEqual([-1, 2, 3]);
    expect(Array.from(bytes)).toEqual([1, 2, 3, 4, 5]);
    expect(Array.from(floats)).toEqual([0.5]);
    expect(Array.from(shorts)).toEqual([-7]);
  });

  it('send a matrix as its bytes, about three quarters of the base64 text', () => {
    const data = new Float64Array(256 * 256).map((_, k) => Math.sin(k));
    const frame = encodeWireFrame({ data });
    expect(frame.length).toBeLessThan(data.byteLength + 200);
    expect(encodeWire({ data }).length).toBeGreaterThan(1.3 * data.byteLength);
    // A view into a larger buffer sends only its own numbers.
    const view = data.subarray(10, 20);
    expect(encodeWireFrame({ view }).length).toBeLessThan(200);
    expect(
      Array.from((decodeWireFrame(encodeWireFrame({ view })) as { view: Float64Array }).view),
    ).toEqual(Array.from(view));
    // The text form still reads what an older page sends.
    expect((decodeWire(encodeWire({ data })) as { data: Float64Array }).data).toEqual(data);
  });

  it('refuse frames that are cut short or point outside themselves', () => {
    const frame = encodeWireFrame({ data: new Float64Array([1, 2, 3]) });
    expect(() => decodeWireFrame(frame.subarray(0, 3))).toThrow(RangeError);
    expect(() => decodeWireFrame(frame.subarray(0, frame.length - 8))).toThrow(RangeError);
    const lying = frame.slice();
    new DataView(lying.buffer).setUint32(0, 1 << 30, true);
    expect(() => decodeWireFrame(lying)).toThrow(RangeError);
  });
});
