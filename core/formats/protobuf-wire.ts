// The protocol-buffer wire format (protobuf.dev, "Encoding"), read field by field through a
// ByteCursor so a message of gigabytes is walked without reading the bytes of fields nobody asks
// for: tags, varints, fixed-size numbers and length-delimited ranges, each checked to lie inside
// the message that holds it. Cost O(fields read).
import type { ByteCursor } from './byte-reading';

export const WireType = {
  Varint: 0,
  Fixed64: 1,
  LengthDelimited: 2,
  StartGroup: 3,
  EndGroup: 4,
  Fixed32: 5,
} as const;
export type WireType = (typeof WireType)[keyof typeof WireType];

export interface FieldHeader {
  field: number;
  wire: WireType;
  /** Where the tag began. */
  at: number;
}

export class ProtobufReader {
  constructor(readonly cursor: ByteCursor) {}

  /** A varint as a number; one beyond 2^53 (or longer than 10 bytes) is refused. */
  async varint(what: string): Promise<number> {
    const start = this.cursor.position;
    let value = 0;
    let scale = 1;
    for (let count = 0; count < 10; count++) {
      const byte = await this.cursor.u8();
      value += (byte & 0x7f) * scale;
      if ((byte & 0x80) === 0) {
        if (!Number.isSafeInteger(value)) break;
        return value;
      }
      scale *= 128;
    }
    throw this.cursor.error(`${what} is not a varint below 2^53`, start);
  }

  /** A varint read as a signed 64-bit integer (int64 fields write negatives in 10 bytes). */
  async signedVarint(what: string): Promise<number> {
    const start = this.cursor.position;
    let value = 0n;
    for (let count = 0; count < 10; count++) {
      const byte = await this.cursor.u8();
      value |= BigInt(byte & 0x7f) << BigInt(7 * count);
      if ((byte & 0x80) === 0) {
        const signed = BigInt.asIntN(64, value);
        if (signed < BigInt(Number.MIN_SAFE_INTEGER) || signed > BigInt(Number.MAX_SAFE_INTEGER))
          break;
        return Number(signed);
      }
    }
    throw this.cursor.error(`${what} is not a 64-bit integer within ±2^53`, start);
  }

  /** The next field's tag, or undefined at `end` (the end of the enclosing message). */
  async next(end: number): Promise<FieldHeader | undefined> {
    if (this.cursor.position === end) return undefined;
    if (this.cursor.position > end)
      throw this.cursor.error('a field runs past the end of its message');
    const at = this.cursor.position;
    const tag = await this.varint('a field tag');
    const field = Math.floor(tag / 8);
    const wire = tag % 8;
    if (field === 0) throw this.cursor.error('a field has number 0', at);
    if (wire === WireType.StartGroup || wire === WireType.EndGroup || wire > 5) {
      throw this.cursor.error(`field ${field} has wire type ${wire}, which no ONNX field uses`, at);
    }
    return { field, wire: wire as WireType, at };
  }

  /** The byte range of a length-delimited field's payload, which must end by `end`; moves past it. */
  async range(end: number, what: string): Promise<{ byteOffset: number; byteLength: number }> {
    const at = this.cursor.position;
    const length = await this.varint(`the length of ${what}`);
    const byteOffset = this.cursor.position;
    if (byteOffset + length > end) {
      throw this.cursor.error(
        `${what} claims ${length} bytes, past the end of the message that holds it`,
        at,
      );
    }
    this.cursor.skip(length);
    return { byteOffset, byteLength: length };
  }

  /** Passes over a field's payload. */
  async skip(header: FieldHeader, end: number): Promise<void> {
    switch (header.wire) {
      case WireType.Varint:
        await this.varint(`field ${header.field}`);
        break;
      case WireType.Fixed64:
        this.cursor.skip(8);
        break;
      case WireType.Fixed32:
        this.cursor.skip(4);
        break;
      default:
        await this.range(end, `field ${header.field}`);
    }
    if (this.cursor.position > end)
      throw this.cursor.error(`field ${header.field} runs past the end of its message`, header.at);
  }

  /** A length-delimited UTF-8 string (at most `limit` bytes). */
  async text(end: number, what: string, limit = 1 << 16): Promise<string> {
    const { byteOffset, byteLength } = await this.range(end, what);
    if (byteLength > limit)
      throw this.cursor.error(`${what} is longer than ${limit} bytes`, byteOffset);
    this.cursor.position = byteOffset;
    const bytes = await this.cursor.bytes(byteLength);
    try {
      return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    } catch {
      throw this.cursor.error(`${what} is not valid UTF-8`, byteOffset);
    }
  }
}
