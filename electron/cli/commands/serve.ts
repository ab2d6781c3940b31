// rankscope serve [--root DIR] [--port N]
import type { Command } from 'commander';
import { CliInputError } from '../input-error';
import { addExamples } from '../options';

export function registerServe(program: Command): void {
  const command = program
    .command('serve')
    .summary('start the web host: Rankscope in a browser, on 127.0.0.1')
    .description(
      'Starts the web host on 127.0.0.1 with a per-run token and prints the address to open. ' +
        'Pages can reach files only inside the root folder. Ctrl+C stops it.',
    )
    .option('--root <dir>', 'the folder pages may open files from (default: the current one)')
    .option('--port <n>', 'the port (default: a free one)');
  addExamples(command, [
    ['rankscope serve', 'files in the current folder'],
    ['rankscope serve --root ~/lectures --port 8080', 'a chosen folder and port'],
  ]);
  command.action(async (options: { root?: string; port?: string }) => {
    const launch = await import('../launch');
    const path = await import('node:path');
    const root = path.resolve(options.root ?? '.');
    if (!launch.isFolder(root)) throw new CliInputError(`${options.root ?? root}: not a folder`);
    if (options.port !== undefined && !/^\d{1,5}$/.test(options.port))
      throw new CliInputError(`--port ${options.port}: not a port number`);
    const app = launch.packageRoot();
    launch.ensureAppBuilt(app);
    const args = ['--root', root, ...(options.port ? ['--port', options.port] : [])];
    process.exitCode = await launch.runWebHost(app, args);
  });
}
