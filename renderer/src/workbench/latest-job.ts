// Keeps only the newest request running: each submit waits for input to pause (debounce),
// aborts the job still running for older input, flags a job as slow after a while, and
// drops every answer except the newest. The inspector uses it for "recompute on each edit".
import { isCancelled } from '../../../core/protocol/errors';

export interface LatestJobState<Output> {
  result: Output | null;
  error: string | null;
  /** The running job has taken longer than slowAfterMilliseconds. */
  slow: boolean;
  running: boolean;
}

export interface LatestJobOptions {
  debounceMilliseconds: number;
  slowAfterMilliseconds: number;
}

export type JobRunner<Input, Output> = (input: Input, signal: AbortSignal) => Promise<Output>;

export class LatestJob<Input, Output> {
  private state: LatestJobState<Output> = {
    result: null,
    error: null,
    slow: false,
    running: false,
  };
  private controller: AbortController | null = null;
  private debounceTimer: ReturnType<typeof setTimeout> | null = null;
  private slowTimer: ReturnType<typeof setTimeout> | null = null;

  constructor(
    private readonly run: JobRunner<Input, Output>,
    private readonly listener: (state: LatestJobState<Output>) => void,
    private readonly options: LatestJobOptions,
  ) {}

  /** Asks for input to be computed; null means "nothing to compute" and clears the state. */
  submit(input: Input | null): void {
    this.stop();
    if (input === null) {
      this.update({ result: null, error: null, slow: false, running: false });
      return;
    }
    const controller = new AbortController();
    this.controller = controller;
    this.debounceTimer = setTimeout(() => {
      this.debounceTimer = null;
      this.update({ ...this.state, running: true, slow: false });
      this.slowTimer = setTimeout(() => {
        if (this.controller === controller) this.update({ ...this.state, slow: true });
      }, this.options.slowAfterMilliseconds);
      this.run(input, controller.signal).then(
        (result) => {
          if (this.controller !== controller || controller.signal.aborted) return;
          this.finish({ result, error: null, slow: false, running: false });
        },
        (error: unknown) => {
          if (this.controller !== controller || controller.signal.aborted || isCancelled(error))
            return;
          const message = error instanceof Error ? error.message : String(error);
          this.finish({ result: null, error: message, slow: false, running: false });
        },
      );
    }, this.options.debounceMilliseconds);
  }

  dispose(): void {
    this.stop();
  }

  private finish(state: LatestJobState<Output>) {
    if (this.slowTimer) clearTimeout(this.slowTimer);
    this.slowTimer = null;
    this.controller = null;
    this.update(state);
  }

  private stop() {
    if (this.debounceTimer) clearTimeout(this.debounceTimer);
    if (this.slowTimer) clearTimeout(this.slowTimer);
    this.debounceTimer = null;
    this.slowTimer = null;
    this.controller?.abort();
    this.controller = null;
  }

  private update(state: LatestJobState<Output>) {
    this.state = state;
    this.listener(state);
  }
}
