import { describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { FileHandles } from './file-handles';
import { RootFolder } from './root-folder';
import { safeFileName, Uploads } from './uploads';

function scratch(): string {
  return mkdtempSync(path.join(os.tmpdir(), 'rankscope-handles-'));
}

describe('FileHandles', () => {
  it('issues unguessable handles that tell the page a name only', () => {
    const handles = new FileHandles();
    const a = handles.issue('/data/models/a.safetensors', {
      kind: 'file',
      read: true,
      write: false,
      origin: 'dialog',
    });
    const b = handles.issue('/data/models/a.safetensors', {
      kind: 'file',
      read: true,
      write: false,
      origin: 'dialog',
    });
    expect(a.handle).toMatch(/^fh-[A-Za-z0-9_-]{22}$/);
    expect(a.handle).not.toBe(b.handle);
    expect(a).toEqual({ handle: a.handle, name: 'a.safetensors', kind: 'file' });
  });

  it('refuses paths, unknown handles and the wrong use of a handle, each with its sentence', () => {
    const handles = new FileHandles();
    const read = handles.issue('/x/a.csv', {
      kind: 'file',
      read: true,
      write: false,
      origin: 'dialog',
    });
    const save = handles.issue('/x/b.rankscope', {
      kind: 'file',
      read: false,
      write: true,
      origin: 'dialog',
    });
    expect(() => handles.resolve('/etc/passwd', 'read')).toThrow(
      /file handles, not paths: "\/etc\/passwd" is a path/,
    );
    expect(() => handles.resolve('C:\\Users\\ada\\a.csv', 'read')).toThrow(/is a path/);
    expect(() => handles.resolve(42, 'read')).toThrow(/is not a file handle/);
    expect(() => handles.resolve('fh-AAAAAAAAAAAAAAAAAAAAAA', 'read')).toThrow(
      /not issued to this window/,
    );
    expect(() => handles.resolve(read.handle, 'write')).toThrow(/chosen to be read, not written/);
    expect(() => handles.resolve(save.handle, 'read')).toThrow(/place to save/);
    expect(() => handles.resolve(read.handle, 'folder')).toThrow(
      /is a file; a folder was asked for/,
    );
    expect(new FileHandles().resolve.bind(new FileHandles(), read.handle, 'read')).toThrow(
      /not issued/,
    );
  });

  it('opens a file as a random-access byte source, refusing a read past its budget', async () => {
    const folder = scratch();
    const file = path.join(folder, 'w.bin');
    writeFileSync(file, Buffer.from(Array.from({ length: 1000 }, (_, k) => k % 256)));
    const handles = new FileHandles();
    const { handle } = handles.issue(file, {
      kind: 'file',
      read: true,
      write: false,
      origin: 'dialog',
    });
    const source = await handles.openByteSource(handle, { largestRead: 256 });
    expect(source.size).toBe(1000);
    expect(Array.from(await source.read(300, 4))).toEqual([44, 45, 46, 47]);
    await expect(source.read(0, 257)).rejects.toThrow(/more than the 256-byte budget of one read/);
    await expect(source.read(999, 2)).rejects.toThrow(/outside the 1000-byte file/);
    await source.close();
  });

  it('refuses a FIFO at once instead of blocking on it', async () => {
    const folder = scratch();
    const fifo = path.join(folder, 'pipe.safetensors');
    execFileSync('mkfifo', [fifo]);
    const handles = new FileHandles();
    const { handle } = handles.issue(fifo, {
      kind: 'file',
      read: true,
      write: false,
      origin: 'dialog',
    });
    await expect(handles.openByteSource(handle)).rejects.toThrow(
      'pipe.safetensors is a pipe (FIFO), not a file that can be read.',
    );
  });

  it('lists and opens the files inside a folder handle, never what a link leads out to', async () => {
    const checkpoint = scratch();
    const elsewhere = scratch();
    writeFileSync(path.join(checkpoint, 'model-00001-of-00002.safetensors'), 'one');
    writeFileSync(path.join(checkpoint, 'model-00002-of-00002.safetensors'), 'two!');
    writeFileSync(path.join(elsewhere, 'secret.txt'), 'secret');
    symlinkSync(path.join(elsewhere, 'secret.txt'), path.join(checkpoint, 'leak.txt'));
    const handles = new FileHandles();
    const folder = handles.issue(checkpoint, {
      kind: 'folder',
      read: true,
      write: false,
      origin: 'dialog',
    });
    const listed = await handles.listFolder(folder.handle);
    expect(listed.map((file) => [file.name, file.size])).toEqual([
      ['model-00001-of-00002.safetensors', 3],
      ['model-00002-of-00002.safetensors', 4],
    ]);
    const shard = await handles.openByteSource(listed[1].handle);
    expect(new TextDecoder().decode(await shard.read(0, 4))).toBe('two!');
    await shard.close();
    const byName = await handles.openInFolder(folder.handle, 'model-00001-of-00002.safetensors');
    expect(byName.size).toBe(3);
    await byName.close();
    await expect(handles.openInFolder(folder.handle, 'leak.txt')).rejects.toThrow(
      /holds no file named/,
    );
    await expect(handles.openInFolder(folder.handle, '../secret.txt')).rejects.toThrow(
      /not a file name/,
    );
  });

  it('ends every handle with its scope, and removes uploaded files', async () => {
    const handles = new FileHandles();
    const uploads = new Uploads(handles, { pendingUploads: 2, chunkBytes: 4 });
    const { uploadId } = await uploads.begin({ fileName: '../../evil\u0000name.csv', size: 6 });
    await uploads.chunk({ uploadId, offset: 0, bytes: new Uint8Array([49, 44, 50, 10]) });
    await expect(uploads.chunk({ uploadId, offset: 4, bytes: new Uint8Array(5) })).rejects.toThrow(
      /at most 4 bytes/,
    );
    await uploads.chunk({ uploadId, offset: 4, bytes: new Uint8Array([51, 10]) });
    const info = await uploads.finish(uploadId);
    const entry = handles.resolve(info.handle, 'read');
    expect(path.basename(entry.path)).toBe(safeFileName('../../evil\u0000name.csv'));
    expect(path.basename(entry.path)).not.toMatch(/[\\/\0]/);
    expect(existsSync(entry.path)).toBe(true);
    await handles.dispose();
    expect(existsSync(entry.path)).toBe(false);
    expect(() => handles.resolve(info.handle, 'read')).toThrow(/not issued/);
  });

  it('refuses an upload past the open limit or larger than the free disk', async () => {
    const handles = new FileHandles();
    const uploads = new Uploads(
      handles,
      { pendingUploads: 1, chunkBytes: 4 },
      os.tmpdir(),
      async () => 1024 ** 3,
    );
    await uploads.begin({ fileName: 'a', size: 1 });
    await expect(uploads.begin({ fileName: 'b', size: 1 })).rejects.toThrow(
      /at most 1 may be at once/,
    );
    await uploads.dispose();
    await expect(
      uploads.begin({ fileName: 'huge.safetensors', size: 2 * 1024 ** 3 }),
    ).rejects.toThrow(
      "huge.safetensors is 2 GiB, but the disk holding the host's temporary files has only 1 GiB free.",
    );
  });
});

describe('RootFolder', () => {
  it('resolves typed paths inside the root and shows them relative to it', async () => {
    const root = scratch();
    mkdirSync(path.join(root, 'week 3'));
    writeFileSync(path.join(root, 'week 3', 'a.csv'), '1');
    const folder = await RootFolder.open(root);
    expect(await folder.resolve('week 3/a.csv', 'open')).toMatchObject({
      shownPath: 'week 3/a.csv',
      exists: true,
      size: 1,
    });
    expect(await folder.resolve(path.join(root, 'week 3', 'a.csv'), 'open')).toMatchObject({
      shownPath: 'week 3/a.csv',
    });
    expect(await folder.resolve('week 3/../week 3/a.csv', 'open')).toMatchObject({
      shownPath: 'week 3/a.csv',
    });
    expect(await folder.resolve('new/deeper/b.rankscope', 'save')).toMatchObject({
      exists: false,
      missingFolders: ['new', 'new/deeper'],
    });
    await expect(folder.resolve('week 3', 'open')).rejects.toThrow(
      /is a folder: type the path of a file/,
    );
    await expect(folder.resolve('nothing.csv', 'open')).rejects.toThrow(
      /There is no file nothing.csv/,
    );
  });

  it('refuses what lies outside: .., absolute paths and links, for opening and saving', async () => {
    const root = scratch();
    const outside = scratch();
    writeFileSync(path.join(outside, 'secret.csv'), '1');
    symlinkSync(outside, path.join(root, 'out'));
    symlinkSync(path.join(outside, 'secret.csv'), path.join(root, 'inside-name.csv'));
    const folder = await RootFolder.open(root);
    for (const [typed, mode] of [
      ['../secret.csv', 'open'],
      [path.join(outside, 'secret.csv'), 'open'],
      ['out/secret.csv', 'open'],
      ['inside-name.csv', 'open'],
      ['out/new.rankscope', 'save'],
      ['inside-name.csv', 'save'],
      ['/', 'folder'],
    ] as const)
      await expect(folder.resolve(typed, mode), typed).rejects.toMatchObject({
        name: 'OutsideRoot',
      });
    await expect(folder.resolve('a\0b', 'open')).rejects.toThrow(/NUL/);
  });
});
