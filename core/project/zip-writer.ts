// Writes a zip archive (PKWARE APPNOTE 6.3) as a list of chunks, so a 128 MiB matrix is never
// copied: its bytes are one chunk, stored, with the local header padded (an extra field, as
// Android's zipalign does) so stored data starts on a 64-byte boundary in the file. Small text is
// deflated (fflate). No zip64: archives are capped at 2 GiB, like the reader. Cost O(bytes) for
// the CRC-32 only.
import { deflateSync } from 'fflate';
import { crc32 } from '../formats/crc32';
import { ProjectError } from './project-error';

export interface ZipWriteEntry {
  name: string;
  /** The entry's bytes, in pieces (written one after another). */
  chunks: readonly Uint8Array[];
  /** Deflate (small text) or store (binary numbers, which barely compress). */
  compress: boolean;
}

export interface ZipWriteOptions {
  /** CRC-32 over bytes, continuing from `previous`; the host may pass a native one. */
  checksum?: (bytes: Uint8Array, previous?: number) => number;
  /** The modification time written for every entry (default now). */
  modified?: Date;
  /** Largest archive written (default 2 GiB, what the reader accepts). */
  maxTotalBytes?: number;
}

const alignment = 64;
const alignmentExtraId = 0xd935;
const utf8Flag = 0x0800;

function dosDateTime(date: Date): { time: number; date: number } {
  const year = Math.min(Math.max(date.getFullYear(), 1980), 2107);
  return {
    time: (date.getHours() << 11) | (date.getMinutes() << 5) | (date.getSeconds() >> 1),
    date: ((year - 1980) << 9) | ((date.getMonth() + 1) << 5) | date.getDate(),
  };
}

/** The archive as chunks in file order; their total length is the file size. */
export function zipChunks(
  entries: readonly ZipWriteEntry[],
  options: ZipWriteOptions = {},
): Uint8Array[] {
  const checksum = options.checksum ?? crc32;
  const maxTotalBytes = options.maxTotalBytes ?? 2 * 1024 ** 3;
  const { time, date } = dosDateTime(options.modified ?? new Date());
  const encoder = new TextEncoder();
  const output: Uint8Array[] = [];
  const central: Uint8Array[] = [];
  let offset = 0;
  const names = new Set<string>();
  if (entries.length > 0xffff)
    throw new ProjectError(
      'too-large',
      `a project holds at most 65 535 files, not ${entries.length}`,
    );

  for (const entry of entries) {
    if (names.has(entry.name)) throw new Error(`zip entry "${entry.name}" written twice`);
    names.add(entry.name);
    const name = encoder.encode(entry.name);
    let data = entry.chunks;
    let uncompressedSize = 0;
    let crc = 0;
    for (const chunk of data) {
      uncompressedSize += chunk.length;
      crc = checksum(chunk, crc);
    }
    if (entry.compress) {
      const whole = data.length === 1 ? data[0] : concatenate(data);
      data = [deflateSync(whole, { level: 6 })];
    }
    const compressedSize = data.reduce((sum, chunk) => sum + chunk.length, 0);
    // Pad stored entries so their data starts on the alignment boundary.
    let extraLength = 0;
    if (!entry.compress) {
      const start = offset + 30 + name.length;
      extraLength = (alignment - (start % alignment)) % alignment;
      if (extraLength > 0 && extraLength < 6) extraLength += alignment;
    }
    const local = new Uint8Array(30 + name.length + extraLength);
    const view = new DataView(local.buffer);
    view.setUint32(0, 0x04034b50, true);
    view.setUint16(4, 20, true);
    view.setUint16(6, utf8Flag, true);
    view.setUint16(8, entry.compress ? 8 : 0, true);
    view.setUint16(10, time, true);
    view.setUint16(12, date, true);
    view.setUint32(14, crc, true);
    view.setUint32(18, compressedSize, true);
    view.setUint32(22, uncompressedSize, true);
    view.setUint16(26, name.length, true);
    view.setUint16(28, extraLength, true);
    local.set(name, 30);
    if (extraLength > 0) {
      view.setUint16(30 + name.length, alignmentExtraId, true);
      view.setUint16(32 + name.length, extraLength - 4, true);
      view.setUint16(34 + name.length, alignment, true);
    }

    const header = new Uint8Array(46 + name.length);
    const centralView = new DataView(header.buffer);
    centralView.setUint32(0, 0x02014b50, true);
    centralView.setUint16(4, 20, true);
    centralView.setUint16(6, 20, true);
    centralView.setUint16(8, utf8Flag, true);
    centralView.setUint16(10, entry.compress ? 8 : 0, true);
    centralView.setUint16(12, time, true);
    centralView.setUint16(14, date, true);
    centralView.setUint32(16, crc, true);
    centralView.setUint32(20, compressedSize, true);
    centralView.setUint32(24, uncompressedSize, true);
    centralView.setUint16(28, name.length, true);
    centralView.setUint32(42, offset, true);
    header.set(name, 46);
    central.push(header);

    output.push(local, ...data);
    offset += local.length + compressedSize;
    if (offset > maxTotalBytes) {
      throw new ProjectError(
        'too-large',
        `the project would be larger than ${maxTotalBytes} bytes, the most a project file may hold`,
      );
    }
  }
  const directorySize = central.reduce((sum, chunk) => sum + chunk.length, 0);
  const end = new Uint8Array(22);
  const endView = new DataView(end.buffer);
  endView.setUint32(0, 0x06054b50, true);
  endView.setUint16(8, entries.length, true);
  endView.setUint16(10, entries.length, true);
  endView.setUint32(12, directorySize, true);
  endView.setUint32(16, offset, true);
  output.push(...central, end);
  return output;
}

export function concatenate(chunks: readonly Uint8Array[]): Uint8Array {
  const result = new Uint8Array(chunks.reduce((sum, chunk) => sum + chunk.length, 0));
  let offset = 0;
  for (const chunk of chunks) {
    result.set(chunk, offset);
    offset += chunk.length;
  }
  return result;
}
