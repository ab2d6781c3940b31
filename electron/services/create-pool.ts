// Builds the compute pool with the right worker entry: the bundled worker.js next to the
// built host, or the TypeScript source through tsx when running from source (tests, CLI).
import { fileURLToPath } from 'node:url';
import { existsSync } from 'node:fs';
import { ComputePool, type ComputePoolOptions } from './compute-pool';

export function createComputePool(options: Partial<ComputePoolOptions> = {}): ComputePool {
  const here = import.meta.url;
  const builtWorker = new URL('./worker.js', here);
  if (!here.endsWith('.ts') && existsSync(fileURLToPath(builtWorker))) {
    return new ComputePool({ workerScript: builtWorker, ...options });
  }
  return new ComputePool({
    workerScript: fileURLToPath(new URL('../worker/typescript-bootstrap.mjs', here)),
    workerData: { entry: fileURLToPath(new URL('../worker/compute-worker.ts', here)) },
    ...options,
  });
}
