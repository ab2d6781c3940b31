// The web socket's codec: JSON cannot carry typed arrays, so each message is one binary frame, a
// JSON header in which every typed array is a reference { $typed, at, bytes } into the payload
// that follows, so a 4096×4096 matrix crosses as its 128 MB. Decoding trusts nothing: every
// reference must lie inside the payload, on its element boundary, and no byte may be named by two
// references; the arrays are views of the frame (one copy of the payload at most, when the frame
// itself is misaligned), never a copy per reference. (IPC and worker messages use structured
// clone and need no frames; all transports share the envelope of envelope.ts.)
//
// Layout: [header length, u32 LE][header JSON, UTF-8][padding to 8][payload: arrays, each at 8].
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
type AnyTypedArray = InstanceType<(typeof typedArrays)[TypedArrayName]>;

/** Every array in the payload starts on an 8-byte boundary, so it can be viewed in place. */
const alignment = 8;
/** Deeper values are refused: the host's own JSON writers recurse, and so does structured clone. */
export const deepestFrameNesting = 64;

function aligned(offset: number): number {
  return Math.ceil(offset / alignment) * alignment;
}

export class FrameError extends Error {
  override name = 'FrameError';
}

function typedArrayName(value: ArrayBufferView): TypedArrayName | null {
  const name = value.constructor.name;
  return Object.hasOwn(typedArrays, name) ? (name as TypedArrayName) : null;
}

/** One message as one binary frame. */
export function encodeFrame(value: unknown): Uint8Array {
  const arrays: Uint8Array[] = [];
  let payloadBytes = 0;
  const header = JSON.stringify(value, (_key, item: unknown) => {
    if (ArrayBuffer.isView(item)) {
      const name = typedArrayName(item);
      if (name) {
        const at = aligned(payloadBytes);
        arrays.push(new Uint8Array(item.buffer, item.byteOffset, item.byteLength));
        payloadBytes = at + item.byteLength;
        return { $typed: name, at, bytes: item.byteLength };
      }
    }
    if (typeof item === 'number' && !Number.isFinite(item)) return { $number: String(item) };
    return item;
  });
  const headerBytes = new TextEncoder().encode(header ?? 'null');
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

interface Reference {
  name: TypedArrayName;
  at: number;
  bytes: number;
  /** Where the decoded array goes. */
  parent: Record<string, unknown> | unknown[];
  key: string | number;
}

function isReference(record: Record<string, unknown>): boolean {
  return typeof record.$typed === 'string';
}

/** Reads a frame; throws FrameError with a sentence naming what is wrong. */
export function decodeFrame(frame: Uint8Array): unknown {
  if (frame.length < 4) throw new FrameError('The frame is shorter than its 4-byte header length.');
  const headerLength = new DataView(frame.buffer, frame.byteOffset, 4).getUint32(0, true);
  if (4 + headerLength > frame.length)
    throw new FrameError(
      `The frame says its header is ${headerLength} bytes, but only ${frame.length - 4} follow.`,
    );
  let header: unknown;
  try {
    header = JSON.parse(
      new TextDecoder('utf-8', { fatal: true }).decode(frame.subarray(4, 4 + headerLength)),
    );
  } catch (error) {
    throw new FrameError(`The frame's header is not UTF-8 JSON: ${(error as Error).message}`);
  }
  const payloadStart = Math.min(aligned(4 + headerLength), frame.length);
  const payloadLength = frame.length - payloadStart;
  const references: Reference[] = [];
  const root = { value: header };
  // Walk without recursion: a hostile header may nest a million levels deep.
  const stack: { container: Record<string, unknown> | unknown[]; depth: number }[] = [
    { container: root as Record<string, unknown>, depth: 0 },
  ];
  while (stack.length > 0) {
    const { container, depth } = stack.pop()!;
    const keys: (string | number)[] = Array.isArray(container)
      ? container.map((_, index) => index)
      : Object.keys(container);
    for (const key of keys) {
      const item = (container as Record<string | number, unknown>)[key];
      if (typeof item !== 'object' || item === null) continue;
      if (depth + 1 > deepestFrameNesting)
        throw new FrameError(
          `The frame's header nests more than ${deepestFrameNesting} levels deep.`,
        );
      if (!Array.isArray(item)) {
        const record = item as Record<string, unknown>;
        if (isReference(record)) {
          references.push(readReference(record, container, key, payloadLength));
          continue;
        }
        if (typeof record.$number === 'string' && Object.keys(record).length === 1) {
          const value = Number(record.$number);
          if (!Number.isNaN(value) || record.$number === 'NaN') {
            (container as Record<string | number, unknown>)[key] = value;
            continue;
          }
        }
      }
      stack.push({ container: item as Record<string, unknown> | unknown[], depth: depth + 1 });
    }
  }
  if (references.length === 0) return root.value;
  // No byte range may be named twice: sorted by start, each must end before the next begins.
  const sorted = [...references].sort((a, b) => a.at - b.at);
  for (let k = 1; k < sorted.length; k++) {
    const previous = sorted[k - 1];
    if (previous.bytes > 0 && sorted[k].bytes > 0 && sorted[k].at < previous.at + previous.bytes)
      throw new FrameError(
        `Two typed arrays in the frame share bytes (${previous.at}…${previous.at + previous.bytes} and ${sorted[k].at}…): each range may be named once.`,
      );
  }
  // Views of the frame; the payload is copied once only when the frame itself sits misaligned.
  let payload: Uint8Array = frame.subarray(payloadStart);
  if (payload.byteOffset % alignment !== 0) payload = payload.slice();
  for (const reference of references) {
    const Constructor = typedArrays[reference.name];
    const array: AnyTypedArray = new Constructor(
      payload.buffer as ArrayBuffer,
      payload.byteOffset + reference.at,
      reference.bytes / Constructor.BYTES_PER_ELEMENT,
    );
    (reference.parent as Record<string | number, unknown>)[reference.key] = array;
  }
  return root.value;
}

function readReference(
  record: Record<string, unknown>,
  parent: Record<string, unknown> | unknown[],
  key: string | number,
  payloadLength: number,
): Reference {
  const name = record.$typed;
  const { at, bytes } = record;
  if (typeof name !== 'string' || !Object.hasOwn(typedArrays, name))
    throw new FrameError(`The frame names an unknown typed array "${String(name).slice(0, 40)}".`);
  if (Object.keys(record).length !== 3 || !Number.isSafeInteger(at) || !Number.isSafeInteger(bytes))
    throw new FrameError('A typed array in the frame must be { $typed, at, bytes } with integers.');
  const start = at as number;
  const length = bytes as number;
  const size = typedArrays[name as TypedArrayName].BYTES_PER_ELEMENT;
  if (start < 0 || length < 0 || start > payloadLength || length > payloadLength - start)
    throw new FrameError(
      `A typed array in the frame (bytes ${start}…${start + length}) lies outside its ${payloadLength}-byte payload.`,
    );
  if (start % alignment !== 0 || length % size !== 0)
    throw new FrameError(
      `A ${name} in the frame must start on an ${alignment}-byte boundary and hold whole ${size}-byte elements.`,
    );
  return { name: name as TypedArrayName, at: start, bytes: length, parent, key };
}

/** The request id a frame's header names, when its header can be read at all (for error replies). */
export function peekFrameId(frame: Uint8Array): number | null {
  try {
    if (frame.length < 4) return null;
    const headerLength = new DataView(frame.buffer, frame.byteOffset, 4).getUint32(0, true);
    if (4 + headerLength > frame.length || headerLength > 1 << 20) return null;
    const header = JSON.parse(new TextDecoder().decode(frame.subarray(4, 4 + headerLength))) as {
      id?: unknown;
    } | null;
    const id = header?.id;
    return typeof id === 'number' && Number.isSafeInteger(id) && id >= 0 ? id : null;
  } catch {
    return null;
  }
}
