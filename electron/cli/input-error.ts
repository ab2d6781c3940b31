// Bad input on the command line: one line on stderr naming what and where, exit code 2.
export class CliInputError extends Error {
  override name = 'CliInputError';
}

/** Errors that are the input's fault (a parser's FormatError, a cell's EntryError, …). */
export function isInputError(error: unknown): error is Error {
  return (
    error instanceof Error &&
    ['CliInputError', 'FormatError', 'EntryError', 'RationalError', 'RangeError'].includes(
      error.name,
    )
  );
}
