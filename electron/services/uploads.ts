// Files that exist only in the page (a drop from another machine, a browser's file input) reach
// the host in chunks, in order, into a temporary file; when the last byte is in, the file becomes
// a read-only handle like any other, and the Lab and imports read it from disk. No size cap but
// the disk's free space, checked before the first byte; a few uploads per connection at once.
import { randomBytes } from 'node:crypto';
import { mkdtemp, open, rm, statfs, type FileHandle } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { hostError } from '../../core/protocol/errors';
import type { BeginUploadRequest, HandleInfo, UploadChunkRequest } from '../../core/protocol/files';
import type { HostLimits } from '../../core/protocol/limits';
import { formatBytes } from '../../core/quantities';
import type { FileHandles } from './file-handles';

interface Upload {
  fileName: string;
  size: number;
  received: number;
  folder: string;
  file: string;
  handle: FileHandle;
  /** Chunks are written one after another. */
  writing: Promise<unknown>;
}

/** Keep this much free beyond the file itself, so an upload cannot fill the disk to the brim. */
const diskMargin = 256 * 1024 ** 2;

/** A file name the page sent, made safe to use as the last part of a path. */
export function safeFileName(name: string): string {
  // Control characters and the characters no file system takes become _.
  const base = Array.from(name, (character) =>
    character.charCodeAt(0) < 32 || '\\/:*?"<>|'.includes(character) ? '_' : character,
  )
    .join('')
    .replace(/^\.+/, '_')
    .trim();
  return (base || 'upload').slice(0, 200);
}

export class Uploads {
  private readonly open = new Map<string, Upload>();

  constructor(
    private readonly handles: FileHandles,
    private readonly limits: Pick<HostLimits, 'pendingUploads' | 'chunkBytes'>,
    private readonly temporaryRoot: string = os.tmpdir(),
    private readonly freeBytes: (folder: string) => Promise<number> = async (folder) => {
      const info = await statfs(folder);
      return info.bavail * info.bsize;
    },
  ) {}

  async begin(request: BeginUploadRequest): Promise<{ uploadId: string }> {
    if (this.open.size >= this.limits.pendingUploads)
      throw hostError(
        'TooManyUploads',
        `This window or connection already has ${this.open.size} uploads open; at most ${this.limits.pendingUploads} may be at once. Wait for one to finish or cancel it.`,
      );
    const free = await this.freeBytes(this.temporaryRoot);
    if (request.size + diskMargin > free)
      throw hostError(
        'DiskFull',
        `${request.fileName} is ${formatBytes(request.size)}, but the disk holding the host's temporary files has only ${formatBytes(free)} free.`,
      );
    const folder = await mkdtemp(path.join(this.temporaryRoot, 'rankscope-upload-'));
    const file = path.join(folder, safeFileName(request.fileName));
    const handle = await open(file, 'wx', 0o600);
    const uploadId = `up-${randomBytes(12).toString('base64url')}`;
    this.open.set(uploadId, {
      fileName: request.fileName,
      size: request.size,
      received: 0,
      folder,
      file,
      handle,
      writing: Promise.resolve(),
    });
    return { uploadId };
  }

  private find(uploadId: string): Upload {
    const upload = this.open.get(uploadId);
    if (!upload)
      throw hostError('UnknownUpload', 'That upload is not open on this window or connection.');
    return upload;
  }

  async chunk(request: UploadChunkRequest): Promise<{ received: number }> {
    const upload = this.find(request.uploadId);
    const length = request.bytes.length;
    if (length > this.limits.chunkBytes)
      throw hostError(
        'InvalidRequest',
        `An upload chunk may hold at most ${formatBytes(this.limits.chunkBytes)}; this one holds ${formatBytes(length)}.`,
      );
    if (request.offset !== upload.received)
      throw hostError(
        'InvalidRequest',
        `Chunks arrive in order: the next one starts at byte ${upload.received}, not ${request.offset}.`,
      );
    if (upload.received + length > upload.size)
      throw hostError(
        'InvalidRequest',
        `${upload.fileName} was announced as ${upload.size} bytes; this chunk goes past its end.`,
      );
    upload.received += length;
    const write = upload.writing.then(async () => {
      let written = 0;
      while (written < length) {
        const { bytesWritten } = await upload.handle.write(
          request.bytes,
          written,
          length - written,
        );
        written += bytesWritten;
      }
    });
    upload.writing = write.catch(() => undefined);
    try {
      await write;
    } catch (error) {
      await this.cancel(request.uploadId);
      throw hostError(
        'UploadFailed',
        `Writing ${upload.fileName} failed: ${(error as Error).message}`,
      );
    }
    return { received: upload.received };
  }

  async finish(uploadId: string): Promise<HandleInfo> {
    const upload = this.find(uploadId);
    if (upload.received !== upload.size)
      throw hostError(
        'InvalidRequest',
        `${upload.fileName} has ${upload.received} of its ${upload.size} bytes; send the rest first.`,
      );
    this.open.delete(uploadId);
    await upload.writing;
    await upload.handle.close();
    const info = this.handles.issue(upload.file, {
      kind: 'file',
      read: true,
      write: false,
      origin: 'upload',
      temporary: true,
      size: upload.size,
    });
    // The page knows the file by the name it sent, not by the temporary file's.
    return { ...info, name: upload.fileName };
  }

  async cancel(uploadId: string): Promise<void> {
    const upload = this.open.get(uploadId);
    if (!upload) return;
    this.open.delete(uploadId);
    await upload.writing;
    await upload.handle.close().catch(() => undefined);
    await rm(upload.folder, { recursive: true, force: true });
  }

  async dispose(): Promise<void> {
    for (const uploadId of [...this.open.keys()]) await this.cancel(uploadId);
  }

  get pending(): number {
    return this.open.size;
  }
}
