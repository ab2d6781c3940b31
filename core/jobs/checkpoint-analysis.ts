// A whole checkpoint's analysis, or one shard of it: the tensors the settings select (and the shard
// owns) are scheduled largest first on `workers` runners under a memory budget, each result is
// appended to the report the moment it exists, and an interrupted report is resumed by skipping what
// it holds. Runs here, one tensor at a time, or on the host's pool through `runTensor`. Cancellation
// is polled by every decode and pass; what was written stays a sound report.
import { FormatError } from '../formats/format-error';
import type { Checkpoint, CheckpointFiles } from '../weights/checkpoint';
import {
  analysedTensors,
  failureLine,
  formatReport,
  headerLine,
  parseReport,
  remainingWork,
  reportHeader,
  resultLine,
  resumeMismatch,
  type ParsedReport,
  type PassName,
  type ReportSettings,
  type ReportShard,
} from '../weights/report';
import {
  AnalysisSchedule,
  passMemoryBytes,
  type ScheduleItem,
  type ScheduleProgress,
} from '../weights/scheduler';
import { assignShards, tensorWork, type ShardSpec } from '../weights/sharding';
import { analyzeCheckpointTensor, type TensorPassResult } from './checkpoint-tensor';
import { CancelledError, directContext, type JobContext } from './context';

export interface CheckpointAnalysisOptions {
  checkpoint: Checkpoint;
  files: CheckpointFiles;
  fingerprint: string;
  settings: ReportSettings;
  shard?: ShardSpec;
  /** The report of an interrupted run: its lines are kept, its finished work skipped. The caller cuts the file to `previous.soundBytes` first (and ends it with a newline when `previous.endsWithoutNewline`). */
  previous?: ParsedReport;
  /** Appends to the report; the host writes each piece to disk as it comes. */
  append: (text: string) => void | Promise<void>;
  /** Runs one tensor's pass (default: here). The host passes its worker pool. */
  runTensor?: (
    request: { tensor: Checkpoint['tensors'][number]; pass: PassName; settings: ReportSettings },
    context: JobContext,
  ) => Promise<TensorPassResult>;
  /** How many passes run at once (default 1). */
  workers?: number;
  /** Memory the passes in flight may take together (default 1.5 GB). */
  memoryBudgetBytes?: number;
  context?: JobContext;
  onProgress?: (progress: ScheduleProgress & { current: string }) => void;
  /** Seconds since some fixed moment (default performance.now). */
  clock?: () => number;
  createdBy: string;
  startedAt?: string;
}

export interface CheckpointAnalysisResult {
  report: ParsedReport;
  failures: number;
}

export async function runCheckpointAnalysis(
  options: CheckpointAnalysisOptions,
): Promise<CheckpointAnalysisResult> {
  const { checkpoint, settings } = options;
  const context = options.context ?? directContext;
  const clock = options.clock ?? (() => performance.now() / 1000);
  const selected = analysedTensors(
    checkpoint.tensors.map((tensor) => ({ name: tensor.name, shape: tensor.data.shape })),
    settings.selection,
  );
  if (settings.selection !== 'matrices') {
    const missing = settings.selection.filter(
      (name) => !checkpoint.tensors.some((tensor) => tensor.name === name),
    );
    if (missing.length > 0)
      throw new FormatError(`the checkpoint has no tensor ${JSON.stringify(missing[0])}`, {
        file: checkpoint.name,
      });
  }
  let owned = selected.map((tensor) => tensor.name);
  let shard: ReportShard | null = null;
  if (options.shard) {
    const share = assignShards(selected, options.shard.count, settings.passes)[
      options.shard.index - 1
    ];
    shard = { ...options.shard, tensors: share };
    owned = share;
  }
  const header = reportHeader(
    checkpoint,
    options.fingerprint,
    settings,
    shard,
    options.createdBy,
    options.startedAt,
  );
  let text = '';
  const append = async (piece: string) => {
    text += piece;
    await options.append(piece);
  };
  if (options.previous) {
    const mismatch = resumeMismatch(options.previous, options.fingerprint, settings, shard);
    if (mismatch) throw new FormatError(`cannot resume: ${mismatch}`);
    // What the previous run wrote stays in the file; the result is read from the same lines.
    text = formatReport(options.previous);
  } else {
    await append(headerLine(header));
  }

  const byName = new Map(checkpoint.tensors.map((tensor) => [tensor.name, tensor]));
  const items: ScheduleItem[] = remainingWork(options.previous, owned, settings.passes).map(
    ({ name, pass }) => {
      const tensor = byName.get(name)!;
      return {
        name,
        pass,
        bytes: tensor.bytes,
        memoryBytes: passMemoryBytes(tensor.rows, tensor.cols, pass, settings.quick),
        work: tensorWork(tensor, [pass], settings.quick.rank + settings.quick.oversample),
      };
    },
  );
  const schedule = new AnalysisSchedule(items, {
    workers: Math.max(1, Math.floor(options.workers ?? 1)),
    memoryBudgetBytes: options.memoryBudgetBytes ?? 1.5e9,
  });
  const runTensor =
    options.runTensor ??
    ((request, runContext) => analyzeCheckpointTensor(options.files, request, runContext));
  const started = clock();
  let failures = 0;
  let cancelled: unknown;
  const inFlight = new Set<Promise<void>>();
  // Lines are appended one at a time, in the order results arrive.
  let writing: Promise<void> = Promise.resolve();
  const write = (piece: string) => (writing = writing.then(() => append(piece)));

  const launch = (item: ScheduleItem) => {
    const tensor = byName.get(item.name)!;
    const task = (async () => {
      try {
        const result = await runTensor({ tensor, pass: item.pass, settings }, context);
        await write(resultLine(result));
      } catch (error) {
        if (error instanceof CancelledError || (error as Error)?.name === 'CancelledError') {
          cancelled ??= error;
        } else {
          failures++;
          const message = error instanceof Error ? error.message : String(error);
          await write(failureLine({ name: item.name, pass: item.pass, message }));
        }
      } finally {
        schedule.finished(item);
        options.onProgress?.({
          ...schedule.progress(clock() - started),
          current: `${item.name} (${item.pass})`,
        });
      }
    })();
    inFlight.add(task);
    void task.finally(() => inFlight.delete(task));
  };

  for (;;) {
    if (cancelled === undefined) {
      try {
        context.checkCancelled();
      } catch (error) {
        cancelled = error;
      }
    }
    if (cancelled === undefined) for (const item of schedule.take()) launch(item);
    if (inFlight.size === 0) break;
    await Promise.race(inFlight);
  }
  await writing;
  if (cancelled !== undefined) throw cancelled;
  return { report: parseReport(text), failures };
}
