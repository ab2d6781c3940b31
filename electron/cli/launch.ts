// Starting Rankscope itself from the command line: the desktop app (Electron) on some files, or,
// where Electron cannot run (no binary, no display, RANKSCOPE_WEB set), the web host — the same
// choice scripts/start.mjs makes, without fetching Electron.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** Something about this installation (not the input) stops the app from starting: exit 1. */
export class LaunchError extends Error {
  override name = 'LaunchError';
}

/** The folder of Rankscope's package.json, found upward from this file (source or bundle). */
export function packageRoot(): string {
  let folder = path.dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const manifest = path.join(folder, 'package.json');
    if (existsSync(manifest) && JSON.parse(readFileSync(manifest, 'utf8')).name === 'rankscope')
      return folder;
    const parent = path.dirname(folder);
    if (parent === folder) throw new LaunchError("Rankscope's package folder was not found");
    folder = parent;
  }
}

/** Electron's binary when it is installed and a display can show its window. */
export function electronBinary(root: string): string | undefined {
  if (process.env.RANKSCOPE_WEB) return undefined;
  if (process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY)
    return undefined;
  try {
    const packageFile = createRequire(path.join(root, 'package.json')).resolve(
      'electron/package.json',
    );
    const folder = path.dirname(packageFile);
    const pathFile = path.join(folder, 'path.txt');
    if (!existsSync(pathFile)) return undefined;
    const binary = path.join(folder, 'dist', readFileSync(pathFile, 'utf8').trim());
    return existsSync(binary) ? binary : undefined;
  } catch {
    return undefined;
  }
}

/** The built app (out/), built here once with electron-vite when this is a source checkout. */
export function ensureAppBuilt(root: string): void {
  if (existsSync(path.join(root, 'out/main/web.js')) && existsSync(path.join(root, 'out/renderer')))
    return;
  const builder = path.join(root, 'node_modules/electron-vite/bin/electron-vite.js');
  if (!existsSync(builder))
    throw new LaunchError(`the app is not built in ${root}: run "npm run build" there`);
  process.stderr.write('Building Rankscope once (electron-vite build)…\n');
  const built = spawnSync(process.execPath, [builder, 'build'], {
    cwd: root,
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  if (built.status !== 0) throw new LaunchError('the app could not be built (see above)');
}

/** Runs the web host in the foreground until it stops; resolves to its exit code. */
export function runWebHost(root: string, args: string[]): Promise<number> {
  const child = spawn(process.execPath, [path.join(root, 'out/main/web.js'), ...args], {
    cwd: process.cwd(),
    stdio: 'inherit',
  });
  const forward = (signal: NodeJS.Signals) => child.kill(signal);
  process.on('SIGINT', forward);
  process.on('SIGTERM', forward);
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      process.off('SIGINT', forward);
      process.off('SIGTERM', forward);
      resolve(code ?? (signal ? 0 : 1));
    });
  });
}

/** Starts the desktop app on the files and returns at once (the app lives on its own). */
export function openInElectron(binary: string, root: string, files: string[]): void {
  const child = spawn(binary, [root, ...files], { detached: true, stdio: 'ignore' });
  child.unref();
}

/**
 * The web host's root folder for some files: the current folder when it holds them all, else the
 * deepest folder that does.
 */
export function rootFor(files: string[]): string {
  const here = process.cwd();
  const inside = (folder: string, file: string) => {
    const relative = path.relative(folder, file);
    return relative !== '' && !relative.startsWith('..') && !path.isAbsolute(relative);
  };
  if (files.every((file) => inside(here, file))) return here;
  let common = path.dirname(files[0]);
  while (!files.every((file) => inside(common, file))) common = path.dirname(common);
  return common;
}

export function isFolder(candidate: string): boolean {
  try {
    return statSync(candidate).isDirectory();
  } catch {
    return false;
  }
}
