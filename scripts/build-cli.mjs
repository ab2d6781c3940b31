// Builds the command line (dist/cli) and the library (dist/library) with esbuild: bundled ES
// modules, so `rankscope` starts without a compiler; each command's work is a chunk loaded only
// when the command runs. With --types, also the library's declarations (dist/types) with tsc.
// `npm install` runs this through the prepare script; `npm run build:cli` runs it by hand.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const quiet = process.argv.includes('--quiet');
const withTypes = process.argv.includes('--types');
const started = performance.now();

let build;
try {
  ({ build } = await import('esbuild'));
} catch {
  // An install without devDependencies (npm ci --omit=dev) still runs prepare: say so, do not fail.
  console.warn(
    'rankscope: esbuild is not installed, so the command line was not built (npm run build:cli after installing devDependencies)',
  );
  process.exit(0);
}

const common = {
  absWorkingDir: root,
  bundle: true,
  format: 'esm',
  target: 'node20.19',
  // Smaller files parse faster at every start; names are kept for readable stack traces.
  minifyWhitespace: true,
  minifySyntax: true,
  legalComments: 'linked',
  logLevel: 'warning',
};

/**
 * Commander requires node:child_process at load, for subcommands that are separate executables
 * (rankscope has none); loading it pulls in net, dgram and the stream classes, a few milliseconds
 * of every start. Commander gets a stand-in that requires the real module on first use.
 */
const childProcessOnFirstUse = {
  name: 'child-process-on-first-use',
  setup(build) {
    build.onResolve({ filter: /^(node:)?child_process$/ }, (args) =>
      /[\\/]node_modules[\\/]commander[\\/]/.test(args.importer)
        ? { path: 'child_process', namespace: 'on-first-use' }
        : undefined,
    );
    build.onLoad({ filter: /.*/, namespace: 'on-first-use' }, () => ({
      contents:
        "let real; module.exports = new Proxy({}, { get: (_, key) => (real ??= require('node:child_process'))[key] });",
      loader: 'js',
    }));
  },
};

rmSync(path.join(root, 'dist/cli'), { recursive: true, force: true });
rmSync(path.join(root, 'dist/library'), { recursive: true, force: true });
await Promise.all([
  build({
    ...common,
    entryPoints: { main: 'electron/cli/main.ts' },
    outdir: 'dist/cli',
    platform: 'node',
    plugins: [childProcessOnFirstUse],
    splitting: true,
    chunkNames: 'chunks/[name]-[hash]',
    // Bundled CommonJS packages (commander) require Node's own modules.
    banner: {
      js: "import { createRequire as rankscopeRequire } from 'node:module'; const require = rankscopeRequire(import.meta.url);",
    },
  }),
  build({
    ...common,
    entryPoints: { index: 'core/library/index.ts' },
    outdir: 'dist/library',
    // Pure: the same file runs in Node, workers and browsers.
    platform: 'neutral',
    mainFields: ['module', 'main'],
    splitting: false,
  }),
]);

if (withTypes) {
  rmSync(path.join(root, 'dist/types'), { recursive: true, force: true });
  const tsc = spawnSync(
    process.execPath,
    [path.join(root, 'node_modules/typescript/lib/tsc.js'), '-p', 'tsconfig.library.json'],
    { cwd: root, stdio: 'inherit' },
  );
  if (tsc.status !== 0) process.exit(tsc.status ?? 1);
  addJsExtensions(path.join(root, 'dist/types'));
}

if (!quiet) {
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  console.log(
    `rankscope: built dist/cli and dist/library${withTypes ? ' with types' : ''} in ${seconds} s`,
  );
}

/**
 * Declarations name their imports as the sources do ("../linalg/matrix"); Node's ESM resolution
 * (moduleResolution node16 / nodenext) wants the file: "../linalg/matrix.js" or ".../index.js".
 */
function addJsExtensions(folder) {
  for (const entry of readdirSync(folder)) {
    const file = path.join(folder, entry);
    if (statSync(file).isDirectory()) addJsExtensions(file);
    else if (file.endsWith('.d.ts')) {
      const text = readFileSync(file, 'utf8').replace(
        /(from\s+|import\()(['"])(\.{1,2}\/[^'"]+)\2/g,
        (whole, before, quote, specifier) => {
          if (/\.(js|json)$/.test(specifier)) return whole;
          const target = path.resolve(path.dirname(file), specifier);
          const resolved = existsSync(`${target}.d.ts`)
            ? `${specifier}.js`
            : `${specifier}/index.js`;
          return `${before}${quote}${resolved}${quote}`;
        },
      );
      writeFileSync(file, text);
    }
  }
}
