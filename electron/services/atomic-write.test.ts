import { describe, it, expect, beforeEach, afterEach } from 'vitest';
import { spawnSync } from 'node:child_process';
import {
  mkdtemp,
  readdir,
  readFile,
  rm,
  stat,
  symlink,
  writeFile,
  chmod,
  lstat,
} from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  isTemporaryFor,
  removeStaleTemporaryFiles,
  temporaryPathFor,
  writeFileAtomic,
} from './atomic-write';

let folder: string;
beforeEach(async () => {
  folder = await mkdtemp(path.join(os.tmpdir(), 'rankscope-atomic-'));
});
afterEach(async () => {
  await rm(folder, { recursive: true, force: true });
});

describe('writeFileAtomic', () => {
  it('creates a new file and replaces an existing one', async () => {
    const target = path.join(folder, 'project.rankscope');
    await writeFileAtomic(target, 'first');
    expect(await readFile(target, 'utf8')).toBe('first');
    await writeFileAtomic(target, new Uint8Array([1, 2, 3]));
    expect([...(await readFile(target))]).toEqual([1, 2, 3]);
    expect(await readdir(folder)).toEqual(['project.rankscope']);
  });

  it('a crash between write and rename leaves the old file intact and no temporary file', async () => {
    const target = path.join(folder, 'lecture.rankscope');
    await writeFile(target, 'the old afternoon of work');
    let sawTemporary = '';
    await expect(
      writeFileAtomic(target, 'half-saved new work', {
        beforeRename: async (temporary) => {
          sawTemporary = await readFile(temporary, 'utf8');
          throw new Error('simulated crash');
        },
      }),
    ).rejects.toThrow('simulated crash');
    expect(sawTemporary).toBe('half-saved new work'); // the new contents were fully written first
    expect(await readFile(target, 'utf8')).toBe('the old afternoon of work');
    expect(await readdir(folder)).toEqual(['lecture.rankscope']);
  });

  it('a process killed between write and rename leaves the old file intact', async () => {
    const target = path.join(folder, 'killed.rankscope');
    await writeFile(target, 'old contents');
    const child = fileURLToPath(new URL('./atomic-write.test-crash.ts', import.meta.url));
    // `node --import tsx` runs the child in this very process, so the kill reaches it directly.
    const result = spawnSync(process.execPath, ['--import', 'tsx', child, target], {
      encoding: 'utf8',
      timeout: 30_000,
    });
    expect(result.signal).toBe('SIGKILL');
    expect(await readFile(target, 'utf8')).toBe('old contents');
    // The killed process could not clean up; its temporary file is recognisable for later removal.
    const leftovers = (await readdir(folder)).filter((name) => name !== 'killed.rankscope');
    expect(leftovers.length).toBe(1);
    expect(isTemporaryFor(target, leftovers[0])).toBe(true);
    expect(await readFile(path.join(folder, leftovers[0]), 'utf8')).toBe(
      'new contents never renamed',
    );
    // Its writer is dead, so the leftover is removed; the project itself is untouched.
    expect(await removeStaleTemporaryFiles(target)).toEqual(leftovers);
    expect(await readdir(folder)).toEqual(['killed.rankscope']);
  });

  it('replaces the file a symbolic link points to, keeping the link and the mode', async () => {
    const real = path.join(folder, 'real.rankscope');
    const link = path.join(folder, 'link.rankscope');
    await writeFile(real, 'old');
    await chmod(real, 0o640);
    await symlink(real, link);
    await writeFileAtomic(link, 'new');
    expect((await lstat(link)).isSymbolicLink()).toBe(true);
    expect(await readFile(real, 'utf8')).toBe('new');
    expect((await stat(real)).mode & 0o777).toBe(0o640);
  });

  it('fails cleanly when the folder does not exist', async () => {
    await expect(
      writeFileAtomic(path.join(folder, 'missing', 'x.rankscope'), 'x'),
    ).rejects.toMatchObject({ code: 'ENOENT' });
  });

  it('names temporary files recognisably and uniquely', () => {
    const target = path.join(folder, 'a.rankscope');
    const first = temporaryPathFor(target);
    expect(first).not.toBe(temporaryPathFor(target));
    expect(path.dirname(first)).toBe(folder);
    expect(isTemporaryFor(target, path.basename(first))).toBe(true);
    expect(isTemporaryFor(target, 'a.rankscope')).toBe(false);
  });
});
