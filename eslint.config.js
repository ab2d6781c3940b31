// Lint, and the layering rule of ARCHITECTURE.md between the rooms: imports point renderer → core
// and electron → core; core touches no process, DOM or Electron; the renderer no Node or Electron.
// The layers inside each room and the absence of cycles: .dependency-cruiser.cjs (npm run lint).
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';
import reactHooks from 'eslint-plugin-react-hooks';

const nodeBuiltins = [
  'node:*',
  'fs',
  'path',
  'os',
  'child_process',
  'worker_threads',
  'http',
  'crypto',
  'url',
  'stream',
  'net',
];

export default tseslint.config(
  {
    ignores: [
      'out/**',
      // The bundled command line and library (scripts/build-cli.mjs).
      'dist/**',
      'node_modules/**',
      'test-results/**',
      'playwright-report/**',
      'e2e/artifacts/**',
      // AssemblyScript, compiled and checked by asc (scripts/build-wasm.mjs).
      'core/linalg/kernels/wasm/assembly/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      '@typescript-eslint/no-non-null-assertion': 'off',
    },
  },
  {
    files: ['core/**/*.ts'],
    languageOptions: { globals: { ...globals['shared-node-browser'] } },
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: nodeBuiltins, message: 'core/ is pure TypeScript: no Node built-ins.' },
            { group: ['electron', 'electron/*'], message: 'core/ must not import Electron.' },
            {
              group: ['**/electron/**', '**/renderer/**'],
              message: 'core/ imports nothing outside core/.',
            },
            { group: ['react', 'react-dom', 'three', 'd3', 'd3-*'], message: 'core/ knows no UI.' },
          ],
        },
      ],
      'no-restricted-globals': ['error', 'window', 'document', 'process', 'require', 'Buffer'],
    },
  },
  {
    // Benchmarks and tests run in Node and may read fixtures; they still import nothing outside
    // core/ (layers inside each room, and cycles: .dependency-cruiser.cjs).
    files: [
      'core/bench/**/*.ts',
      'core/**/*.test.ts',
      'core/**/*.bench.ts',
      'core/**/*.setup.ts',
      'core/**/test-support.ts',
    ],
    languageOptions: { globals: { ...globals.node } },
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['electron', 'electron/*'], message: 'core/ must not import Electron.' },
            {
              group: ['**/electron/**', '**/renderer/**'],
              message: 'core/ imports nothing outside core/, in tests and benches too.',
            },
          ],
        },
      ],
      'no-restricted-globals': 'off',
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'warn',
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: nodeBuiltins,
              message: 'The renderer has no Node: ask the host through HostApi.',
            },
            { group: ['electron', 'electron/*'], message: 'The renderer never imports Electron.' },
            {
              group: ['**/electron/**'],
              message: 'The renderer talks to the host only through core/protocol.',
            },
          ],
        },
      ],
    },
  },
  {
    // Renderer unit tests run in Node (vitest) and may read fixtures from disk.
    files: ['renderer/**/*.test.ts'],
    languageOptions: { globals: { ...globals.node } },
    rules: { 'no-restricted-imports': 'off' },
  },
  {
    files: ['electron/preload/**/*.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/core/**'],
              allowTypeImports: true,
              message: 'The preload imports only types from core/.',
            },
            {
              group: ['**/services/**', '**/renderer/**', '**/main/**'],
              message: 'The preload stays thin.',
            },
          ],
        },
      ],
    },
  },
  {
    files: [
      'electron/**/*.ts',
      'e2e/**/*.ts',
      'bin/**/*.mjs',
      'scripts/**/*.{mjs,ts}',
      'electron/**/*.mjs',
      '*.config.{ts,js}',
    ],
    languageOptions: { globals: { ...globals.node } },
  },
  {
    files: ['**/*.cjs'],
    languageOptions: { sourceType: 'commonjs', globals: { ...globals.node } },
  },
  {
    // Playwright fixtures must destructure their dependencies, even when there are none.
    files: ['e2e/**/*.ts'],
    rules: { 'no-empty-pattern': 'off' },
  },
  {
    files: ['electron/**/*.ts'],
    ignores: ['electron/preload/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['**/renderer/**'], message: 'The host never imports the renderer.' },
          ],
        },
      ],
    },
  },
);
