// `npm start`: builds, then opens Rankscope in Electron. Electron's binary is fetched on the
// first launch; where it cannot be had (offline machines), Rankscope opens in the web host
// instead and says so, so `npm install && npm start` always gives a working app.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

const require = createRequire(import.meta.url);
const root = path.resolve(import.meta.dirname, '..');
const run = (command, args) =>
  spawnSync(command, args, { cwd: root, stdio: 'inherit', shell: process.platform === 'win32' });

if (!process.argv.includes('--no-build')) {
  const built = run(process.execPath, [
    path.join(root, 'node_modules/electron-vite/bin/electron-vite.js'),
    'build',
  ]);
  if (built.status !== 0) process.exit(built.status ?? 1);
}

function electronBinary() {
  const packageDir = path.dirname(require.resolve('electron/package.json'));
  const pathFile = path.join(packageDir, 'path.txt');
  if (!existsSync(pathFile)) return undefined;
  const binary = path.join(packageDir, 'dist', readFileSync(pathFile, 'utf8').trim());
  return existsSync(binary) ? binary : undefined;
}

let binary = electronBinary();
if (!binary && !process.env.RANKSCOPE_WEB) {
  console.log('Fetching Electron for the first launch…');
  const packageDir = path.dirname(require.resolve('electron/package.json'));
  const fetched = spawnSync(process.execPath, [path.join(packageDir, 'install.js')], {
    cwd: root,
    encoding: 'utf8',
  });
  binary = electronBinary();
  if (!binary) {
    const reason =
      `${fetched.stderr ?? ''}`.split('\n').find((line) => line.trim() !== '') ?? 'unknown error';
    console.log(`Electron's download failed: ${reason.trim()}`);
  }
}

if (binary && !process.env.RANKSCOPE_WEB) {
  const child = spawn(binary, [root], { cwd: root, stdio: 'inherit' });
  child.on('exit', (code) => process.exit(code ?? 0));
} else {
  console.log(
    'Electron could not be had on this machine; opening Rankscope in the web host instead.',
  );
  const child = spawn(process.execPath, [path.join(root, 'out/main/web.js')], {
    cwd: root,
    stdio: 'inherit',
  });
  child.on('exit', (code) => process.exit(code ?? 0));
}
