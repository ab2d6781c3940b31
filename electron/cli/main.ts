// `rankscope`: the same core as the app, for scripting, batch work and checking Rankscope against
// other tools. This entry is kept small, for start time: it answers --version itself, and imports
// commander and the one command a run names (all of them only for the overview, help and a name
// to correct), each command loading what it computes with only when it runs.
import { appVersion } from '../services/app-version';
export { collectBeforeExit } from '../services/exit-deadlock';
import { commands, type CommandEntry } from './commands';

/** Runs the command line; resolves to the exit code. */
export async function main(argv: string[]): Promise<number> {
  // A reader that stops early (rankscope … | head) closes the pipe: that ends the run quietly.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(0);
    throw error;
  });
  const args = argv.slice(2);
  if (args.length === 1 && (args[0] === '--version' || args[0] === '-V')) {
    process.stdout.write(`${appVersion}\n`);
    return 0;
  }
  const named = commandNamed(args);
  const wanted = named ? [named] : commands;
  // The program and the command's file load side by side.
  const registrations = Promise.all(wanted.map((command) => command.load()));
  // runProgram reports a failure; this keeps it from counting as unhandled before then.
  registrations.catch(() => {});
  const { runProgram } = await import('./program');
  return runProgram(argv, registrations);
}

/**
 * The command the arguments start with. Undefined for none, an option first (--help), `help`
 * or a name that is not a command: those get the whole program.
 */
function commandNamed(args: string[]): CommandEntry | undefined {
  return commands.find((command) => command.name === args[0]);
}
