// Builds the compute pool with the right worker entry: the bundled worker.js beside the built
// entry that asks (out/main/), or the TypeScript source through tsx when running from source
// (tests, the CLI). The entry passes its own import.meta.url: this file may be bundled into a
// chunk in another folder, so its own URL says nothing about where worker.js is.
import { fileURLToPath } from 'node:url';
import { existsSync } from 'node:fs';
import { ComputePool, type ComputePoolOptions } from './compute-pool';

export function createComputePool(
  entryUrl: string,
  options: Partial<ComputePoolOptions> = {},
): ComputePool {
  const builtWorker = new URL('./worker.js', entryUrl);
  if (!entryUrl.endsWith('.ts') && existsSync(fileURLToPath(builtWorker))) {
    return new ComputePool({ workerScript: builtWorker, ...options });
  }
  return new ComputePool({
    workerScript: fileURLToPath(new URL('../worker/typescript-bootstrap.mjs', import.meta.url)),
    workerData: { entry: fileURLToPath(new URL('../worker/compute-worker.ts', import.meta.url)) },
    ...options,
  });
}
