// Reading a binary header through a ByteSource without trusting it: exact range reads that turn
// every failure into a FormatError naming the file and byte offset, and a cursor that reads a
// header front to back through a small window, so a parser asks only for the bytes it walks.
import type { ByteSource } from './byte-source';
import { FormatError } from './format-error';

/** Exactly `length` bytes at `offset`, or a FormatError saying the file ends first. */
export async function readExactly(
  source: ByteSource,
  offset: number,
  length: number,
  fileName: string | undefined,
): Promise<Uint8Array> {
  if (length === 0) return new Uint8Array(0);
  if (!Number.isSafeInteger(offset) || !Number.isSafeInteger(length) || offset < 0 || length < 0) {
    throw new FormatError(`cannot read ${length} bytes at offset ${offset}`, {
      file: fileName,
      byteOffset: Math.max(0, Number.isFinite(offset) ? offset : 0),
    });
  }
  if (offset + length > source.size) {
    throw new FormatError(
      `the file ends before the ${length} bytes expected here (it has ${source.size} bytes)`,
      { file: fileName, byteOffset: Math.min(offset, source.size) },
    );
  }
  let bytes: Uint8Array;
  try {
    bytes = await source.read(offset, length);
  } catch (error) {
    if (error instanceof FormatError) throw error.inFile(fileName);
    throw new FormatError(`reading ${length} bytes failed: ${(error as Error)?.message ?? error}`, {
      file: fileName,
      byteOffset: offset,
    });
  }
  if (!(bytes instanceof Uint8Array) || bytes.length !== length) {
    throw new FormatError(`the file ends before the ${length} bytes expected here`, {
      file: fileName,
      byteOffset: offset,
    });
  }
  return bytes;
}

const defaultWindow = 1 << 16;

/**
 * A little-endian reader that walks a file from a position, fetching `window` bytes at a time.
 * Every multi-byte read checks that the bytes exist; `budget` caps the bytes one header may
 * make it read, so a header claiming billions of entries fails before it costs anything.
 */
export class ByteCursor {
  private buffer: Uint8Array = new Uint8Array(0);
  private bufferStart = 0;
  private view = new DataView(this.buffer.buffer);
  private consumed = 0;

  constructor(
    readonly source: ByteSource,
    public position: number,
    readonly fileName: string | undefined,
    private readonly budget = Number.MAX_SAFE_INTEGER,
    private readonly window = defaultWindow,
  ) {}

  /** A FormatError at the given offset (the cursor's position by default). */
  error(reason: string, byteOffset = this.position): FormatError {
    return new FormatError(reason, { file: this.fileName, byteOffset });
  }

  get remaining(): number {
    return this.source.size - this.position;
  }

  /** Makes bytes [position, position + length) available in the buffer. */
  private async ensure(length: number): Promise<number> {
    if (length > this.remaining) {
      throw this.error(
        `the file ends inside the header: ${length} bytes are needed here, ${Math.max(0, this.remaining)} remain`,
      );
    }
    this.consumed += length;
    if (this.consumed > this.budget) {
      throw this.error(`the header is longer than the limit of ${this.budget} bytes`);
    }
    const start = this.position - this.bufferStart;
    if (start >= 0 && start + length <= this.buffer.length) return start;
    const size = Math.min(Math.max(length, this.window), this.remaining);
    this.buffer = await readExactly(this.source, this.position, size, this.fileName);
    this.bufferStart = this.position;
    this.view = new DataView(this.buffer.buffer, this.buffer.byteOffset, this.buffer.length);
    return 0;
  }

  async bytes(length: number): Promise<Uint8Array> {
    const at = await this.ensure(length);
    this.position += length;
    return this.buffer.subarray(at, at + length);
  }

  /** Moves forward without reading (the bytes must exist). */
  skip(length: number): void {
    if (!Number.isSafeInteger(length) || length < 0 || length > this.remaining) {
      throw this.error(
        `a length of ${length} bytes runs past the end of the file (${Math.max(0, this.remaining)} bytes remain)`,
      );
    }
    this.position += length;
  }

  async u8(): Promise<number> {
    const at = await this.ensure(1);
    this.position += 1;
    return this.buffer[at];
  }

  async u16(): Promise<number> {
    const at = await this.ensure(2);
    this.position += 2;
    return this.view.getUint16(at, true);
  }

  async u32(): Promise<number> {
    const at = await this.ensure(4);
    this.position += 4;
    return this.view.getUint32(at, true);
  }

  async i32(): Promise<number> {
    const at = await this.ensure(4);
    this.position += 4;
    return this.view.getInt32(at, true);
  }

  /** An unsigned 64-bit count; beyond 2^53 it cannot be a real size, so it is refused here. */
  async u64(what: string): Promise<number> {
    const offset = this.position;
    const at = await this.ensure(8);
    this.position += 8;
    const value = this.view.getBigUint64(at, true);
    if (value > BigInt(Number.MAX_SAFE_INTEGER)) {
      throw this.error(`${what} is ${value}, larger than any real file could hold`, offset);
    }
    return Number(value);
  }

  async i64(): Promise<bigint> {
    const at = await this.ensure(8);
    this.position += 8;
    return this.view.getBigInt64(at, true);
  }

  async f32(): Promise<number> {
    const at = await this.ensure(4);
    this.position += 4;
    return this.view.getFloat32(at, true);
  }

  async f64(): Promise<number> {
    const at = await this.ensure(8);
    this.position += 8;
    return this.view.getFloat64(at, true);
  }
}

/** A file name given inside a checkpoint (an index, an ONNX external-data entry), refused if it could leave its folder. */
export function checkRelativeFileName(name: string): string | undefined {
  if (name.length === 0) return 'the file name is empty';
  if (name.length > 1024) return 'the file name is longer than 1024 characters';
  if (/[\\:\0]/.test(name)) return 'the file name holds "\\", ":" or a NUL character';
  if (name.startsWith('/')) return 'the file name is an absolute path';
  if (name.split('/').some((part) => part === '' || part === '.' || part === '..')) {
    return 'the file name has an empty, "." or ".." part';
  }
  return undefined;
}
