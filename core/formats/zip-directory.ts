// The directory of a zip archive read through a ByteSource (PKWARE APPNOTE 6.3: end record, zip64
// locator and record, central directory, local headers), so a member's bytes can be read where
// they lie: .npz arrays and the storages of PyTorch checkpoints. Every count, size and offset is
// checked against the file and the caps before anything is allocated. Cost O(directory bytes).
import type { ByteSource } from './byte-source';
import { readExactly } from './byte-reading';
import { FormatError } from './format-error';

export interface ZipMember {
  name: string;
  /** 0 stored, 8 deflated. */
  method: number;
  compressedSize: number;
  uncompressedSize: number;
  crc32: number;
  localHeaderOffset: number;
}

export interface ZipDirectory {
  members: ZipMember[];
  /** Where the central directory starts: every member's data ends before it. */
  directoryOffset: number;
}

export interface ZipLimits {
  /** Most members accepted (default 1 000 000). */
  maxMembers?: number;
  /** Largest central directory accepted (default 256 MB). */
  maxDirectoryBytes?: number;
}

const endSignature = 0x06054b50;
const zip64LocatorSignature = 0x07064b50;
const zip64EndSignature = 0x06064b50;
const centralSignature = 0x02014b50;
const localSignature = 0x04034b50;
const utf8 = new TextDecoder('utf-8', { fatal: false });

/** True when the first bytes are a zip local header ("PK\x03\x04") or an empty archive's end. */
export function looksLikeZip(prefix: Uint8Array): boolean {
  return (
    prefix.length >= 4 &&
    prefix[0] === 0x50 &&
    prefix[1] === 0x4b &&
    (prefix[2] === 3 || prefix[2] === 5)
  );
}

function unsigned64(view: DataView, at: number): number {
  const value = view.getUint32(at, true) + view.getUint32(at + 4, true) * 2 ** 32;
  return Number.isSafeInteger(value) ? value : Number.MAX_SAFE_INTEGER;
}

export async function readZipDirectory(
  source: ByteSource,
  fileName: string | undefined,
  limits: ZipLimits = {},
): Promise<ZipDirectory> {
  const size = source.size;
  const fail = (reason: string, byteOffset: number): never => {
    throw new FormatError(reason, { file: fileName, byteOffset });
  };
  if (size < 22) fail('this is not a zip archive: it is shorter than a zip end record', 0);
  // The end record is the last 22 bytes plus a comment of up to 65 535 bytes.
  const tailStart = Math.max(0, size - 22 - 0xffff);
  const tail = await readExactly(source, tailStart, size - tailStart, fileName);
  const tailView = new DataView(tail.buffer, tail.byteOffset, tail.byteLength);
  let end = -1;
  for (let at = tail.length - 22; at >= 0; at--) {
    if (
      tailView.getUint32(at, true) === endSignature &&
      at + 22 + tailView.getUint16(at + 20, true) <= tail.length
    ) {
      end = at;
      break;
    }
  }
  if (end < 0)
    fail('the zip directory at the end of the file is missing (was the file cut short?)', size);
  let count = tailView.getUint16(end + 10, true);
  let directorySize = tailView.getUint32(end + 12, true);
  let directoryOffset = tailView.getUint32(end + 16, true);
  let directoryLimit = tailStart + end;
  if (count === 0xffff || directorySize === 0xffffffff || directoryOffset === 0xffffffff) {
    const locator = tailStart + end - 20;
    if (locator < 0) fail('the zip64 locator is missing', tailStart + end);
    const locatorBytes = await readExactly(source, locator, 20, fileName);
    const locatorView = new DataView(locatorBytes.buffer, locatorBytes.byteOffset, 20);
    if (locatorView.getUint32(0, true) !== zip64LocatorSignature)
      fail('the zip64 locator is missing', locator);
    const record = unsigned64(locatorView, 8);
    if (record + 56 > locator)
      fail('the zip64 directory record lies outside the file', locator + 8);
    const recordBytes = await readExactly(source, record, 56, fileName);
    const recordView = new DataView(recordBytes.buffer, recordBytes.byteOffset, 56);
    if (recordView.getUint32(0, true) !== zip64EndSignature)
      fail('the zip64 directory record is missing', record);
    count = unsigned64(recordView, 32);
    directorySize = unsigned64(recordView, 40);
    directoryOffset = unsigned64(recordView, 48);
    directoryLimit = record;
  }
  const maxMembers = limits.maxMembers ?? 1_000_000;
  const maxDirectoryBytes = limits.maxDirectoryBytes ?? 256 * 1024 * 1024;
  if (count > maxMembers)
    fail(
      `the archive claims ${count} members, more than the limit of ${maxMembers}`,
      directoryLimit,
    );
  if (directorySize > maxDirectoryBytes) {
    fail(
      `the zip directory claims ${directorySize} bytes, more than the limit of ${maxDirectoryBytes}`,
      directoryLimit,
    );
  }
  if (directoryOffset + directorySize > directoryLimit) {
    fail('the zip directory lies outside the file', directoryLimit);
  }
  if (count * 46 > directorySize)
    fail(`the zip directory is too small for ${count} members`, directoryOffset);
  const directory = await readExactly(source, directoryOffset, directorySize, fileName);
  const view = new DataView(directory.buffer, directory.byteOffset, directory.byteLength);
  const members: ZipMember[] = [];
  let at = 0;
  for (let index = 0; index < count; index++) {
    const where = directoryOffset + at;
    if (at + 46 > directory.length || view.getUint32(at, true) !== centralSignature) {
      fail(`zip directory entry ${index + 1} is malformed`, where);
    }
    const flags = view.getUint16(at + 8, true);
    const method = view.getUint16(at + 10, true);
    const crc32 = view.getUint32(at + 16, true);
    let compressedSize = view.getUint32(at + 20, true);
    let uncompressedSize = view.getUint32(at + 24, true);
    const nameLength = view.getUint16(at + 28, true);
    const extraLength = view.getUint16(at + 30, true);
    const commentLength = view.getUint16(at + 32, true);
    let localHeaderOffset = view.getUint32(at + 42, true);
    const next = at + 46 + nameLength + extraLength + commentLength;
    if (next > directory.length)
      fail(`zip directory entry ${index + 1} runs past the directory`, where);
    const name = utf8.decode(directory.subarray(at + 46, at + 46 + nameLength));
    // A zip64 extra field holds, in order, whichever of the sizes and the offset overflowed.
    let extra = at + 46 + nameLength;
    const extraEnd = extra + extraLength;
    while (extra + 4 <= extraEnd) {
      const id = view.getUint16(extra, true);
      const fieldSize = view.getUint16(extra + 2, true);
      if (id === 0x0001) {
        let field = extra + 4;
        const take = (): number => {
          if (field + 8 > Math.min(extra + 4 + fieldSize, extraEnd)) {
            fail(
              `the zip64 field of member ${JSON.stringify(name)} is too short`,
              directoryOffset + extra,
            );
          }
          const value = unsigned64(view, field);
          field += 8;
          return value;
        };
        if (uncompressedSize === 0xffffffff) uncompressedSize = take();
        if (compressedSize === 0xffffffff) compressedSize = take();
        if (localHeaderOffset === 0xffffffff) localHeaderOffset = take();
      }
      extra += 4 + fieldSize;
    }
    if (flags & 1) fail(`member ${JSON.stringify(name)} is encrypted`, where);
    if (localHeaderOffset + 30 > directoryOffset) {
      fail(`member ${JSON.stringify(name)} starts outside the archive's data`, where);
    }
    members.push({ name, method, compressedSize, uncompressedSize, crc32, localHeaderOffset });
    at = next;
  }
  return { members, directoryOffset };
}

/** Where a member's (stored or compressed) bytes begin, from its local header; checked to fit. */
export async function memberDataOffset(
  source: ByteSource,
  directory: ZipDirectory,
  member: ZipMember,
  fileName: string | undefined,
): Promise<number> {
  const header = await readExactly(source, member.localHeaderOffset, 30, fileName);
  const view = new DataView(header.buffer, header.byteOffset, 30);
  if (view.getUint32(0, true) !== localSignature) {
    throw new FormatError(`the local header of member ${JSON.stringify(member.name)} is missing`, {
      file: fileName,
      byteOffset: member.localHeaderOffset,
    });
  }
  const start = member.localHeaderOffset + 30 + view.getUint16(26, true) + view.getUint16(28, true);
  if (start + member.compressedSize > directory.directoryOffset) {
    throw new FormatError(
      `member ${JSON.stringify(member.name)} claims ${member.compressedSize} bytes, more than the archive holds`,
      { file: fileName, byteOffset: member.localHeaderOffset },
    );
  }
  return start;
}
