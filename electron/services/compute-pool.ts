// A persistent pool of worker threads running compute jobs: a queue, progress events,
// cooperative cancellation through a shared flag, terminate-and-respawn when a job will not
// stop or its worker dies, and a timing line per job. It knows jobs only by name.
import { Worker } from 'node:worker_threads';
import os from 'node:os';
import { CancelledError } from '../../core/jobs/context';
import { HostError, reviveError } from '../../core/protocol/errors';
import type { ProgressEvent } from '../../core/protocol/host-api';
import type { WorkerReply, WorkerRequest } from '../../core/protocol/messages';
import { lendHelpers, type AssistedMessage, type Loan } from './thread-lending';
import { collectTransferables } from './transferables';

export interface ComputePoolOptions {
  /** The worker's entry file (built .js, or a TypeScript bootstrap for tests). */
  workerScript: string | URL;
  workerData?: unknown;
  size?: number;
  /** How long a cancelled job may take to notice before its worker is terminated. */
  cancelGraceMs?: number;
  log?: (line: string) => void;
  /**
   * Threads one job may use (default: every worker): idle workers are lent to a job as helper
   * threads when nothing else waits, and recalled when something does (thread-lending.ts).
   */
  threadsPerJob?: number;
}

export interface RunOptions {
  jobId?: string;
  onProgress?: (event: ProgressEvent) => void;
  signal?: AbortSignal;
  /** Move the request's ArrayBuffers to the worker instead of copying them (default true). */
  transfer?: boolean;
  /** Most threads this job may use, its own included (default: the pool's threadsPerJob). */
  threads?: number;
}

interface Task {
  id: number;
  jobId: string;
  job: string;
  request: unknown;
  transfer: boolean;
  cancelFlag: Int32Array;
  onProgress?: (event: ProgressEvent) => void;
  resolve(value: unknown): void;
  reject(error: unknown): void;
  queuedAt: number;
  cancelTimer?: ReturnType<typeof setTimeout>;
  settled: boolean;
  /** Workers lent to this job as helper threads. */
  loan?: Loan;
  threads?: number;
}

interface Slot {
  worker: Worker;
  ready: boolean;
  task: Task | null;
  /** Set while this worker is lent to another job's thread team. */
  lentTo?: Loan;
}

export class ComputePool {
  readonly size: number;
  private readonly options: Required<Pick<ComputePoolOptions, 'cancelGraceMs'>> &
    ComputePoolOptions;
  private readonly slots: Slot[] = [];
  private readonly queue: Task[] = [];
  private readonly tasksByJobId = new Map<string, Task>();
  private nextId = 1;
  private closed = false;

  constructor(options: ComputePoolOptions) {
    this.options = { cancelGraceMs: 2000, ...options };
    const cores =
      typeof os.availableParallelism === 'function' ? os.availableParallelism() : os.cpus().length;
    this.size = Math.max(1, options.size ?? cores);
    for (let k = 0; k < this.size; k++) this.slots.push(this.spawn());
  }

  run(job: string, request: unknown, options: RunOptions = {}): Promise<unknown> {
    if (this.closed) return Promise.reject(new Error('The compute pool is closed.'));
    const id = this.nextId++;
    const jobId = options.jobId ?? `job-${id}`;
    if (this.tasksByJobId.has(jobId))
      return Promise.reject(new Error(`A job with id "${jobId}" is already running.`));
    return new Promise((resolve, reject) => {
      const task: Task = {
        id,
        jobId,
        job,
        request,
        transfer: options.transfer ?? true,
        cancelFlag: new Int32Array(new SharedArrayBuffer(4)),
        onProgress: options.onProgress,
        resolve,
        reject,
        queuedAt: performance.now(),
        settled: false,
        threads: options.threads,
      };
      this.tasksByJobId.set(jobId, task);
      if (options.signal) {
        if (options.signal.aborted) {
          this.cancel(jobId);
        } else {
          options.signal.addEventListener('abort', () => this.cancel(jobId), { once: true });
        }
      }
      if (!task.settled) {
        this.queue.push(task);
        this.dispatch();
        // Still waiting: ask running jobs to give back the workers they borrowed.
        if (this.queue.includes(task)) this.recallLoans();
      }
    });
  }

  /** Cancels a job: a queued one at once, a running one by its flag, then by force. */
  cancel(jobId: string): void {
    const task = this.tasksByJobId.get(jobId);
    if (!task || task.settled) return;
    const queued = this.queue.indexOf(task);
    if (queued >= 0) {
      this.queue.splice(queued, 1);
      this.settle(task, new CancelledError());
      return;
    }
    Atomics.store(task.cancelFlag, 0, 1);
    if (task.cancelTimer) return;
    task.cancelTimer = setTimeout(() => {
      const slot = this.slots.find((candidate) => candidate.task === task);
      if (!slot || task.settled) return;
      this.log(
        `[compute] ${task.job} #${task.id} ignored cancel for ${this.options.cancelGraceMs} ms; restarting its worker`,
      );
      this.settle(task, new CancelledError());
      this.replace(slot);
    }, this.options.cancelGraceMs);
  }

  /** Workers lent to running jobs as helper threads right now. */
  get lentWorkers(): number {
    return this.slots.filter((slot) => slot.lentTo).length;
  }

  /** Workers started and waiting for work (neither busy nor lent). */
  get idleWorkers(): number {
    return this.slots.filter((slot) => slot.ready && !slot.task && !slot.lentTo).length;
  }

  /** The ids of the jobs queued or running. */
  jobIds(): string[] {
    return [...this.tasksByJobId.keys()];
  }

  get pending(): number {
    return this.queue.length + this.slots.filter((slot) => slot.task).length;
  }

  async close(): Promise<void> {
    this.closed = true;
    for (const task of this.queue.splice(0))
      this.settle(task, new Error('The compute pool was closed.'));
    const workers = this.slots.map((slot) => {
      if (slot.task) this.settle(slot.task, new Error('The compute pool was closed.'));
      slot.task = null;
      return slot.worker.terminate();
    });
    await Promise.all(workers);
  }

  private spawn(): Slot {
    const worker = new Worker(this.options.workerScript, {
      workerData: this.options.workerData,
      name: 'rankscope-compute',
    });
    const slot: Slot = { worker, ready: false, task: null };
    worker.on('message', (message: WorkerReply | AssistedMessage) => this.onMessage(slot, message));
    worker.on('error', (error) => this.onCrash(slot, `threw outside any job: ${error.message}`));
    worker.on('exit', (code) => {
      if (this.closed || !this.slots.includes(slot)) return;
      this.onCrash(slot, `exited with code ${code}`);
    });
    // A pool that sits idle must not keep the process alive (CLI, tests).
    worker.unref();
    return slot;
  }

  private onMessage(slot: Slot, message: WorkerReply | AssistedMessage): void {
    if ('type' in message) {
      // A lent helper is back from its job.
      slot.lentTo = undefined;
      slot.worker.unref();
      this.dispatch();
      return;
    }
    if ('ready' in message) {
      slot.ready = true;
      this.dispatch();
      return;
    }
    const task = slot.task;
    if (!task || task.id !== message.id) return;
    if ('progress' in message) {
      if (!task.settled) task.onProgress?.(message.progress);
      return;
    }
    slot.task = null;
    slot.worker.unref();
    const milliseconds = message.milliseconds ?? 0;
    const waited = (performance.now() - task.queuedAt - milliseconds).toFixed(1);
    if ('result' in message) {
      this.log(
        `[compute] ${task.job} #${task.id} ok in ${milliseconds.toFixed(1)} ms (queued ${waited} ms)`,
      );
      this.settle(task, undefined, message.result);
    } else {
      this.log(
        `[compute] ${task.job} #${task.id} failed in ${milliseconds.toFixed(1)} ms: ${message.error.message}`,
      );
      this.settle(task, reviveError(message.error));
    }
    this.dispatch();
  }

  private onCrash(slot: Slot, what: string): void {
    if (slot.lentTo) {
      // A lent helper died: its job learns it and fails; the helper is replaced below.
      this.log(`[compute] a helper thread ${what}`);
      slot.lentTo.helperLost();
      slot.lentTo = undefined;
    }
    const task = slot.task;
    if (task && !task.settled) {
      const cancelled = Atomics.load(task.cancelFlag, 0) === 1;
      this.log(`[compute] ${task.job} #${task.id}: worker ${what}`);
      this.settle(
        task,
        cancelled
          ? new CancelledError()
          : new HostError({
              name: 'WorkerCrashed',
              message: `The compute worker running "${task.job}" stopped unexpectedly (it ${what}). The job was not finished; the app goes on.`,
            }),
      );
    }
    this.replace(slot);
  }

  private replace(slot: Slot): void {
    const index = this.slots.indexOf(slot);
    if (index < 0) return;
    slot.task = null;
    this.slots.splice(index, 1);
    slot.worker.removeAllListeners('exit');
    void slot.worker.terminate();
    if (this.closed) return;
    this.slots.push(this.spawn());
  }

  private dispatch(): void {
    for (const slot of this.slots) {
      if (!slot.ready || slot.task || slot.lentTo) continue;
      const task = this.queue.shift();
      if (!task) return;
      slot.task = task;
      // A busy worker keeps the process alive until its job answers; an idle one does not.
      slot.worker.ref();
      this.lendIdleWorkers(slot, task);
      const message: WorkerRequest = {
        id: task.id,
        method: task.job,
        args: [task.request],
        cancelFlag: task.cancelFlag,
      };
      const transfer = task.transfer ? collectTransferables(task.request) : [];
      slot.worker.postMessage(message, transfer as never);
      task.request = undefined;
    }
  }

  /** Lends idle workers to the job just dispatched on `slot`, when no other job waits. */
  private lendIdleWorkers(slot: Slot, task: Task): void {
    const threads = Math.min(task.threads ?? this.options.threadsPerJob ?? this.size, this.size);
    if (threads < 2 || this.queue.length > 0) return;
    const idle = this.slots.filter(
      (other) => other !== slot && other.ready && !other.task && !other.lentTo,
    );
    const helpers = idle.slice(0, threads - 1);
    if (helpers.length === 0) return;
    task.loan = lendHelpers(
      slot.worker,
      helpers.map((helper) => helper.worker),
    );
    for (const helper of helpers) {
      helper.lentTo = task.loan;
      helper.worker.ref();
    }
  }

  private recallLoans(): void {
    for (const slot of this.slots) slot.task?.loan?.recall();
  }

  private settle(task: Task, error: unknown, result?: unknown): void {
    if (task.settled) return;
    task.settled = true;
    // The job's helpers go back even when its worker could not send them (it died, or hung).
    task.loan?.dismiss();
    if (task.cancelTimer) clearTimeout(task.cancelTimer);
    this.tasksByJobId.delete(task.jobId);
    if (error) task.reject(error);
    else task.resolve(result);
  }

  private log(line: string): void {
    this.options.log?.(line);
  }
}
