// NumPy .npz archives (numpy.savez / savez_compressed): a zip whose members are .npy files, each
// array named by its member name without ".npy". Stored members are read where they lie; deflated
// ones are inflated as they stream (only the first bytes at open, for the .npy header). Cost:
// O(members) reads of local headers at open.
import { Inflate } from 'fflate';
import type { ByteSource } from './byte-source';
import { readExactly } from './byte-reading';
import { FormatError } from './format-error';
import { parseNpyHeader, type NpyHeader } from './npy';
import type { TensorEntry } from './tensor-data';
import { memberDataOffset, readZipDirectory, type ZipMember } from './zip-directory';

export interface NpzOptions {
  maxEntries?: number;
}

/** Enough inflated bytes for any .npy header (1 MB of dictionary plus its 12-byte prefix). */
const headerWindow = (1 << 20) + 12;

export async function readNpzEntries(
  source: ByteSource,
  fileName: string,
  options: NpzOptions = {},
): Promise<TensorEntry[]> {
  const directory = await readZipDirectory(source, fileName);
  const entries: TensorEntry[] = [];
  const names = new Set<string>();
  for (const member of directory.members) {
    if (member.name.endsWith('/')) continue;
    const where = { file: fileName, byteOffset: member.localHeaderOffset };
    if (!member.name.endsWith('.npy')) {
      throw new FormatError(`member ${JSON.stringify(member.name)} is not a .npy array`, where);
    }
    const name = member.name.slice(0, -4);
    if (names.has(name))
      throw new FormatError(`the array ${JSON.stringify(name)} appears twice`, where);
    names.add(name);
    const start = await memberDataOffset(source, directory, member, fileName);
    const memberFile = `${fileName}/${member.name}`;
    if (member.method === 0) {
      if (member.compressedSize !== member.uncompressedSize) {
        throw new FormatError(
          `stored member ${JSON.stringify(member.name)} has two different sizes`,
          where,
        );
      }
      const prefix = await readExactly(
        source,
        start,
        Math.min(member.compressedSize, headerWindow),
        fileName,
      );
      const header = headerOf(prefix, member, memberFile, options);
      entries.push({
        name,
        dtype: header.dtype,
        data: {
          file: fileName,
          byteOffset: start + header.dataStart,
          byteLength: member.uncompressedSize - header.dataStart,
          shape: header.shape,
          encoding: {
            kind: 'elements',
            element: header.element,
            order: header.fortranOrder ? 'F' : 'C',
          },
        },
      });
    } else if (member.method === 8) {
      // Deflate expands at most 1032:1, so a larger claim is a lie (or a bomb).
      if (member.uncompressedSize > 1032 * member.compressedSize + 64) {
        throw new FormatError(
          `member ${JSON.stringify(member.name)} claims ${member.uncompressedSize} bytes from ${member.compressedSize} compressed, more than deflate can give`,
          where,
        );
      }
      const prefix = await inflatePrefix(source, start, member, fileName);
      const header = headerOf(prefix, member, memberFile, options);
      entries.push({
        name,
        dtype: header.dtype,
        data: {
          file: fileName,
          byteOffset: start,
          byteLength: member.compressedSize,
          shape: header.shape,
          encoding: {
            kind: 'deflated',
            skip: header.dataStart,
            inflatedLength: member.uncompressedSize,
            crc32: member.crc32,
            inner: { element: header.element, order: header.fortranOrder ? 'F' : 'C' },
          },
        },
      });
    } else {
      throw new FormatError(
        `member ${JSON.stringify(member.name)} uses compression method ${member.method} (only stored and deflated are read)`,
        where,
      );
    }
  }
  return entries;
}

function headerOf(
  prefix: Uint8Array,
  member: ZipMember,
  memberFile: string,
  options: NpzOptions,
): NpyHeader {
  return parseNpyHeader(prefix, member.uncompressedSize, {
    file: memberFile,
    maxEntries: options.maxEntries ?? 2 ** 28,
  });
}

/** The first inflated bytes of a deflated member (up to the .npy header window). */
async function inflatePrefix(
  source: ByteSource,
  start: number,
  member: ZipMember,
  fileName: string,
): Promise<Uint8Array> {
  const wanted = Math.min(member.uncompressedSize, headerWindow);
  const output = new Uint8Array(wanted);
  let filled = 0;
  const inflater = new Inflate((chunk) => {
    const take = Math.min(chunk.length, wanted - filled);
    output.set(chunk.subarray(0, take), filled);
    filled += take;
  });
  const piece = 1 << 16;
  for (let offset = 0; offset < member.compressedSize && filled < wanted; offset += piece) {
    const length = Math.min(piece, member.compressedSize - offset);
    const bytes = await readExactly(source, start + offset, length, fileName);
    try {
      inflater.push(bytes, offset + length >= member.compressedSize);
    } catch (error) {
      throw new FormatError(
        `member ${JSON.stringify(member.name)} is damaged: ${(error as Error).message}`,
        { file: fileName, byteOffset: start + offset },
      );
    }
  }
  return output.subarray(0, filled);
}
