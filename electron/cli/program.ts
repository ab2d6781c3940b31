// The `rankscope` program: commander with the commands a run needs (the one it names, or all of
// them for the overview and for a name commander should correct), parsing, and the exit code with
// one line on stderr for an error. main.ts loads it; nothing here runs at import.
import { Command, CommanderError } from 'commander';
import { appVersion } from '../services/app-version';
import type { Registration } from './commands';
import { isInputError } from './input-error';
import { stylesFor } from './output';

const overview = `
Files:
  Text in any notation — CSV, TSV, ";" with decimal commas, whitespace, numpy, Python lists,
  JSON arrays, MATLAB / Octave, Julia, LaTeX, Mathematica, R — detected from what it holds;
  MatrixMarket .mtx, NumPy .npy and .safetensors (--tensor NAME). "-" reads standard input.
  analyze also reads checkpoints: safetensors, GGUF, PyTorch, ONNX, .npz; a file, its
  *.index.json or a folder of shards.

Exit codes:
  0  done
  2  bad input: a file that cannot be read or is not a matrix, or a wrong option (one line on
     stderr says what and where)
  1  an internal error: a bug in Rankscope, please report it

Examples:
  rankscope rank matrix.csv                           # exact for integers and fractions
  pbpaste | rankscope rank -                          # whatever notation the clipboard holds
  rankscope rref matrix.csv --latex                   # the elementary operations, for a lecture
  rankscope rref matrix.csv --pptx --out steps.pptx   # the same as slides
  rankscope worksheet --shape 3x4 --rank 2 --answers  # exercises' answer key (LaTeX)
  rankscope svd weights.npy --values --csv            # the spectrum
  rankscope analyze model.safetensors                 # a rank table of every weight matrix
  rankscope help rank                                 # a command's options and examples
`;

/** The program with the given commands, registered in the order they are given. */
export function buildProgram(registrations: readonly Registration[]): Command {
  const program = new Command('rankscope')
    .description('Matrix rank, exact row reduction, SVD and subspaces from the command line.')
    .version(appVersion, '-V, --version', 'print the version')
    .helpOption('-h, --help', 'print this help')
    .addHelpCommand('help [command]', "print a command's options and examples")
    .showHelpAfterError('(rankscope help COMMAND shows its options and examples)')
    .exitOverride()
    .configureOutput({
      writeOut: (text) => process.stdout.write(text),
      writeErr: (text) => process.stderr.write(text),
    });
  program.addHelpText('after', overview);
  // Set before the commands exist, so that they inherit exitOverride and the output settings.
  for (const register of registrations) register(program);
  return program;
}

/**
 * Parses argv with the commands given (their files are being imported meanwhile) and runs the
 * one named; resolves to the exit code.
 */
export async function runProgram(
  argv: string[],
  registrations: Promise<Registration[]>,
): Promise<number> {
  try {
    const program = buildProgram(await registrations);
    if (argv.length <= 2) {
      program.outputHelp();
      return 0;
    }
    await program.parseAsync(argv);
    return typeof process.exitCode === 'number' ? process.exitCode : 0;
  } catch (error) {
    return reportError(error);
  }
}

function reportError(error: unknown): number {
  if (error instanceof CommanderError) {
    // Commander has printed its own message (or the help or version that was asked for).
    return ['commander.helpDisplayed', 'commander.help', 'commander.version'].includes(error.code)
      ? 0
      : 2;
  }
  const styles = stylesFor(process.stderr);
  const prefix = styles.red('rankscope:');
  const message = ((error as Error)?.message ?? String(error)).split('\n')[0];
  if (isInputError(error)) {
    process.stderr.write(`${prefix} ${message}\n`);
    return 2;
  }
  if ((error as Error)?.name === 'LaunchError') {
    process.stderr.write(`${prefix} ${message}\n`);
    return 1;
  }
  process.stderr.write(`${prefix} internal error: ${message}\n`);
  if (process.env.RANKSCOPE_DEBUG) process.stderr.write(`${(error as Error)?.stack ?? ''}\n`);
  process.stderr.write(
    `${prefix} this is a bug in Rankscope ${appVersion}; please report it with the command you ran (RANKSCOPE_DEBUG=1 shows where it happened)\n`,
  );
  return 1;
}
