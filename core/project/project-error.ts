// The one error opening a project throws: a sentence a person understands, naming the file, and a
// `kind` the host can act on (e.g. offer "Update Rankscope" for a newer file).

export type ProjectErrorKind =
  | 'not-a-zip'
  | 'corrupt'
  | 'too-large'
  | 'missing-manifest'
  | 'malformed-json'
  | 'wrong-type'
  | 'newer-version'
  | 'schema'
  | 'missing-blob'
  | 'invalid-blob';

export interface ProjectErrorDetail {
  /** The file version a newer-version file declares. */
  fileVersion?: number;
  /** Where in project.json: "matrices[2].entries[0][1]". */
  path?: string;
  /** 0-based character offset of a JSON syntax error, with its 1-based line and column. */
  offset?: number;
  line?: number;
  column?: number;
}

export class ProjectError extends Error {
  override readonly name = 'ProjectError';
  /** The sentence without the file name. */
  readonly reason: string;
  readonly file?: string;

  constructor(
    readonly kind: ProjectErrorKind,
    reason: string,
    file?: string,
    readonly detail: ProjectErrorDetail = {},
  ) {
    super(file ? `${file}: ${reason}` : reason);
    this.reason = reason;
    this.file = file;
  }

  /** The same error, naming the file when it did not yet. */
  inFile(file: string | undefined): ProjectError {
    if (file === undefined || file === '' || this.file !== undefined) return this;
    return new ProjectError(this.kind, this.reason, file, this.detail);
  }
}
