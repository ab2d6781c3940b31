import { describe, it, expect, beforeEach, afterEach } from 'vitest';
import fc from 'fast-check';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { RecentFiles } from './recent-files';

let folder: string;
beforeEach(async () => {
  folder = await mkdtemp(path.join(os.tmpdir(), 'rankscope-recent-'));
});
afterEach(async () => {
  await rm(folder, { recursive: true, force: true });
});

const at = (name: string) => path.join(folder, name);

describe('RecentFiles', () => {
  it('keeps the most recent first, each path once, persisted across instances', async () => {
    let clock = 0;
    const recent = new RecentFiles(folder, { now: () => ++clock, platform: 'linux' });
    await recent.add(at('a.rankscope'));
    await recent.add(at('b.rankscope'));
    await recent.add(at('sub/../a.rankscope'));
    expect((await recent.list()).map((file) => path.basename(file.path))).toEqual([
      'a.rankscope',
      'b.rankscope',
    ]);
    const reloaded = new RecentFiles(folder, { platform: 'linux' });
    expect(await reloaded.list()).toEqual([
      { path: at('a.rankscope'), openedAt: 3 },
      { path: at('b.rankscope'), openedAt: 2 },
    ]);
    await reloaded.remove(at('a.rankscope'));
    expect((await recent.list()).map((file) => file.path)).toEqual([at('b.rankscope')]);
    await recent.clear();
    expect(await reloaded.list()).toEqual([]);
  });

  it('any sequence of adds gives at most ten distinct paths, the last added first', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.integer({ min: 0, max: 14 }), { minLength: 1, maxLength: 20 }),
        async (sequence) => {
          await rm(path.join(folder, 'recent-files.json'), { force: true });
          const recent = new RecentFiles(folder);
          await Promise.all(sequence.map((n) => recent.add(at(`p${n}.rankscope`))));
          const list = (await recent.list()).map((file) => file.path);
          const expected: string[] = [];
          for (const n of [...sequence].reverse())
            if (!expected.includes(at(`p${n}.rankscope`))) expected.push(at(`p${n}.rankscope`));
          expect(list).toEqual(expected.slice(0, 10));
        },
      ),
      { numRuns: 10 },
    );
  });

  it('ignores case where the platform does', async () => {
    const recent = new RecentFiles(folder, { platform: 'win32' });
    await recent.add(at('Lecture.rankscope'));
    await recent.add(at('LECTURE.rankscope'));
    expect((await recent.list()).map((file) => path.basename(file.path))).toEqual([
      'LECTURE.rankscope',
    ]);
  });

  it('treats a damaged list as empty and lists only files that exist', async () => {
    await writeFile(path.join(folder, 'recent-files.json'), '{"version": 1, "files": [');
    const recent = new RecentFiles(folder);
    expect(await recent.list()).toEqual([]);
    await writeFile(at('here.rankscope'), 'x');
    await recent.add(at('gone.rankscope'));
    await recent.add(at('here.rankscope'));
    expect((await recent.listExisting()).map((file) => file.path)).toEqual([at('here.rankscope')]);
  });
});
