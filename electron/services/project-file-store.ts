// Opens, saves and reverts .rankscope files for the host, remembering what each file looked like
// on disk (mtime, size, a SHA-256 fingerprint of the zip directory) so a change by another program is
// noticed before it is overwritten. Saves are atomic (atomic-write.ts); dense blobs read at open are
// kept here, so the renderer, which never holds them, can save a document that refers to them.
import { createHash } from 'node:crypto';
import { open, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import zlib from 'node:zlib';
import { decodeProject, encodeProjectChunks, prepareDocument } from '../../core/project/container';
import { crc32 } from '../../core/formats/crc32';
import { ProjectError } from '../../core/project/project-error';
import type { ProjectDocument } from '../../core/project/schema';
import type { Matrix } from '../../core/linalg/matrix';
import { formatBytes } from '../../core/quantities';
import { directoryStart } from '../../core/project/zip-reader';
import {
  removeStaleTemporaryFiles,
  writeFileAtomic,
  type AtomicWriteOptions,
} from './atomic-write';

/** What a file looked like when we last read or wrote it. */
export interface DiskState {
  mtimeMs: number;
  size: number;
  /**
   * SHA-256 of the zip's central directory and end record, which hold every entry's size and
   * CRC-32 (verified on open), so it identifies the contents without hashing 128 MiB of numbers;
   * of the whole file when it is not a plain zip (a bare project.json).
   */
  fingerprint: string;
}

export interface OpenedProject {
  path: string;
  document: ProjectDocument;
  blobs: Map<string, Matrix>;
  /** The version the file was written with; lower than the document's when it was migrated. */
  fileVersion: number;
  disk: DiskState;
}

export interface SavedProject {
  path: string;
  /** The document as written (dense references filled in). */
  document: ProjectDocument;
  disk: DiskState;
}

export type ExternalChange =
  | { status: 'unchanged' }
  | { status: 'unknown' }
  | { status: 'deleted' }
  | { status: 'modified'; disk: DiskState };

export interface SaveOptions {
  /** Overwrite even if another program changed the file since we read it (after asking the person). */
  overwriteExternalChanges?: boolean;
}

export class ExternalChangeError extends Error {
  override readonly name = 'ExternalChangeError';
  constructor(readonly path: string) {
    super(
      `${path} was changed by another program since it was opened; reload it or confirm overwriting it.`,
    );
  }
}

export interface ProjectFileStoreOptions {
  /** Largest file opened (default 2 GiB), checked before reading. */
  maxFileBytes?: number;
  /** Passed to every atomic write (tests inject crashes here). */
  writeOptions?: AtomicWriteOptions;
}

function hash(chunks: readonly Uint8Array[]): string {
  const sha = createHash('sha256');
  for (const chunk of chunks) sha.update(chunk);
  return sha.digest('hex');
}

/** The fingerprint of a file's bytes held in memory. */
function fingerprintOf(bytes: Uint8Array): string {
  const start = directoryStart(
    bytes.subarray(Math.max(0, bytes.length - 65_557)),
    Math.max(0, bytes.length - 65_557),
  );
  return hash([start === undefined ? bytes : bytes.subarray(start)]);
}

/** The fingerprint of a file on disk, reading only its directory when it is a zip. */
async function fingerprintFile(
  file: string,
): Promise<{ fingerprint: string; mtimeMs: number; size: number }> {
  const handle = await open(file, 'r');
  try {
    const { size, mtimeMs } = await handle.stat();
    const tailOffset = Math.max(0, size - 65_557);
    const tail = new Uint8Array(size - tailOffset);
    await handle.read(tail, 0, tail.length, tailOffset);
    const start = directoryStart(tail, tailOffset);
    const region = new Uint8Array(size - (start ?? 0));
    await handle.read(region, 0, region.length, start ?? 0);
    return { fingerprint: hash([region]), mtimeMs, size };
  } finally {
    await handle.close();
  }
}

/** zlib's native CRC-32 (Node 20.15+, Electron 32+) is several times faster than ours; same values. */
const nativeCrc32 = (zlib as { crc32?: (data: Uint8Array, value?: number) => number }).crc32;
export const checksum: (bytes: Uint8Array, previous?: number) => number = nativeCrc32 ?? crc32;

export class ProjectFileStore {
  private readonly known = new Map<string, { disk: DiskState; blobs: Map<string, Matrix> }>();
  private readonly maxFileBytes: number;

  constructor(private readonly options: ProjectFileStoreOptions = {}) {
    this.maxFileBytes = options.maxFileBytes ?? 2 * 1024 ** 3;
  }

  /** Reads, migrates and validates a project; throws ProjectError with a sentence when it cannot. */
  async open(filePath: string): Promise<OpenedProject> {
    const resolved = path.resolve(filePath);
    const name = path.basename(resolved);
    const before = await stat(resolved);
    if (before.size > this.maxFileBytes) {
      throw new ProjectError(
        'too-large',
        `the file is ${formatBytes(before.size)}, more than the limit of ${formatBytes(this.maxFileBytes)}`,
        name,
      );
    }
    const bytes = new Uint8Array(await readFile(resolved));
    const { document, blobs, fileVersion } = decodeProject(bytes, name, {
      maxEntries: 100_000,
      maxTotalBytes: this.maxFileBytes,
      checksum,
      // The buffer was just read for this call alone: its blobs can be used in place.
      viewBlobs: true,
    });
    const disk = { mtimeMs: before.mtimeMs, size: bytes.length, fingerprint: fingerprintOf(bytes) };
    this.known.set(resolved, { disk, blobs });
    return { path: resolved, document, blobs, fileVersion, disk };
  }

  /**
   * Saves atomically. Dense matrices take their numbers from `blobs`, else from what was read
   * from this file (or, for Save As, from `blobsFrom`, the file the document came from).
   */
  async save(
    filePath: string,
    document: ProjectDocument,
    blobs: ReadonlyMap<string, Matrix> = new Map(),
    options: SaveOptions & { blobsFrom?: string } = {},
  ): Promise<SavedProject> {
    const resolved = path.resolve(filePath);
    if (!options.overwriteExternalChanges) {
      const change = await this.checkExternalChange(resolved);
      if (change.status === 'modified') throw new ExternalChangeError(resolved);
    }
    const source = this.known.get(options.blobsFrom ? path.resolve(options.blobsFrom) : resolved);
    const allBlobs = new Map<string, Matrix>();
    for (const matrix of document.matrices) {
      const blob =
        blobs.get(matrix.id) ?? (matrix.dense ? source?.blobs.get(matrix.id) : undefined);
      if (blob) allBlobs.set(matrix.id, blob);
    }
    const chunks = encodeProjectChunks(document, allBlobs, {
      checksum,
      maxTotalBytes: this.maxFileBytes,
    });
    await writeFileAtomic(resolved, chunks, this.options.writeOptions);
    const disk = await fingerprintFile(resolved);
    this.known.set(resolved, { disk, blobs: allBlobs });
    await removeStaleTemporaryFiles(resolved);
    return { path: resolved, document: prepareDocument(document, allBlobs), disk };
  }

  /** Throws away unsaved changes: the file as it is on disk now. */
  revert(filePath: string): Promise<OpenedProject> {
    return this.open(filePath);
  }

  /** Whether the file differs from what we last read or wrote (a touch alone is not a change). */
  async checkExternalChange(filePath: string): Promise<ExternalChange> {
    const resolved = path.resolve(filePath);
    const known = this.known.get(resolved);
    if (!known) return { status: 'unknown' };
    let now;
    try {
      now = await stat(resolved);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { status: 'deleted' };
      throw error;
    }
    if (now.mtimeMs === known.disk.mtimeMs && now.size === known.disk.size)
      return { status: 'unchanged' };
    if (now.size !== known.disk.size) {
      return { status: 'modified', disk: await fingerprintFile(resolved) };
    }
    const disk = await fingerprintFile(resolved);
    if (disk.fingerprint === known.disk.fingerprint && disk.size === known.disk.size) {
      known.disk = disk;
      return { status: 'unchanged' };
    }
    return { status: 'modified', disk };
  }

  /** The disk state last seen for a file, if it was opened or saved here. */
  diskState(filePath: string): DiskState | undefined {
    return this.known.get(path.resolve(filePath))?.disk;
  }

  /** The dense matrices read from or written to a file. */
  blobsOf(filePath: string): ReadonlyMap<string, Matrix> {
    return this.known.get(path.resolve(filePath))?.blobs ?? new Map();
  }

  /** Forgets a file (its window closed). */
  close(filePath: string): void {
    this.known.delete(path.resolve(filePath));
  }
}
