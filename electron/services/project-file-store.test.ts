import { describe, it, expect, beforeEach, afterEach } from 'vitest';
import { mkdtemp, readdir, readFile, rm, utimes, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fromRows } from '../../core/linalg/matrix';
import { ProjectError } from '../../core/project/project-error';
import { projectVersion, type ProjectDocument } from '../../core/project/schema';
import { ExternalChangeError, ProjectFileStore } from './project-file-store';

let folder: string;
beforeEach(async () => {
  folder = await mkdtemp(path.join(os.tmpdir(), 'rankscope-store-'));
});
afterEach(async () => {
  await rm(folder, { recursive: true, force: true });
});

const document: ProjectDocument = {
  type: 'rankscope',
  version: projectVersion,
  title: 'Lecture 7 — Rang',
  matrices: [
    {
      id: 'a',
      name: 'A',
      entries: [
        ['1', '2'],
        ['2', '4'],
      ],
    },
    { id: 'w', name: 'Weights', entries: [] },
  ],
  selectedMatrixId: 'a',
  views: { spectrum: { policy: 'numpy' } },
  notes: 'notes',
};
const weights = fromRows([
  [1, 2, 3],
  [4, 5, 6],
]);

describe('ProjectFileStore', () => {
  it('save → open gives the same document and blobs', async () => {
    const store = new ProjectFileStore();
    const file = path.join(folder, 'lecture.rankscope');
    const saved = await store.save(file, document, new Map([['w', weights]]));
    expect(saved.document.matrices[1].dense).toMatchObject({ rows: 2, cols: 3 });
    const opened = await new ProjectFileStore().open(file);
    expect(opened.document).toEqual(saved.document);
    expect(opened.blobs.get('w')!.data).toEqual(weights.data);
    expect(opened.fileVersion).toBe(projectVersion);
    expect(opened.disk).toEqual(saved.disk);
  });

  it('saves a document referring to blobs read at open, which the renderer never holds', async () => {
    const store = new ProjectFileStore();
    const file = path.join(folder, 'weights.rankscope');
    await store.save(file, document, new Map([['w', weights]]));
    const opened = await store.open(file);
    const edited = { ...opened.document, title: 'Edited' };
    await store.save(file, edited);
    const copy = path.join(folder, 'copy.rankscope');
    await store.save(copy, edited, new Map(), { blobsFrom: file });
    for (const target of [file, copy]) {
      const reopened = await new ProjectFileStore().open(target);
      expect(reopened.document.title).toBe('Edited');
      expect(reopened.blobs.get('w')!.data).toEqual(weights.data);
    }
  });

  it('revert returns what is on disk', async () => {
    const store = new ProjectFileStore();
    const file = path.join(folder, 'r.rankscope');
    await store.save(file, document);
    const reverted = await store.revert(file);
    expect(reverted.document.title).toBe(document.title);
  });

  it('notices a file changed by another program, but not a mere touch', async () => {
    const store = new ProjectFileStore();
    const file = path.join(folder, 'watched.rankscope');
    const other = path.join(folder, 'other.rankscope');
    await store.save(file, document);
    expect(await store.checkExternalChange(file)).toEqual({ status: 'unchanged' });
    expect(await store.checkExternalChange(other)).toEqual({ status: 'unknown' });

    const later = new Date(Date.now() + 5000);
    await utimes(file, later, later);
    expect(await store.checkExternalChange(file)).toEqual({ status: 'unchanged' });

    // Another program writes a different project of the same size.
    // (Compressed sizes can move by a byte with the text: try letters until one keeps the size.)
    const bytes = await readFile(file);
    for (const letter of 'abcdefghijklmnopqrstuvwxyz') {
      await new ProjectFileStore().save(file, { ...document, notes: `note${letter}` });
      if ((await readFile(file)).length === bytes.length) break;
    }
    expect((await readFile(file)).length).toBe(bytes.length);
    const change = await store.checkExternalChange(file);
    expect(change.status).toBe('modified');

    // Saving over it is refused until the person confirms.
    await expect(store.save(file, document)).rejects.toBeInstanceOf(ExternalChangeError);
    await store.save(file, document, new Map(), { overwriteExternalChanges: true });
    expect(await store.checkExternalChange(file)).toEqual({ status: 'unchanged' });

    await rm(file);
    expect(await store.checkExternalChange(file)).toEqual({ status: 'deleted' });
  });

  it('a crash during save leaves the previous version openable', async () => {
    const file = path.join(folder, 'crash.rankscope');
    await new ProjectFileStore().save(file, document);
    const crashing = new ProjectFileStore({
      writeOptions: {
        beforeRename: () => {
          throw new Error('power cut');
        },
      },
    });
    await expect(
      crashing.save(file, { ...document, title: 'never saved' }, new Map(), {
        overwriteExternalChanges: true,
      }),
    ).rejects.toThrow('power cut');
    expect((await new ProjectFileStore().open(file)).document.title).toBe(document.title);
    expect(await readdir(folder)).toEqual(['crash.rankscope']);
  });

  it('refuses bad files with a ProjectError naming the file', async () => {
    const store = new ProjectFileStore({ maxFileBytes: 1000 });
    const text = path.join(folder, 'notes.rankscope');
    await writeFile(text, 'hello');
    await expect(store.open(text)).rejects.toThrow(
      'notes.rankscope: this is not a Rankscope project: it is not a zip archive',
    );
    const big = path.join(folder, 'big.rankscope');
    await writeFile(big, new Uint8Array(2000));
    await expect(store.open(big)).rejects.toMatchObject({ kind: 'too-large' });
    await expect(store.open(big)).rejects.toBeInstanceOf(ProjectError);
  });

  it('opens a version-1 file, migrated, and saves it as the current version', async () => {
    const store = new ProjectFileStore();
    const file = path.join(folder, 'old.rankscope');
    await writeFile(
      file,
      await readFile(new URL('../../core/project/fixtures/v1-system.rankscope', import.meta.url)),
    );
    const opened = await store.open(file);
    expect(opened.fileVersion).toBe(1);
    expect(opened.document.version).toBe(projectVersion);
    await store.save(file, opened.document);
    expect((await new ProjectFileStore().open(file)).fileVersion).toBe(projectVersion);
  });
});
