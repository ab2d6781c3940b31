// The one error every parser in core/formats throws on bad input. It carries where the problem is
// (file, line, column, byte offset) and a sentence a person understands, e.g.
// `data.csv, line 3, column 2: "abc" is not a number`.

export interface FormatLocation {
  file?: string;
  /** 1-based line of a text file. */
  line?: number;
  /** 1-based column: the field index in delimited text, the character position elsewhere. */
  column?: number;
  /** 0-based byte offset in a binary file. */
  byteOffset?: number;
}

export class FormatError extends Error {
  override readonly name = 'FormatError';
  readonly file?: string;
  readonly line?: number;
  readonly column?: number;
  readonly byteOffset?: number;
  /** The sentence without the location prefix. */
  readonly reason: string;

  constructor(reason: string, location: FormatLocation = {}) {
    super(describeLocation(location) + reason);
    this.reason = reason;
    this.file = location.file;
    this.line = location.line;
    this.column = location.column;
    this.byteOffset = location.byteOffset;
  }

  /** The same error, naming the file when it did not yet. */
  inFile(file: string | undefined): FormatError {
    if (file === undefined || this.file !== undefined) return this;
    return new FormatError(this.reason, {
      file,
      line: this.line,
      column: this.column,
      byteOffset: this.byteOffset,
    });
  }
}

function describeLocation(location: FormatLocation): string {
  const parts: string[] = [];
  if (location.file !== undefined && location.file !== '') parts.push(location.file);
  if (location.line !== undefined) parts.push(`line ${location.line}`);
  if (location.column !== undefined) parts.push(`column ${location.column}`);
  if (location.byteOffset !== undefined) parts.push(`byte ${location.byteOffset}`);
  return parts.length === 0 ? '' : parts.join(', ') + ': ';
}

/** Shows untrusted text in a message: quoted, shortened, control characters escaped. */
export function quoteForMessage(text: string, limit = 40): string {
  const shortened = text.length > limit ? text.slice(0, limit) + '…' : text;
  return JSON.stringify(shortened);
}
