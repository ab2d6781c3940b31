// rankscope open FILE… [--root DIR]
import type { Command } from 'commander';
import { CliInputError } from '../input-error';
import { addExamples } from '../options';

export function registerOpen(program: Command): void {
  const command = program
    .command('open')
    .summary('open files in the desktop app (or the web host where Electron cannot run)')
    .description(
      'Starts Rankscope on the files: matrices (any format the command line reads) and projects ' +
        '(.rankscope). Without Electron or a display it starts the web host instead, confined to ' +
        'a root folder that holds the files, and prints its address.',
    )
    .argument('[files...]', 'files to open')
    .option('--root <dir>', "the web host's root folder (default: one that holds the files)");
  addExamples(command, [
    ['rankscope open lecture.rankscope', 'a project'],
    ['rankscope open a.csv weights.npy', 'matrices, each as a new matrix'],
  ]);
  command.action(async (files: string[], options: { root?: string }) => {
    const [launch, input, path] = await Promise.all([
      import('../launch'),
      import('../input'),
      import('node:path'),
    ]);
    const absolute = files.map((file) => {
      input.checkRegularFile(file);
      return path.resolve(file);
    });
    const app = launch.packageRoot();
    launch.ensureAppBuilt(app);
    const binary = launch.electronBinary(app);
    if (binary) {
      launch.openInElectron(binary, app, absolute);
      process.stderr.write(`Opening Rankscope${files.length ? ` on ${files.join(', ')}` : ''}…\n`);
      return;
    }
    const root = path.resolve(options.root ?? (absolute.length ? launch.rootFor(absolute) : '.'));
    if (!launch.isFolder(root)) throw new CliInputError(`${options.root}: not a folder`);
    const outside = absolute.filter((file) => path.relative(root, file).startsWith('..'));
    if (outside.length > 0)
      throw new CliInputError(`${outside[0]}: outside the root folder ${root}`);
    process.stderr.write(
      `Electron cannot run here; opening Rankscope in the web host (root ${root}).\n`,
    );
    process.exitCode = await launch.runWebHost(app, ['--root', root, ...absolute]);
  });
}
