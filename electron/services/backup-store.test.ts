import { describe, it, expect, beforeEach, afterEach, vi } from 'vitest';
import { mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Matrix } from '../../core/linalg/matrix';
import { densePath } from '../../core/project/container';
import { projectVersion, type ProjectDocument } from '../../core/project/schema';
import { BackupStore } from './backup-store';

let folder: string;
beforeEach(async () => {
  folder = await mkdtemp(path.join(os.tmpdir(), 'rankscope-backup-'));
});
afterEach(async () => {
  vi.useRealTimers();
  await rm(folder, { recursive: true, force: true });
});

const documentTitled = (title: string): ProjectDocument => ({
  type: 'rankscope',
  version: projectVersion,
  title,
  matrices: [{ id: 'a', name: 'A', entries: [['1', '1/3']] }],
  views: {},
  notes: 'unsaved notes ✎',
});

/** A document holding a dense matrix (imported, its numbers only in the host) under `id`. */
const documentWithDense = (title: string, id: string, matrix: Matrix): ProjectDocument => ({
  ...documentTitled(title),
  matrices: [
    ...documentTitled(title).matrices,
    {
      id,
      name: 'Weights',
      entries: [],
      dense: { path: densePath(id), rows: matrix.rows, cols: matrix.cols, dtype: 'float64' },
    },
  ],
});
const weights: Matrix = {
  rows: 70,
  cols: 3,
  data: Float64Array.from({ length: 210 }, (_, k) => (k % 13) / 7 - 1e-300 * k),
};

/** A store whose other runs are all dead (or all alive), as after a crash (or with two windows). */
let nextPid = 1000;
const storeFor = (runId: string, othersAlive = false, debounceMs = 1000) =>
  new BackupStore(folder, { runId, debounceMs, pid: nextPid++, isProcessAlive: () => othersAlive });

describe('BackupStore', () => {
  it('writes one backup a second after the last of many changes', async () => {
    vi.useFakeTimers();
    const store = storeFor('run-a');
    await store.start();
    for (let k = 1; k <= 5; k++) {
      store.scheduleBackup('window-1', documentTitled(`draft ${k}`));
      await vi.advanceTimersByTimeAsync(300);
    }
    expect(await readdir(path.join(folder, 'backups'))).toEqual([]);
    await vi.advanceTimersByTimeAsync(699);
    expect(await readdir(path.join(folder, 'backups'))).toEqual([]);
    await vi.advanceTimersByTimeAsync(1);
    await store.whenIdle();
    const backup = JSON.parse(
      await readFile(path.join(folder, 'backups', 'window-1.json'), 'utf8'),
    );
    expect(backup.document.title).toBe('draft 5');
  });

  it('backup → crash → listRecoverable → restore round trip', async () => {
    const crashed = storeFor('run-crashed');
    await crashed.start();
    crashed.scheduleBackup('window-1', documentTitled('Lecture 9'), {
      path: '/home/me/lecture9.rankscope',
    });
    crashed.scheduleBackup('window-2', documentTitled(''));
    await crashed.flush();
    // The process dies here: no end(), the lock stays.

    const next = storeFor('run-next');
    await next.start();
    const recoverable = await next.listRecoverable();
    expect(
      recoverable
        .map(({ id, title, path }) => ({ id, title, path }))
        .sort((a, b) => a.id.localeCompare(b.id)),
    ).toEqual([
      { id: 'window-1', title: 'Lecture 9', path: '/home/me/lecture9.rankscope' },
      { id: 'window-2', title: 'Untitled', path: undefined },
    ]);
    const restored = await next.restore('window-1');
    expect(restored.document).toEqual(documentTitled('Lecture 9'));
    expect(restored.path).toBe('/home/me/lecture9.rankscope');
    await next.discard('window-2');
    // Restored backups now belong to this run: not offered again while it lives…
    expect(await next.listRecoverable()).toEqual([]);
    // …but offered again if this run crashes too.
    const third = storeFor('run-third');
    expect((await third.listRecoverable()).map((backup) => backup.id)).toEqual(['window-1']);
    // Saving clears it for good.
    await next.clear('window-1');
    expect(await third.listRecoverable()).toEqual([]);
  });

  it('offers nothing after a clean quit, and tidies the lock files', async () => {
    const clean = storeFor('run-clean');
    await clean.start();
    clean.scheduleBackup('window-1', documentTitled('declined changes'));
    await clean.flush();
    await clean.end();
    expect(await storeFor('run-after').listRecoverable()).toEqual([]);
    expect(await readdir(path.join(folder, 'runs'))).toEqual([]);
  });

  it('does not offer the backups of another instance that is still running', async () => {
    const other = storeFor('run-other');
    await other.start();
    other.scheduleBackup('window-9', documentTitled('open elsewhere'));
    await other.flush();
    expect(await storeFor('run-mine', true).listRecoverable()).toEqual([]);
    expect((await storeFor('run-mine', false).listRecoverable()).length).toBe(1);
  });

  it('clear before the delay means nothing is written, even if a write is in flight', async () => {
    const store = storeFor('run-a', false, 10);
    await store.start();
    store.scheduleBackup('window-1', documentTitled('saved quickly'));
    await store.clear('window-1');
    await new Promise((resolve) => setTimeout(resolve, 30));
    await store.whenIdle();
    expect(await readdir(path.join(folder, 'backups'))).toEqual([]);

    store.scheduleBackup('window-1', documentTitled('racing'));
    const flushing = store.flush();
    await store.clear('window-1');
    await flushing;
    expect(await readdir(path.join(folder, 'backups'))).toEqual([]);
  });

  it('migrates an older backup on restore, and offers damaged ones saying what is wrong', async () => {
    const store = storeFor('run-now');
    await store.start();
    const v1 = JSON.parse(
      await readFile(
        new URL('../../core/project/fixtures/v1-system.json', import.meta.url),
        'utf8',
      ),
    );
    await writeFile(
      path.join(folder, 'backups', 'old.json'),
      JSON.stringify({
        type: 'rankscope-backup',
        sessionId: 'old',
        runId: 'run-gone',
        savedAt: 1,
        document: v1,
      }),
    );
    await writeFile(
      path.join(folder, 'backups', 'broken.json'),
      '{"type": "rankscope-backup", "sess',
    );
    const offered = await store.listRecoverable();
    expect(offered.map((backup) => backup.id).sort()).toEqual(['broken', 'old']);
    expect(offered.find((backup) => backup.id === 'old')).toMatchObject({ recoverable: true });
    expect(offered.find((backup) => backup.id === 'old')!.problem).toBeUndefined();
    // Cut short before its document: offered with the reason, only to be discarded.
    expect(offered.find((backup) => backup.id === 'broken')).toMatchObject({
      recoverable: false,
      problem: expect.stringMatching(
        /^The backup file is cut short .* Nothing in it can be recovered\.$/,
      ),
    });
    await expect(store.restore('broken')).rejects.toMatchObject({ name: 'Unrecoverable' });
    const restored = await store.restore('old');
    expect(restored.document.version).toBe(projectVersion);
    expect(restored.losses).toEqual([]);
    expect('sessions' in restored.document).toBe(false);
  });

  it('recovers what a truncated or invalid backup still holds, naming what is lost', async () => {
    const store = storeFor('run-now');
    await store.start();
    const whole = JSON.stringify({
      type: 'rankscope-backup',
      sessionId: 'cut',
      runId: 'run-gone',
      savedAt: 5,
      document: {
        ...documentTitled('Lecture'),
        matrices: [
          { id: 'a', name: 'A', entries: [['1', '2']] },
          { id: 'b', name: 'B', entries: [['3']] },
          { id: 'c', name: 'C', entries: [['4']] },
        ],
      },
    });
    // Cut inside the third matrix: the title and two matrices survive.
    await writeFile(
      path.join(folder, 'backups', 'cut.json'),
      whole.slice(0, whole.indexOf('"id":"c"') + 3),
    );
    const invalid = JSON.parse(whole.replace('"cut"', '"bad"'));
    invalid.document.matrices[1].entries = 'not a grid';
    await writeFile(path.join(folder, 'backups', 'bad.json'), JSON.stringify(invalid));
    const offered = await store.listRecoverable();
    expect(offered.find((backup) => backup.id === 'cut')).toMatchObject({
      title: 'Lecture',
      recoverable: true,
      problem: expect.stringMatching(/cut short.*Its title and 2 matrices can be recovered\.$/),
    });
    expect(offered.find((backup) => backup.id === 'bad')).toMatchObject({
      problem:
        'The backed-up document does not pass the project checks. 1 matrix of 3 could not be read (“B”). Its title and 2 matrices can be recovered.',
    });
    const restored = await store.restore('bad');
    expect(restored.document.matrices.map((matrix) => matrix.name)).toEqual(['A', 'C']);
    expect(restored.losses).toEqual(['1 matrix of 3 could not be read (“B”).']);
    // Adopted, repaired: offered no more, and whole when read again.
    expect((await store.listRecoverable()).map((backup) => backup.id)).toEqual(['cut']);
  });

  it('writes dense numbers once beside the backup, restores them, and removes them with it', async () => {
    const crashed = storeFor('run-crashed');
    await crashed.start();
    const id = 'dense-1';
    const dense = new Map([[id, weights]]);
    crashed.scheduleBackup('window-1', documentWithDense('first', id, weights), {}, dense);
    await crashed.flush();
    const numbers = path.join(folder, 'backups', 'window-1.dense', 'dense-1.npy');
    const written = await stat(numbers);
    crashed.scheduleBackup('window-1', documentWithDense('second', id, weights), {}, dense);
    await crashed.flush();
    // They never change, so a later backup leaves the file alone (an atomic rewrite would not).
    expect((await stat(numbers)).ino).toBe(written.ino);

    const next = storeFor('run-next');
    await next.start();
    const restored = await next.restore('window-1');
    expect(restored.document.title).toBe('second');
    expect(restored.dense.get(id)).toEqual(weights);
    await next.clear('window-1');
    expect(await readdir(path.join(folder, 'backups'))).toEqual([]);
  });

  it('a lost numbers file costs that matrix, not the document', async () => {
    const crashed = storeFor('run-crashed');
    await crashed.start();
    const odd = 'a/../b.*~';
    crashed.scheduleBackup(
      'window-1',
      documentWithDense('odd ids', odd, weights),
      {},
      new Map([[odd, weights]]),
    );
    await crashed.flush();
    // Any matrix id becomes one safe file name inside the session's folder.
    const files = await readdir(path.join(folder, 'backups', 'window-1.dense'));
    expect(files).toEqual(['a%2F%2E%2E%2Fb%2E%2A%7E.npy']);
    expect((await storeFor('run-a').restore('window-1')).dense.get(odd)).toEqual(weights);
    await rm(path.join(folder, 'backups', 'window-1.dense', files[0]));
    const restored = await storeFor('run-b').restore('window-1');
    expect(restored.document.title).toBe('odd ids');
    expect(restored.dense.size).toBe(0);
  });

  it('a clear as dense numbers start to be written leaves nothing behind, nor does a clean quit', async () => {
    const store = storeFor('run-a', false, 10);
    await store.start();
    store.scheduleBackup(
      'window-1',
      documentWithDense('racing', 'w', weights),
      {},
      new Map([['w', weights]]),
    );
    const flushing = store.flush();
    await store.clear('window-1');
    await flushing;
    expect(await readdir(path.join(folder, 'backups'))).toEqual([]);
    // The next backup writes the numbers again: the clear took the old ones.
    store.scheduleBackup(
      'window-1',
      documentWithDense('after', 'w', weights),
      {},
      new Map([['w', weights]]),
    );
    await store.flush();
    expect(await readdir(path.join(folder, 'backups', 'window-1.dense'))).toEqual(['w.npy']);
    await store.end();
    expect(await readdir(path.join(folder, 'backups'))).toEqual([]);
  });

  it('refuses session ids that are not safe file names', () => {
    expect(() => storeFor('run').scheduleBackup('../escape', documentTitled('x'))).toThrow(
      RangeError,
    );
  });
});
