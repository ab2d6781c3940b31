// Test support: builds dist/ (the bundled command line and the library, with types) once for all
// test files that run it, however many run at the same time: a lock folder serializes them, and a
// stamp newer than every source file says the build is current.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const repositoryRoot = fileURLToPath(new URL('../..', import.meta.url));
// Kept out of dist/, which is packed as it is.
const lock = path.join(repositoryRoot, 'node_modules/.cache/rankscope-build/lock');
const stamp = path.join(repositoryRoot, 'node_modules/.cache/rankscope-build/stamp');
const sources = [
  'core',
  'electron/cli',
  'electron/services',
  'bin',
  'scripts/build-cli.mjs',
  'package.json',
];

function newestSource(entry: string): number {
  const stats = statSync(entry);
  if (!stats.isDirectory()) return stats.mtimeMs;
  let newest = stats.mtimeMs;
  for (const name of readdirSync(entry)) {
    if (name === 'node_modules' || name === 'fixtures') continue;
    newest = Math.max(newest, newestSource(path.join(entry, name)));
  }
  return newest;
}

function isCurrent(): boolean {
  if (!existsSync(stamp)) return false;
  const built = statSync(stamp).mtimeMs;
  return sources.every((source) => newestSource(path.join(repositoryRoot, source)) <= built);
}

export async function buildForTests(): Promise<void> {
  mkdirSync(path.dirname(lock), { recursive: true });
  for (;;) {
    try {
      mkdirSync(lock);
      break;
    } catch {
      // Another test file is building; a lock older than five minutes was left by a killed run.
      if (existsSync(lock) && Date.now() - statSync(lock).mtimeMs > 300_000)
        rmSync(lock, { recursive: true, force: true });
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  }
  try {
    if (isCurrent()) return;
    const built = spawnSync(process.execPath, ['scripts/build-cli.mjs', '--types', '--quiet'], {
      cwd: repositoryRoot,
      encoding: 'utf8',
    });
    if (built.status !== 0) throw new Error(`the build failed:\n${built.stdout}\n${built.stderr}`);
    writeFileSync(stamp, new Date().toISOString());
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
}
