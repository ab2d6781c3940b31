// Reads a zip archive (PKWARE APPNOTE 6.3: end of central directory, zip64, central directory,
// local headers) without trusting it: every declared count, size and offset is checked against
// the file and the caps before anything is allocated or inflated; entries are inflated on demand
// into a buffer of their declared size and verified by length and CRC-32. Cost O(archive bytes).
import { inflateSync } from 'fflate';
import { crc32 } from '../formats/crc32';
import { formatBytes } from '../quantities';
import { ProjectError } from './project-error';

export interface ZipLimits {
  /** Most entries accepted (default 100 000). */
  maxEntries: number;
  /** Most total uncompressed bytes accepted (default 2 GiB). */
  maxTotalBytes: number;
  /** CRC-32 over bytes; the host may pass a native one (default: ours). */
  checksum?: (bytes: Uint8Array, previous?: number) => number;
}

export const defaultZipLimits: ZipLimits = { maxEntries: 100_000, maxTotalBytes: 2 * 1024 ** 3 };

export interface ZipEntry {
  name: string;
  /** 0 stored, 8 deflated. */
  method: number;
  compressedSize: number;
  uncompressedSize: number;
  crc: number;
  localHeaderOffset: number;
}

export interface ZipArchive {
  entries: Map<string, ZipEntry>;
  /** The entry's bytes, inflated and verified; throws ProjectError('corrupt') when they are damaged. */
  read(name: string): Uint8Array;
}

const endSignature = 0x06054b50;
const zip64LocatorSignature = 0x07064b50;
const zip64EndSignature = 0x06064b50;
const centralSignature = 0x02014b50;
const localSignature = 0x04034b50;
const utf8 = new TextDecoder('utf-8', { fatal: false });

export function looksLikeZip(bytes: Uint8Array): boolean {
  return (
    bytes.length >= 4 &&
    bytes[0] === 0x50 &&
    bytes[1] === 0x4b &&
    (bytes[2] === 3 || bytes[2] === 5)
  );
}

export function readZip(bytes: Uint8Array, limits: ZipLimits = defaultZipLimits): ZipArchive {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const corrupt = (reason: string): never => {
    throw new ProjectError('corrupt', `the file is damaged or incomplete: ${reason}`);
  };
  const tooLarge = (reason: string): never => {
    throw new ProjectError('too-large', reason);
  };
  const u16 = (offset: number) => view.getUint16(offset, true);
  const u32 = (offset: number) => view.getUint32(offset, true);
  const u64 = (offset: number) => {
    const value = view.getUint32(offset, true) + view.getUint32(offset + 4, true) * 2 ** 32;
    return Number.isSafeInteger(value) ? value : Number.MAX_SAFE_INTEGER;
  };

  // The end record is the last 22 bytes plus a comment of up to 65 535 bytes.
  let end = -1;
  for (
    let offset = bytes.length - 22;
    offset >= Math.max(0, bytes.length - 22 - 0xffff);
    offset--
  ) {
    if (u32(offset) === endSignature && offset + 22 + u16(offset + 20) <= bytes.length) {
      end = offset;
      break;
    }
  }
  if (end < 0) {
    if (looksLikeZip(bytes))
      corrupt('the zip directory at its end is missing (was the file cut short?)');
    throw new ProjectError('not-a-zip', 'this is not a Rankscope project: it is not a zip archive');
  }
  let entryCount = u16(end + 10);
  let directorySize = u32(end + 12);
  let directoryOffset = u32(end + 16);
  let directoryEndLimit = end;
  if (entryCount === 0xffff || directorySize === 0xffffffff || directoryOffset === 0xffffffff) {
    const locator = end - 20;
    if (locator < 0 || u32(locator) !== zip64LocatorSignature)
      corrupt('the zip64 locator is missing');
    const record = u64(locator + 8);
    if (record + 56 > locator || u32(record) !== zip64EndSignature)
      corrupt('the zip64 directory record is missing');
    entryCount = u64(record + 32);
    directorySize = u64(record + 40);
    directoryOffset = u64(record + 48);
    directoryEndLimit = record;
  }
  if (entryCount > limits.maxEntries) {
    tooLarge(
      `the archive claims ${entryCount} entries, more than the limit of ${limits.maxEntries}`,
    );
  }
  if (directoryOffset + directorySize > directoryEndLimit)
    corrupt('the zip directory lies outside the file');
  if (entryCount * 46 > directorySize)
    corrupt(`the zip directory is too small for ${entryCount} entries`);

  const entries = new Map<string, ZipEntry>();
  let totalBytes = 0;
  let offset = directoryOffset;
  const directoryEnd = directoryOffset + directorySize;
  for (let index = 0; index < entryCount; index++) {
    if (offset + 46 > directoryEnd || u32(offset) !== centralSignature)
      corrupt(`zip directory entry ${index + 1} is malformed`);
    const flags = u16(offset + 8);
    const method = u16(offset + 10);
    const crc = u32(offset + 16);
    let compressedSize = u32(offset + 20);
    let uncompressedSize = u32(offset + 24);
    const nameLength = u16(offset + 28);
    const extraLength = u16(offset + 30);
    const commentLength = u16(offset + 32);
    let localHeaderOffset = u32(offset + 42);
    const next = offset + 46 + nameLength + extraLength + commentLength;
    if (next > directoryEnd) corrupt(`zip directory entry ${index + 1} runs past the directory`);
    const name = utf8.decode(bytes.subarray(offset + 46, offset + 46 + nameLength));
    // A zip64 extra field holds, in order, whichever of the sizes and offset overflowed 32 bits.
    let extra = offset + 46 + nameLength;
    const extraEnd = extra + extraLength;
    while (extra + 4 <= extraEnd) {
      const id = u16(extra);
      const size = u16(extra + 2);
      if (id === 0x0001) {
        let field = extra + 4;
        const take = () => {
          if (field + 8 > extra + 4 + size) corrupt(`the zip64 field of "${name}" is too short`);
          const value = u64(field);
          field += 8;
          return value;
        };
        if (uncompressedSize === 0xffffffff) uncompressedSize = take();
        if (compressedSize === 0xffffffff) compressedSize = take();
        if (localHeaderOffset === 0xffffffff) localHeaderOffset = take();
      }
      extra += 4 + size;
    }
    if (flags & 1)
      throw new ProjectError(
        'corrupt',
        `the entry "${name}" is encrypted, which Rankscope does not read`,
      );
    if (method !== 0 && method !== 8)
      corrupt(
        `the entry "${name}" uses compression method ${method} (only stored and deflate are read)`,
      );
    if (method === 0 && compressedSize !== uncompressedSize)
      corrupt(`the stored entry "${name}" has two different sizes`);
    if (entries.has(name)) corrupt(`the entry "${name}" appears twice`);
    totalBytes += uncompressedSize;
    if (totalBytes > limits.maxTotalBytes) {
      tooLarge(
        `the archive would unpack to more than ${formatBytes(limits.maxTotalBytes)} (the limit), so it was not opened`,
      );
    }
    if (localHeaderOffset + 30 > directoryOffset)
      corrupt(`the entry "${name}" starts outside the file`);
    entries.set(name, { name, method, compressedSize, uncompressedSize, crc, localHeaderOffset });
    offset = next;
  }

  const read = (name: string): Uint8Array => {
    const entry = entries.get(name);
    if (!entry) throw new ProjectError('corrupt', `the archive has no entry "${name}"`);
    const local = entry.localHeaderOffset;
    if (u32(local) !== localSignature) corrupt(`the entry "${name}" has no local header`);
    const start = local + 30 + u16(local + 26) + u16(local + 28);
    if (start + entry.compressedSize > directoryOffset)
      corrupt(`the data of "${name}" runs past the end of the file`);
    const compressed = bytes.subarray(start, start + entry.compressedSize);
    let data: Uint8Array;
    if (entry.method === 0) data = compressed;
    else {
      try {
        // A buffer of the declared size: a zip bomb cannot grow it, and a lie shows in the CRC.
        data = inflateSync(compressed, { out: new Uint8Array(entry.uncompressedSize) });
      } catch {
        return corrupt(`the compressed data of "${name}" is damaged`);
      }
    }
    if (data.length !== entry.uncompressedSize)
      corrupt(`"${name}" is shorter than its declared size`);
    if ((limits.checksum ?? crc32)(data) !== entry.crc)
      corrupt(`the checksum of "${name}" does not match its contents`);
    return data;
  };
  return { entries, read };
}

/**
 * Where the central directory starts, from the file's last bytes (`tail`, which begins at byte
 * `tailOffset` of the file): undefined when there is no plain end record. The directory holds
 * every entry's size and CRC-32, so its bytes identify the archive's contents cheaply.
 */
export function directoryStart(tail: Uint8Array, tailOffset: number): number | undefined {
  const view = new DataView(tail.buffer, tail.byteOffset, tail.byteLength);
  for (let offset = tail.length - 22; offset >= 0; offset--) {
    if (
      view.getUint32(offset, true) !== endSignature ||
      offset + 22 + view.getUint16(offset + 20, true) !== tail.length
    )
      continue;
    const start = view.getUint32(offset + 16, true);
    const size = view.getUint32(offset + 12, true);
    // zip64 and inconsistent records have no simple answer: the caller hashes the whole file.
    if (start === 0xffffffff || start + size !== tailOffset + offset) return undefined;
    return start;
  }
  return undefined;
}
