// JSON cannot carry typed arrays. The web host's socket sends each message as one binary frame:
// a JSON header in which every typed array is a tagged reference, then the arrays' raw bytes, so
// a 4096×4096 matrix crosses as its 128 MB, not as 171 MB of base64 text. The text form (base64
// tagged objects) is still read, for older pages. (Electron IPC and worker messages use
// structured clone and need none of this.)
const typedArrays = {
  Float64Array,
  Float32Array,
  Int32Array,
  Uint8Array,
  Uint32Array,
  Int8Array,
  Int16Array,
  Uint16Array,
} as const;
type TypedArrayName = keyof typeof typedArrays;

interface EncodedTypedArray {
  $typed: TypedArrayName;
  base64: string;
}

function toBase64(bytes: Uint8Array): string {
  let binary = '';
  const chunk = 0x8000;
  for (let k = 0; k < bytes.length; k += chunk) {
    binary += String.fromCharCode(...bytes.subarray(k, k + chunk));
  }
  return btoa(binary);
}

function fromBase64(text: string): Uint8Array {
  const binary = atob(text);
  const bytes = new Uint8Array(binary.length);
  for (let k = 0; k < binary.length; k++) bytes[k] = binary.charCodeAt(k);
  return bytes;
}

export function encodeWire(value: unknown): string {
  return JSON.stringify(value, (_key, item: unknown) => {
    if (ArrayBuffer.isView(item) && !(item instanceof DataView)) {
      const name = item.constructor.name as TypedArrayName;
      if (name in typedArrays) {
        const bytes = new Uint8Array(item.buffer, item.byteOffset, item.byteLength);
        return { $typed: name, base64: toBase64(bytes) } satisfies EncodedTypedArray;
      }
    }
    if (typeof item === 'number' && !Number.isFinite(item)) return { $number: String(item) };
    return item;
  });
}

export function decodeWire(text: string): unknown {
  return JSON.parse(text, (_key, item: unknown) => {
    if (item && typeof item === 'object') {
      const record = item as Record<string, unknown>;
      if (
        typeof record.$typed === 'string' &&
        typeof record.base64 === 'string' &&
        record.$typed in typedArrays
      ) {
        const bytes = fromBase64(record.base64);
        const Constructor = typedArrays[record.$typed as TypedArrayName];
        const copy = new Uint8Array(bytes.length);
        copy.set(bytes);
        return new Constructor(copy.buffer, 0, bytes.length / Constructor.BYTES_PER_ELEMENT);
      }
      if (typeof record.$number === 'string' && Object.keys(record).length === 1)
        return Number(record.$number);
    }
    return item;
  });
}

interface FramedTypedArray {
  $typed: TypedArrayName;
  /** Byte offset of the array inside the frame's payload, and its length in bytes. */
  at: number;
  bytes: number;
}

/** Every array in the payload starts on an 8-byte boundary, so it can be viewed in place. */
const frameAlignment = 8;

function aligned(offset: number): number {
  return Math.ceil(offset / frameAlignment) * frameAlignment;
}

/** A message as one binary frame: [header length, u32 LE][header JSON][padding][array bytes…]. */
export function encodeWireFrame(value: unknown): Uint8Array {
  const arrays: Uint8Array[] = [];
  let payloadBytes = 0;
  const header = JSON.stringify(value, (_key, item: unknown) => {
    if (ArrayBuffer.isView(item) && !(item instanceof DataView)) {
      const name = item.constructor.name as TypedArrayName;
      if (name in typedArrays) {
        const at = aligned(payloadBytes);
        arrays.push(new Uint8Array(item.buffer, item.byteOffset, item.byteLength));
        payloadBytes = at + item.byteLength;
        return { $typed: name, at, bytes: item.byteLength } satisfies FramedTypedArray;
      }
    }
    if (typeof item === 'number' && !Number.isFinite(item)) return { $number: String(item) };
    return item;
  });
  const headerBytes = new TextEncoder().encode(header);
  const payloadStart = aligned(4 + headerBytes.length);
  const frame = new Uint8Array(payloadStart + payloadBytes);
  new DataView(frame.buffer).setUint32(0, headerBytes.length, true);
  frame.set(headerBytes, 4);
  let offset = 0;
  for (const bytes of arrays) {
    offset = aligned(offset);
    frame.set(bytes, payloadStart + offset);
    offset += bytes.length;
  }
  return frame;
}

export function decodeWireFrame(frame: Uint8Array): unknown {
  if (frame.length < 4) throw new RangeError('a wire frame holds at least its header length');
  const headerLength = new DataView(frame.buffer, frame.byteOffset, frame.length).getUint32(
    0,
    true,
  );
  if (4 + headerLength > frame.length)
    throw new RangeError('the wire frame ends inside its header');
  const header = new TextDecoder().decode(frame.subarray(4, 4 + headerLength));
  const payloadStart = aligned(4 + headerLength);
  return JSON.parse(header, (_key, item: unknown) => {
    if (item && typeof item === 'object') {
      const record = item as Record<string, unknown>;
      if (
        typeof record.$typed === 'string' &&
        record.$typed in typedArrays &&
        Number.isSafeInteger(record.at) &&
        Number.isSafeInteger(record.bytes)
      ) {
        const Constructor = typedArrays[record.$typed as TypedArrayName];
        const start = payloadStart + (record.at as number);
        const bytes = record.bytes as number;
        if (
          (record.at as number) < 0 ||
          bytes < 0 ||
          start + bytes > frame.length ||
          bytes % Constructor.BYTES_PER_ELEMENT !== 0
        )
          throw new RangeError('a typed array in the wire frame lies outside it');
        // A copy that owns its buffer, so the frame can be released.
        const copy = new Uint8Array(bytes);
        copy.set(frame.subarray(start, start + bytes));
        return new Constructor(copy.buffer, 0, bytes / Constructor.BYTES_PER_ELEMENT);
      }
      if (typeof record.$number === 'string' && Object.keys(record).length === 1)
        return Number(record.$number);
    }
    return item;
  });
}
