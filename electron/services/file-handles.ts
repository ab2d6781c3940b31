// Capabilities, not paths: every file or folder a person chose becomes an opaque handle (128
// random bits), issued to one window or connection and dying with it. The page holds handles and
// names; only this registry knows the paths. Every file method resolves its handles here, which
// refuses a path string and a handle of another window with a sentence saying why.
//
// For services that read (the Lab, sharded checkpoints): a file handle opens as a random-access
// byte source (read ranges, stat size) with bounded memory, and a folder handle lists the files
// inside it and opens them, never anything a symbolic link leads out to.
import { randomBytes } from 'node:crypto';
import { readdir, realpath, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { hostError } from '../../core/protocol/errors';
import type { HandleInfo } from '../../core/protocol/files';
import {
  openFileByteSource,
  type ByteSourceOptions,
  type FileByteSource,
} from './file-byte-source';

/** How the person chose the file: kept for the record (and for tests), never sent to the page. */
export type HandleOrigin =
  | 'dialog'
  | 'prompt'
  | 'drop'
  | 'recent'
  | 'launch'
  | 'example'
  | 'upload'
  | 'folder'
  | 'saved'
  | 'backup';

export interface HandleEntry {
  path: string;
  name: string;
  kind: 'file' | 'folder';
  /** May be read / may be written (a project opened by the person may be saved back). */
  read: boolean;
  write: boolean;
  origin: HandleOrigin;
  /** Issued for one save only (the page asked before overwriting): revoked once used. */
  oneSave?: boolean;
  /** A temporary file (an upload) removed when the handle's scope ends. */
  temporary?: boolean;
  /** Web host: the path relative to its root. */
  shownPath?: string;
}

export type HandleNeed = 'read' | 'write' | 'folder';

const prefix = 'fh-';
const handleShape = /^fh-[A-Za-z0-9_-]{22}$/;

function quoted(value: string): string {
  const short = value.length > 60 ? `${value.slice(0, 57)}…` : value;
  return JSON.stringify(short);
}

export interface FileHandlesOptions {
  /** Web host: the path the page may see for a file (relative to the root). */
  shownPathOf?: (file: string) => string | undefined;
}

export class FileHandles {
  private readonly entries = new Map<string, HandleEntry>();
  private disposed = false;

  constructor(private readonly options: FileHandlesOptions = {}) {}

  /** Issues a handle for a path the person chose; the page learns the handle and the name only. */
  issue(
    file: string,
    grant: Omit<HandleEntry, 'path' | 'name' | 'shownPath'> & { size?: number },
  ): HandleInfo {
    if (this.disposed)
      throw hostError('HandleScopeEnded', 'This window or connection has closed its files.');
    const resolved = path.resolve(file);
    const handle = `${prefix}${randomBytes(16).toString('base64url')}`;
    const { size, ...rest } = grant;
    const entry: HandleEntry = {
      ...rest,
      path: resolved,
      name: path.basename(resolved),
      shownPath: this.options.shownPathOf?.(resolved),
    };
    this.entries.set(handle, entry);
    return infoOf(handle, entry, size);
  }

  /** The entry behind a handle this scope issued; a path or a foreign handle is refused. */
  resolve(handle: unknown, need: HandleNeed): HandleEntry {
    if (typeof handle !== 'string' || !handle.startsWith(prefix)) {
      const looksLikePath = typeof handle === 'string' && /[\\/:~.]/.test(handle);
      throw hostError(
        'NotAHandle',
        looksLikePath
          ? `The host takes file handles, not paths: ${quoted(String(handle))} is a path. Choose the file with Open…, the path prompt or by dropping it.`
          : `${quoted(String(handle))} is not a file handle: files are named by the handles the host issued when the person chose them.`,
      );
    }
    const entry = this.entries.get(handle);
    if (!entry || !handleShape.test(handle))
      throw hostError(
        'UnknownHandle',
        'That file handle was not issued to this window or connection (or it has ended): handles belong to the window they were given to. Choose the file again.',
      );
    if (need === 'folder' && entry.kind !== 'folder')
      throw hostError('WrongHandle', `${entry.name} is a file; a folder was asked for.`);
    if (need !== 'folder' && entry.kind !== 'file')
      throw hostError('WrongHandle', `${entry.name} is a folder; a file was asked for.`);
    if (need === 'read' && !entry.read)
      throw hostError(
        'WrongHandle',
        `${entry.name} was chosen as a place to save, not a file to read.`,
      );
    if (need === 'write' && !entry.write)
      throw hostError(
        'ReadOnlyHandle',
        `${entry.name} was chosen to be read, not written: use Save As to choose where to save.`,
      );
    return entry;
  }

  /** Whether a handle names a file or a folder (undefined when this scope did not issue it). */
  kindOf(handle: unknown): 'file' | 'folder' | undefined {
    return typeof handle === 'string' ? this.entries.get(handle)?.kind : undefined;
  }

  /** A one-save handle is spent by its save. */
  spend(handle: string): void {
    if (this.entries.get(handle)?.oneSave) this.entries.delete(handle);
  }

  /** Opens a file handle as a random-access byte source (the caller closes it). */
  openByteSource(handle: unknown, options: ByteSourceOptions = {}): Promise<FileByteSource> {
    return openFileByteSource(this.resolve(handle, 'read').path, options);
  }

  /** The files (and folders) directly inside a folder handle, each issued as its own handle. */
  async listFolder(handle: unknown): Promise<HandleInfo[]> {
    const folder = this.resolve(handle, 'folder');
    const real = await realpath(folder.path);
    const listed: HandleInfo[] = [];
    const names = (await readdir(real)).sort((a, b) => a.localeCompare(b));
    for (const name of names) {
      const child = await this.insideFolder(real, name);
      if (!child) continue;
      listed.push(
        this.issue(child.path, {
          kind: child.kind,
          read: true,
          write: false,
          origin: 'folder',
          size: child.size,
        }),
      );
    }
    return listed;
  }

  /** Opens the file `name` inside a folder handle as a byte source (a shard of a checkpoint). */
  async openInFolder(
    handle: unknown,
    name: string,
    options: ByteSourceOptions = {},
  ): Promise<FileByteSource> {
    const folder = this.resolve(handle, 'folder');
    if (name === '' || name === '.' || name === '..' || /[\\/\0]/.test(name))
      throw hostError('InvalidRequest', `${quoted(name)} is not a file name inside the folder.`);
    const child = await this.insideFolder(await realpath(folder.path), name);
    if (!child || child.kind !== 'file')
      throw hostError('NotFound', `${folder.name} holds no file named ${quoted(name)}.`);
    return openFileByteSource(child.path, options);
  }

  /** A regular file or folder whose real path stays inside `folder` (links out are refused). */
  private async insideFolder(
    folder: string,
    name: string,
  ): Promise<{ path: string; kind: 'file' | 'folder'; size: number } | null> {
    try {
      const real = await realpath(path.join(folder, name));
      if (path.dirname(real) !== folder && !isInside(folder, real)) return null;
      const info = await stat(real);
      if (info.isFile()) return { path: real, kind: 'file', size: info.size };
      if (info.isDirectory()) return { path: real, kind: 'folder', size: 0 };
      return null;
    } catch {
      return null;
    }
  }

  /** Every handle of the scope ends; temporary files (uploads) are removed. */
  async dispose(): Promise<void> {
    this.disposed = true;
    const temporary = [...this.entries.values()].filter((entry) => entry.temporary);
    this.entries.clear();
    for (const entry of temporary)
      await rm(path.dirname(entry.path), { recursive: true, force: true }).catch(() => undefined);
  }

  get size(): number {
    return this.entries.size;
  }
}

export function infoOf(handle: string, entry: HandleEntry, size?: number): HandleInfo {
  return {
    handle,
    name: entry.name,
    kind: entry.kind,
    ...(size === undefined ? {} : { size }),
    ...(entry.shownPath === undefined ? {} : { shownPath: entry.shownPath }),
  };
}

/** Whether `inner` lies inside the folder `outer` (both absolute and normalised). */
export function isInside(outer: string, inner: string): boolean {
  const relative = path.relative(outer, inner);
  return relative !== '' && !relative.startsWith('..') && !path.isAbsolute(relative);
}
