// Keeps only the newest request running: each submit waits for input to pause (debounce),
// aborts the job still running for older input, flags a job as slow after a while, passes its
// progress on, and drops every answer except the newest. useJob (use-job.ts) is its React face.
// Submitting reports nothing by itself: it is called from an effect on every edit, and a state
// change there would render the page twice per keystroke (and, in a burst of input events with
// no task between them, trip React's nested-update limit, error #185).
import { isCancelled } from '../../../../core/protocol/errors';
import type { ProgressEvent } from '../../../../core/protocol/host-api';

export interface LatestJobState<Output> {
  /** The newest answer; kept while a newer request runs, so a figure does not blink. */
  result: Output | null;
  error: string | null;
  running: boolean;
  /** The running job has taken longer than slowAfterMilliseconds. */
  slow: boolean;
  /** In [0, 1] while running, as the job reports it. */
  progress: number;
  /** The job's last progress phrase ("bidiagonalizing"), or ''. */
  message: string;
  /** The last run was stopped by cancel() (not by a newer request). */
  cancelled: boolean;
  /** The input the result (or error) answers; null when there is neither. */
  answers: unknown;
}

/**
 * The result (or error) answers an older input than `newest`: a newer one is waiting out the
 * debounce or running. Readouts show "…" rather than a number that no longer belongs.
 */
export function answersOlderInput(state: LatestJobState<unknown>, newest: unknown): boolean {
  return (state.result !== null || state.error !== null) && state.answers !== newest;
}

export interface LatestJobOptions {
  debounceMilliseconds: number;
  slowAfterMilliseconds: number;
}

export interface JobControl {
  signal: AbortSignal;
  onProgress(event: ProgressEvent): void;
}

/** Runs one request; rejects (or is ignored) once `signal` aborts. */
export type RunRequest<Input, Output> = (input: Input, control: JobControl) => Promise<Output>;

export const idleJobState: LatestJobState<never> = {
  result: null,
  error: null,
  running: false,
  slow: false,
  progress: 0,
  message: '',
  cancelled: false,
  answers: null,
};

function isAbort(error: unknown): boolean {
  return isCancelled(error) || (error instanceof Error && error.name === 'AbortError');
}

export class LatestJob<Input, Output> {
  private state: LatestJobState<Output> = idleJobState;
  private controller: AbortController | null = null;
  private debounceTimer: ReturnType<typeof setTimeout> | null = null;
  private slowTimer: ReturnType<typeof setTimeout> | null = null;

  constructor(
    private readonly run: RunRequest<Input, Output>,
    private readonly listener: (state: LatestJobState<Output>) => void,
    private readonly options: LatestJobOptions,
  ) {}

  /** Asks for input to be computed; null means "nothing to compute" and clears the state. */
  submit(input: Input | null): void {
    this.stop();
    if (input === null) {
      if (this.state !== idleJobState) this.update(idleJobState);
      return;
    }
    const controller = new AbortController();
    this.controller = controller;
    const current = () => this.controller === controller && !controller.signal.aborted;
    this.debounceTimer = setTimeout(() => {
      this.debounceTimer = null;
      this.update({ ...this.state, running: true, slow: false, progress: 0, message: '' });
      this.slowTimer = setTimeout(() => {
        if (current()) this.update({ ...this.state, slow: true });
      }, this.options.slowAfterMilliseconds);
      this.run(input, {
        signal: controller.signal,
        onProgress: (event) => {
          if (current())
            this.update({ ...this.state, progress: event.fraction, message: event.message ?? '' });
        },
      }).then(
        (result) => {
          if (current()) this.finish({ ...idleJobState, result, progress: 1, answers: input });
        },
        (error: unknown) => {
          if (!current() || isAbort(error)) return;
          const message = error instanceof Error ? error.message : String(error);
          this.finish({ ...idleJobState, error: message, answers: input });
        },
      );
    }, this.options.debounceMilliseconds);
  }

  /** Stops the job in flight (if any); the previous answer stays, marked as not renewed. */
  cancel(): void {
    const wasRunning = this.controller !== null;
    this.stop();
    if (wasRunning) this.update({ ...this.state, running: false, slow: false, cancelled: true });
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
