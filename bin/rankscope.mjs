#!/usr/bin/env node
// The `rankscope` command: the bundled command line (dist/cli/main.js), built by `npm install`
// (the prepare script) or `npm run build:cli`. No compiler runs here.
import module from 'node:module';

// Node 22.1+ keeps the compiled bundle on disk (in the temporary folder) for the next start;
// NODE_DISABLE_COMPILE_CACHE=1 turns it off. Older Nodes lack the function and compile each time.
module.enableCompileCache?.();
let cli;
try {
  cli = await import('../dist/cli/main.js');
} catch (error) {
  if (error?.code !== 'ERR_MODULE_NOT_FOUND' || !String(error.message).includes('dist/cli'))
    throw error;
  const root = new URL('..', import.meta.url).pathname;
  process.stderr.write(
    `rankscope: the command line is not built: run "npm run build:cli" in ${root}\n`,
  );
  process.exit(1);
}
process.exitCode = await cli.main(process.argv);
// Against Node's exit deadlock (electron/services/exit-deadlock.ts).
cli.collectBeforeExit();
