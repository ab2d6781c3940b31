import { resolve } from 'node:path';
import { defineConfig } from 'electron-vite';
import react from '@vitejs/plugin-react';
import { interactiveRuntimePlugin } from './scripts/interactive-runtime';

const root = import.meta.dirname;

export default defineConfig({
  main: {
    build: {
      outDir: 'out/main',
      rollupOptions: {
        input: {
          // The Electron main process, the compute worker, and the web host (plain Node).
          index: resolve(root, 'electron/main/index.ts'),
          worker: resolve(root, 'electron/worker/compute-worker.ts'),
          web: resolve(root, 'electron/web/main.ts'),
        },
      },
    },
  },
  preload: {
    build: {
      outDir: 'out/preload',
      rollupOptions: {
        input: { index: resolve(root, 'electron/preload/index.ts') },
        // A sandboxed preload must be CommonJS.
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: resolve(root, 'renderer'),
    // interactiveRuntimePlugin: the interactive figure files' scripts, built on first import.
    plugins: [react(), interactiveRuntimePlugin()],
    build: {
      outDir: resolve(root, 'out/renderer'),
      rollupOptions: { input: { index: resolve(root, 'renderer/index.html') } },
    },
    server: { fs: { allow: [root] } },
  },
});
