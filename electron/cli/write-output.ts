// Writing what a command made: to the file given with --out, or to standard output for text.
// A file that cannot be written is the person's input error (exit 2), said in one line.
import { writeFileSync } from 'node:fs';
import { CliInputError } from './input-error';

export function writeOutput(file: string | undefined, contents: string | Uint8Array): void {
  if (file === undefined) {
    if (typeof contents !== 'string')
      throw new CliInputError('this output is binary: give a file with --out');
    process.stdout.write(contents);
    return;
  }
  try {
    writeFileSync(file, contents);
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code ?? (error as Error).message;
    throw new CliInputError(`${file}: cannot write it (${reason})`);
  }
}
