// `npm run serve` (and `rankscope serve`): starts the web host on 127.0.0.1, confined to a root
// folder (--root, default the folder it was started in), and prints the address to open. Files
// named after the options open in the page at start.
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import { describeLimits } from '../../core/protocol/limits';
import { createComputePool } from '../services/create-pool';
import { CheckpointService } from '../services/checkpoint-service';
import { ComputeService } from '../services/compute-service';
import { DocumentService } from '../services/document-service';
import { dataFolder } from '../services/data-folder';
import { collectBeforeExit } from '../services/exit-deadlock';
import { hostLimits } from '../services/host-settings';
import { exampleFiles, LaunchFiles } from '../services/launch-files';
import { RootFolder } from '../services/root-folder';
import { parseWebArguments } from './arguments';
import { startWebHost } from './server';

const here = path.dirname(fileURLToPath(import.meta.url));

async function main(): Promise<void> {
  const options = parseWebArguments(process.argv.slice(2), process.env);
  const root = await RootFolder.open(options.root ?? process.cwd());
  const launch = new LaunchFiles();
  for (const file of options.files) {
    const resolved = path.resolve(file);
    if (root.shownPathOf(resolved) === undefined)
      console.error(`rankscope: ${file} lies outside the root ${root.shown}; it is not opened.`);
    else launch.add([resolved]);
  }
  const limits = hostLimits(options);
  const pool = createComputePool(import.meta.url, {
    log: options.quiet ? undefined : (line) => console.error(line),
  });
  const compute = new ComputeService(pool, 'web', limits);
  const documents = new DocumentService(
    pool,
    options.data ?? dataFolder('rankscope-web'),
    compute.budget,
  );
  // Backups are a safety net: if their folder cannot be prepared, the host still serves.
  await documents
    .start()
    .catch((error: unknown) =>
      console.error(`rankscope: backups are off: ${(error as Error).message}`),
    );
  try {
    const host = await startWebHost({
      services: {
        compute,
        documents,
        checkpoints: new CheckpointService(compute),
        root,
        launchFiles: launch,
        exampleFiles: exampleFiles(path.resolve(here, '../..')),
      },
      rendererDir: options.renderer ?? path.resolve(here, '../renderer'),
      port: options.port,
      token: options.token,
      log: options.quiet ? undefined : (line) => console.error(line),
    });
    console.log(`Rankscope is running at ${host.url}`);
    console.log(`It reads and writes files inside ${root.shown} only.`);
    console.log('Open that address in a browser. Press Ctrl+C to stop.');
    if (!options.quiet) for (const line of describeLimits(limits)) console.error(line);
    const stop = async () => {
      await host.close();
      await documents.end();
      await pool.close();
      collectBeforeExit();
      process.exit(0);
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  } catch (error) {
    console.error(`rankscope: ${(error as Error).message}`);
    await pool.close();
    process.exit(1);
  }
}

main().catch((error: unknown) => {
  console.error(`rankscope: ${(error as Error).message}`);
  process.exit(2);
});
