// `npm run serve`: starts the web host on 127.0.0.1 and prints the address to open.
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import { createComputePool } from '../services/create-pool';
import { ComputeService } from '../services/compute-service';
import { DocumentService } from '../services/document-service';
import { HostMethods } from '../services/host-dispatch';
import { dataFolder } from '../services/data-folder';
import { startWebHost } from './server';

function option(name: string): string | undefined {
  const index = process.argv.indexOf(`--${name}`);
  return index >= 0 ? process.argv[index + 1] : process.env[`RANKSCOPE_${name.toUpperCase()}`];
}

const here = path.dirname(fileURLToPath(import.meta.url));
const rendererDir = option('renderer') ?? path.resolve(here, '../renderer');
const quiet = process.argv.includes('--quiet');
const pool = createComputePool(import.meta.url, {
  log: quiet ? undefined : (line) => console.error(line),
});
const service = new ComputeService(pool, 'web');
const documents = new DocumentService(pool, option('data') ?? dataFolder('rankscope-web'));
// Backups are a safety net: if their folder cannot be prepared, the host still serves.
await documents
  .start()
  .catch((error: unknown) =>
    console.error(`rankscope: backups are off: ${(error as Error).message}`),
  );
const methods = new HostMethods(service, documents, null);

try {
  const host = await startWebHost({
    methods,
    rendererDir,
    port: option('port') ? Number(option('port')) : undefined,
    token: option('token'),
    log: (line) => console.error(line),
  });
  console.log(`Rankscope is running at ${host.url}`);
  console.log('Open that address in a browser. Press Ctrl+C to stop.');
  const stop = async () => {
    await host.close();
    await documents.end();
    await pool.close();
    process.exit(0);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
} catch (error) {
  console.error(`rankscope: ${(error as Error).message}`);
  await pool.close();
  process.exit(1);
}
