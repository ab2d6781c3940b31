// `rankscope serve` and `rankscope open` start the real web host (Electron's binary cannot run
// here; RANKSCOPE_WEB makes `open` choose the web host as it would on such a machine), which
// then answers with the app's page; Ctrl+C stops it.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, realpathSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildForTests, repositoryRoot } from './build-for-tests';
import { ensureAppBuilt, rootFor } from './launch';

beforeAll(async () => {
  await buildForTests();
  ensureAppBuilt(repositoryRoot);
}, 600_000);

/** Starts the command and resolves with the address it prints, and everything on stderr. */
function start(
  args: string[],
): Promise<{ child: ChildProcess; url: string; stderr: () => string }> {
  const child = spawn(process.execPath, [path.join(repositoryRoot, 'bin/rankscope.mjs'), ...args], {
    cwd: repositoryRoot,
    env: { ...process.env, RANKSCOPE_WEB: '1' },
  });
  let stdout = '';
  let stderr = '';
  child.stderr!.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  return new Promise((resolve, reject) => {
    child.on('exit', (code) => reject(new Error(`exited with ${code}: ${stderr}`)));
    child.stdout!.setEncoding('utf8').on('data', (chunk: string) => {
      stdout += chunk;
      const address = /running at (http:\/\/127\.0\.0\.1:\d+\/\S*)/.exec(stdout);
      if (address) resolve({ child, url: address[1], stderr: () => stderr });
    });
  });
}

function stop(child: ChildProcess): Promise<number | null> {
  return new Promise((resolve) => {
    child.removeAllListeners('exit');
    child.on('exit', (code) => resolve(code));
    child.kill('SIGINT');
  });
}

describe('serve and open', () => {
  it('serve starts the web host on 127.0.0.1, which serves the app until Ctrl+C', async () => {
    const root = mkdtempSync(path.join(tmpdir(), 'rankscope-serve-'));
    const { child, url } = await start(['serve', '--root', root]);
    const page = await fetch(url);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('<div id="root">');
    expect(await stop(child)).toBe(0);
  }, 120_000);

  it('open starts the web host where Electron cannot run, with a root that holds the files', async () => {
    const folder = realpathSync(mkdtempSync(path.join(tmpdir(), 'rankscope-open-')));
    const file = path.join(folder, 'a.csv');
    writeFileSync(file, '1,2\n2,4\n');
    const { child, url, stderr } = await start(['open', file]);
    expect(stderr()).toContain(`opening Rankscope in the web host (root ${folder})`);
    expect((await fetch(url)).status).toBe(200);
    expect(await stop(child)).toBe(0);
  }, 120_000);

  it("the web host's root for files is the current folder when it holds them, else their common folder", () => {
    const here = process.cwd();
    expect(rootFor([path.join(here, 'a.csv'), path.join(here, 'sub/b.csv')])).toBe(here);
    expect(rootFor(['/data/x/a.csv', '/data/y/b.csv'])).toBe('/data');
    expect(rootFor(['/data/x/a.csv'])).toBe('/data/x');
  });
});
