// What a running job may ask of whoever runs it: report progress, and learn it was cancelled.
// Jobs run in compute workers, in the CLI and directly in tests through this one interface.
export interface JobContext {
  /** fraction in [0, 1]; message is a short phrase a person reads ("bidiagonalizing"). */
  progress(fraction: number, message?: string): void;
  /** Throws CancelledError once the job has been cancelled; long loops call it between panels. */
  checkCancelled(): void;
}

export class CancelledError extends Error {
  override name = 'CancelledError';
  constructor(message = 'The job was cancelled.') {
    super(message);
  }
}

/** A context for direct calls (tests, small CLI runs): no progress sink, never cancelled. */
export const directContext: JobContext = {
  progress() {},
  checkCancelled() {},
};
