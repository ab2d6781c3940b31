// The order and packing of a checkpoint's analysis on a pool of workers, as a pure state machine
// the host drives: every quick pass before any full pass (the table fills fast), largest first
// within each (so the last tensors to finish are small), started in that order while a worker is
// free and the memory they need fits the budget (a tensor larger than the whole budget runs alone).
// The time left is extrapolated from the work done; bytes are counted for the progress line.
import { svdWorkspaceDoubles } from '../linalg/svd';
import type { PassName } from './report';
import { quickPassWorkspaceDoubles, type QuickPassSettings } from './spectrum-passes';

export interface ScheduleItem {
  name: string;
  pass: PassName;
  /** Bytes the tensor takes in its file. */
  bytes: number;
  /** Memory its decoding and pass need at their peak. */
  memoryBytes: number;
  /** Relative cost (see tensorWork). */
  work: number;
}

export interface ScheduleProgress {
  tensorsDone: number;
  tensorsTotal: number;
  bytesDone: number;
  bytesTotal: number;
  /** Estimated seconds left; undefined until some work is done. */
  secondsLeft?: number;
  /** Fraction of the work done, in [0, 1]. */
  fraction: number;
}

/** Bytes read per piece while decoding (tensor-decoding.ts). */
const pieceBytes = 1 << 22;

/** Peak memory of one tensor's pass: its Float64 workspace plus a piece of the file. */
export function passMemoryBytes(
  rows: number,
  cols: number,
  pass: PassName,
  quick: QuickPassSettings,
): number {
  const doubles =
    pass === 'full'
      ? svdWorkspaceDoubles(rows, cols, false)
      : rows * cols + quickPassWorkspaceDoubles(rows, cols, quick);
  return doubles * 8 + pieceBytes;
}

export class AnalysisSchedule {
  private readonly pending: ScheduleItem[];
  private readonly running = new Set<ScheduleItem>();
  private memoryInUse = 0;
  private workDone = 0;
  private bytesDone = 0;
  private itemsDone = 0;
  private readonly workTotal: number;
  private readonly bytesTotal: number;
  private readonly itemsTotal: number;

  constructor(
    items: readonly ScheduleItem[],
    private readonly options: { workers: number; memoryBudgetBytes: number },
  ) {
    if (!(options.workers >= 1)) throw new RangeError('a schedule needs at least one worker');
    const rank = (pass: PassName) => (pass === 'quick' ? 0 : 1);
    this.pending = [...items].sort(
      (a, b) =>
        rank(a.pass) - rank(b.pass) ||
        b.work - a.work ||
        (a.name < b.name ? -1 : a.name > b.name ? 1 : 0),
    );
    this.workTotal = items.reduce((sum, item) => sum + item.work, 0);
    this.bytesTotal = items.reduce((sum, item) => sum + item.bytes, 0);
    this.itemsTotal = items.length;
  }

  /** The items to start now; call again whenever one finishes. */
  take(): ScheduleItem[] {
    const started: ScheduleItem[] = [];
    while (this.pending.length > 0 && this.running.size < this.options.workers) {
      const next = this.pending[0];
      // A full pass waits for its tensor's quick pass, so a table row is never full before quick.
      if (next.pass === 'full' && [...this.running].some((item) => item.name === next.name)) break;
      const fits = this.memoryInUse + next.memoryBytes <= this.options.memoryBudgetBytes;
      if (!fits && this.running.size > 0) break;
      this.pending.shift();
      this.running.add(next);
      this.memoryInUse += next.memoryBytes;
      started.push(next);
    }
    return started;
  }

  /** An item finished (or failed: its work is over either way). */
  finished(item: ScheduleItem): void {
    if (!this.running.delete(item))
      throw new RangeError(`${item.name} (${item.pass}) is not running`);
    this.memoryInUse -= item.memoryBytes;
    this.workDone += item.work;
    this.bytesDone += item.bytes;
    this.itemsDone++;
  }

  get done(): boolean {
    return this.pending.length === 0 && this.running.size === 0;
  }

  get inFlight(): number {
    return this.running.size;
  }

  /** Progress after `elapsedSeconds` of running. */
  progress(elapsedSeconds: number): ScheduleProgress {
    const fraction = this.workTotal === 0 ? 1 : this.workDone / this.workTotal;
    const progress: ScheduleProgress = {
      tensorsDone: this.itemsDone,
      tensorsTotal: this.itemsTotal,
      bytesDone: this.bytesDone,
      bytesTotal: this.bytesTotal,
      fraction,
    };
    if (this.workDone > 0)
      progress.secondsLeft = (elapsedSeconds * (this.workTotal - this.workDone)) / this.workDone;
    return progress;
  }
}
