// The package as a stranger gets it: `npm pack`, then an install of the tarball into an empty
// folder (from npm's cache, by a lockfile made from ours, so no network is needed), then the
// README's library example run there and type-checked as TypeScript, and the installed command.
import { execFileSync, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildForTests, repositoryRoot } from './build-for-tests';

const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
let folder: string;

/** The README's library example: the code block after the "library example" comment. */
function readmeExample(): string {
  const readme = readFileSync(path.join(repositoryRoot, 'README.md'), 'utf8');
  const block = /<!-- library example[\s\S]*?-->\s*```js\n([\s\S]*?)```/.exec(readme);
  if (!block) throw new Error('README.md has no library example');
  return block[1];
}

/** What the example says it prints: the "// …" line after each console.log call. */
function documentedOutput(example: string): string[] {
  const lines = example.split('\n');
  const expected: string[] = [];
  let inCall = false;
  for (const line of lines) {
    if (line.startsWith('console.log(')) inCall = true;
    else if (inCall && line.startsWith('// ')) {
      expected.push(line.slice(3));
      inCall = false;
    }
  }
  return expected;
}

beforeAll(async () => {
  await buildForTests();
  folder = mkdtempSync(path.join(tmpdir(), 'rankscope-package-'));
  // dist/ is built (with types) by buildForTests, as the prepare script builds it for `npm pack`;
  // running prepare again here would rebuild dist/ under the other test files' feet.
  const packed = JSON.parse(
    execFileSync(npm, ['pack', '--ignore-scripts', '--json', '--pack-destination', folder], {
      cwd: repositoryRoot,
      encoding: 'utf8',
    }),
  )[0] as { filename: string };
  const tarball = packed.filename;
  const integrity =
    'sha512-' +
    createHash('sha512')
      .update(readFileSync(path.join(folder, tarball)))
      .digest('base64');
  const manifest = JSON.parse(readFileSync(path.join(repositoryRoot, 'package.json'), 'utf8'));
  const ourLock = JSON.parse(readFileSync(path.join(repositoryRoot, 'package-lock.json'), 'utf8'));
  const packages: Record<string, unknown> = {
    '': { name: 'stranger', dependencies: { rankscope: `file:${tarball}` } },
    'node_modules/rankscope': {
      version: manifest.version,
      resolved: `file:${tarball}`,
      integrity,
      license: manifest.license,
      dependencies: manifest.dependencies,
      bin: manifest.bin,
      engines: manifest.engines,
    },
  };
  // The runtime dependencies, exactly as our lockfile pins them (its dev-only entries left out).
  for (const [key, entry] of Object.entries(
    ourLock.packages as Record<string, { dev?: boolean }>,
  )) {
    if (key === '' || entry.dev) continue;
    const { devOptional: _devOptional, ...rest } = entry as Record<string, unknown>;
    packages[key] = rest;
  }
  writeFileSync(
    path.join(folder, 'package.json'),
    JSON.stringify({
      name: 'stranger',
      private: true,
      type: 'module',
      dependencies: { rankscope: `file:${tarball}` },
    }),
  );
  writeFileSync(
    path.join(folder, 'package-lock.json'),
    JSON.stringify({ name: 'stranger', lockfileVersion: 3, requires: true, packages }),
  );
  execFileSync(npm, ['ci', '--offline', '--ignore-scripts', '--no-audit', '--no-fund'], {
    cwd: folder,
    stdio: 'ignore',
  });
}, 600_000);

describe('the packed package, installed into an empty folder', () => {
  it('holds the built command and library, and no TypeScript source', () => {
    const installed = path.join(folder, 'node_modules/rankscope');
    expect(readdirSync(installed).sort()).toEqual(
      expect.arrayContaining(['README.md', 'bin', 'dist', 'package.json']),
    );
    expect(readdirSync(installed)).not.toContain('core');
    expect(readdirSync(path.join(installed, 'dist'))).toEqual(
      expect.arrayContaining(['cli', 'library', 'types']),
    );
  });

  it("runs the README's library example and prints what the README says", () => {
    const example = readmeExample();
    writeFileSync(path.join(folder, 'example.mjs'), example);
    const run = spawnSync(process.execPath, ['example.mjs'], { cwd: folder, encoding: 'utf8' });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(run.stdout.trimEnd().split('\n')).toEqual(documentedOutput(example));
  });

  it('type-checks the same example as TypeScript against the shipped declarations', () => {
    writeFileSync(path.join(folder, 'example.ts'), readmeExample());
    writeFileSync(
      path.join(folder, 'tsconfig.json'),
      JSON.stringify({
        compilerOptions: {
          module: 'nodenext',
          moduleResolution: 'nodenext',
          target: 'es2022',
          lib: ['es2023', 'dom'],
          strict: true,
          noEmit: true,
          skipLibCheck: false,
          types: [],
        },
        files: ['example.ts'],
      }),
    );
    const tsc = spawnSync(
      process.execPath,
      [path.join(repositoryRoot, 'node_modules/typescript/lib/tsc.js'), '-p', 'tsconfig.json'],
      { cwd: folder, encoding: 'utf8' },
    );
    expect(tsc.stdout + tsc.stderr).toBe('');
    expect(tsc.status).toBe(0);
  });

  it('installs the rankscope command, which runs without TypeScript tooling', () => {
    const command = path.join(folder, 'node_modules/.bin/rankscope');
    const version = spawnSync(command, ['--version'], { cwd: folder, encoding: 'utf8' });
    expect(version.stdout.trim()).toBe(
      JSON.parse(readFileSync(path.join(repositoryRoot, 'package.json'), 'utf8')).version,
    );
    expect(readdirSync(path.join(folder, 'node_modules'))).not.toContain('tsx');
    const rank = spawnSync(command, ['rank', '-', '--json'], {
      cwd: folder,
      encoding: 'utf8',
      input: '[1 2 3; 2 4 6; 1 3 4]',
    });
    expect(rank.status).toBe(0);
    expect(JSON.parse(rank.stdout)).toMatchObject({ format: 'matlab', rank: 2, nullity: 1 });
  });
});
