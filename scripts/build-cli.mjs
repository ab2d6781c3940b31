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

let build, transform;
try {
  ({ build, transform } = await import('esbuild'));
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

/**
 * The WebAssembly kernels come as four base64 strings (about 68 KB) that every command touching
 * the SVD would parse at each start, though only large matrices compile them. The command line
 * reads them instead from a file beside its chunk (wasm-kernels.json, written below), the first
 * time a kernel build is compiled.
 */
const kernelsSidecar = 'wasm-kernels.json';
const kernelsSource = 'core/linalg/kernels/wasm/kernels-binary.ts';
const kernelsOnFirstUse = {
  name: 'wasm-kernels-on-first-use',
  setup(build) {
    build.onLoad(
      { filter: /[\\/]core[\\/]linalg[\\/]kernels[\\/]wasm[\\/]kernels-binary\.ts$/ },
      async () => {
        const variants = Object.keys(await kernelsVariants());
        return {
          contents: `import { readFileSync } from 'node:fs';
let variants;
const variant = (name) => (variants ??= JSON.parse(readFileSync(new URL('./${kernelsSidecar}', import.meta.url), 'utf8')))[name];
export const kernelsWasmBase64 = { ${variants.map((name) => `get ${name}() { return variant('${name}'); }`).join(', ')} };`,
          loader: 'js',
        };
      },
    );
  },
};

let kernelsBase64;
/** The base64 of each kernel build, as core/linalg/kernels/wasm/kernels-binary.ts holds it. */
async function kernelsVariants() {
  if (!kernelsBase64) {
    const { code } = await transform(readFileSync(path.join(root, kernelsSource), 'utf8'), {
      loader: 'ts',
      format: 'esm',
    });
    ({ kernelsWasmBase64: kernelsBase64 } = await import(
      `data:text/javascript;base64,${Buffer.from(code).toString('base64')}`
    ));
  }
  return kernelsBase64;
}

rmSync(path.join(root, 'dist/cli'), { recursive: true, force: true });
rmSync(path.join(root, 'dist/library'), { recursive: true, force: true });
await Promise.all([
  build({
    ...common,
    entryPoints: { main: 'electron/cli/main.ts' },
    outdir: 'dist/cli',
    platform: 'node',
    plugins: [childProcessOnFirstUse, kernelsOnFirstUse],
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

// The sidecar goes beside the output file that reads it, wherever esbuild placed that.
const reader = outputFiles(path.join(root, 'dist/cli')).find((file) =>
  readFileSync(file, 'utf8').includes(kernelsSidecar),
);
if (!reader) throw new Error(`no file of dist/cli reads ${kernelsSidecar}`);
writeFileSync(
  path.join(path.dirname(reader), kernelsSidecar),
  JSON.stringify(await kernelsVariants()),
);

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

/** Every .js file under a folder. */
function outputFiles(folder) {
  return readdirSync(folder, { recursive: true })
    .map((name) => path.join(folder, name))
    .filter((file) => file.endsWith('.js'));
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
