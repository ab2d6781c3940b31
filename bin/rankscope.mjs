#!/usr/bin/env node
// The `rankscope` command: the bundled command line (dist/cli/main.js), built by `npm install`
// (the prepare script) or `npm run build:cli`. No compiler runs here.
import module from 'node:module';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

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
// Node can deadlock as it exits (nodejs/node#54918, open in Node 20–25): a background TurboFan job
// that needs a collection waits for the main thread, which is waiting for the job. `analyze -`
// hung 1 run in 20 to 1 in 300 on a busy machine here. A full collection now leaves the old
// generation room, so a job still compiling does not ask for one.
setFlagsFromString('--expose-gc');
runInNewContext('gc')();
