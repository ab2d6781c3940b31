// JSON cannot carry typed arrays; the web host's socket encodes them as base64 tagged objects.
// (Electron IPC and worker messages use structured clone and need none of this.)
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
