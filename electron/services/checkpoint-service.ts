// The Lab's checkpoint runs, for every host: the checkpoint a person chose is opened where it lies
// (headers only, in the host), fingerprinted, and its tensors are sent one pass at a time to the
// compute pool's workers, which read each tensor from disk themselves — so the host holds tables,
// never weights, and memory is bounded by the tensors in flight (the schedule packs them under the
// memory budget). Report lines stream back to the caller as they are written. Cancel stops the
// run at once: the call rejects and the tensors in flight are cancelled on their workers.
import { runCheckpointAnalysis } from '../../core/jobs/checkpoint-analysis';
import type { TensorPassResult } from '../../core/jobs/checkpoint-tensor';
import { CancelledError, type JobContext } from '../../core/jobs/context';
import type {
  CheckpointDiffProgress,
  CheckpointDiffResult,
  CheckpointRun,
  CheckpointRunProgress,
} from '../../core/protocol/checkpoints';
import type { ProgressEvent } from '../../core/protocol/host-api';
import { formatBytes, formatSeconds } from '../../core/quantities';
import type { RankPolicy } from '../../core/rank/policies';
import { openCheckpoint } from '../../core/weights/checkpoint';
import { pairCheckpointTensors, type LayerDelta } from '../../core/weights/checkpoint-diff';
import { fingerprintCheckpoint } from '../../core/weights/fingerprint';
import type { PassName, ReportSettings } from '../../core/weights/report';
import {
  AnalysisSchedule,
  passMemoryBytes,
  type ScheduleProgress,
} from '../../core/weights/scheduler';
import { tensorWork } from '../../core/weights/sharding';
import { defaultQuickPassSettings } from '../../core/weights/spectrum-passes';
import { appVersion } from './app-version';
import type { ComputeService } from './compute-service';
import { checkpointFolder } from './checkpoint-folder';

/** Where the chosen checkpoint lies: its folder, and the file chosen in it (none for a folder). */
export interface CheckpointLocation {
  folder: string;
  entry?: string;
}

export interface CheckpointRunOptions {
  passes: PassName[];
  tensors?: string[];
  policy: RankPolicy;
  /** Names the run's pool jobs (`${jobId}/tensor-n`), so a scope's cancel reaches them. */
  jobId: string;
  onProgress?: (event: ProgressEvent) => void;
  signal?: AbortSignal;
}

/** "12 of 40 passes · 0.8 GB of 2.0 GB read · about 1 min left" */
export function describeProgress(progress: ScheduleProgress): string {
  const parts = [
    `${progress.tensorsDone} of ${progress.tensorsTotal} tensor passes`,
    `${formatBytes(progress.bytesDone)} of ${formatBytes(progress.bytesTotal)} read`,
  ];
  if (progress.secondsLeft !== undefined && progress.tensorsDone < progress.tensorsTotal)
    parts.push(`about ${formatSeconds(progress.secondsLeft)} left`);
  return parts.join(' · ');
}

/** Resolves when the run settles, or rejects at once when the signal aborts. */
function untilCancelled<T>(run: Promise<T>, signal: AbortSignal | undefined): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    run.then(resolve, reject);
    if (signal?.aborted) reject(new CancelledError());
    signal?.addEventListener('abort', () => reject(new CancelledError()), { once: true });
  });
}

export class CheckpointService {
  constructor(private readonly compute: ComputeService) {}

  /**
   * A base and its fine-tune, layer by layer on the pool (largest first, packed under the memory
   * budget like a run); layers of the same name and shape are paired, the rest listed.
   */
  async diff(
    base: CheckpointLocation,
    tuned: CheckpointLocation,
    options: {
      sketchRank?: number;
      jobId: string;
      onProgress?: (event: ProgressEvent) => void;
      signal?: AbortSignal;
    },
  ): Promise<CheckpointDiffResult> {
    const baseFiles = checkpointFolder(base.folder, { listable: base.entry === undefined });
    const tunedFiles = checkpointFolder(tuned.folder, { listable: tuned.entry === undefined });
    try {
      options.onProgress?.({ fraction: 0, message: 'reading both checkpoints’ headers…' });
      const [baseCheckpoint, tunedCheckpoint] = await Promise.all([
        openCheckpoint(baseFiles, base.entry),
        openCheckpoint(tunedFiles, tuned.entry),
      ]);
      const pairing = pairCheckpointTensors(
        baseCheckpoint.tensors.filter((tensor) => tensor.data.shape.length >= 2),
        tunedCheckpoint.tensors.filter((tensor) => tensor.data.shape.length >= 2),
      );
      const sketch = options.sketchRank
        ? { ...defaultQuickPassSettings, rank: options.sketchRank }
        : undefined;
      const pass = sketch ? 'quick' : 'full';
      const pairs = new Map(pairing.pairs.map((pair) => [pair.base.name, pair]));
      const schedule = new AnalysisSchedule(
        pairing.pairs.map(({ base: tensor }) => ({
          name: tensor.name,
          pass,
          bytes: 2 * tensor.bytes,
          memoryBytes: passMemoryBytes(
            tensor.rows,
            tensor.cols,
            pass,
            sketch ?? defaultQuickPassSettings,
          ),
          work: tensorWork(tensor, [pass], (sketch?.rank ?? 0) + (sketch?.oversample ?? 0)),
        })),
        {
          workers: this.compute.info().workers,
          memoryBudgetBytes: this.compute.budget.memoryBytes,
        },
      );
      const layers: LayerDelta[] = [];
      const failures: { name: string; message: string }[] = [];
      const started = performance.now();
      let number = 0;
      const inFlight = new Set<Promise<void>>();
      const work = (async () => {
        for (;;) {
          if (options.signal?.aborted) throw new CancelledError();
          for (const item of schedule.take()) {
            const pair = pairs.get(item.name)!;
            const task = (
              this.compute.runHostJob(
                'checkpointDiff',
                {
                  baseFolder: base.folder,
                  tunedFolder: tuned.folder,
                  base: pair.base,
                  tuned: pair.tuned,
                  ...(sketch ? { sketch } : {}),
                },
                { jobId: `${options.jobId}/layer-${++number}`, signal: options.signal },
              ) as Promise<LayerDelta>
            )
              .then(
                (layer) => {
                  layers.push(layer);
                  return { layer } as CheckpointDiffProgress;
                },
                (error: unknown) => {
                  if ((error as Error)?.name === 'CancelledError') throw error;
                  failures.push({ name: item.name, message: (error as Error).message });
                  return {} as CheckpointDiffProgress;
                },
              )
              .then((partial) => {
                schedule.finished(item);
                const progress = schedule.progress((performance.now() - started) / 1000);
                options.onProgress?.({
                  fraction: progress.fraction,
                  message: describeProgress(progress).replace('tensor passes', 'layers'),
                  partial,
                });
              });
            inFlight.add(task);
            void task.finally(() => inFlight.delete(task)).catch(() => undefined);
          }
          if (inFlight.size === 0) break;
          await Promise.race(inFlight);
        }
      })();
      await untilCancelled(work, options.signal);
      return {
        layers,
        onlyInBase: pairing.onlyInBase,
        onlyInTuned: pairing.onlyInTuned,
        shapeMismatch: pairing.shapeMismatch,
        failures,
      };
    } finally {
      void baseFiles.close();
      void tunedFiles.close();
    }
  }

  async analyze(
    location: CheckpointLocation,
    options: CheckpointRunOptions,
  ): Promise<CheckpointRun> {
    const { signal } = options;
    const aborted = () => signal?.aborted === true;
    const context: JobContext = {
      progress() {},
      checkCancelled() {
        if (aborted()) throw new CancelledError();
      },
    };
    const files = checkpointFolder(location.folder, { listable: location.entry === undefined });
    let pending = '';
    let written = '';
    const send = (progress?: ScheduleProgress, message?: string) => {
      const partial: CheckpointRunProgress = { lines: pending, ...(progress ? { progress } : {}) };
      pending = '';
      options.onProgress?.({
        fraction: progress?.fraction ?? 0,
        message: message ?? (progress ? describeProgress(progress) : undefined),
        partial,
      });
    };
    try {
      send(undefined, 'reading the checkpoint’s headers…');
      const checkpoint = await openCheckpoint(files, location.entry);
      context.checkCancelled();
      const fingerprint = await fingerprintCheckpoint(checkpoint, files);
      context.checkCancelled();
      const settings: ReportSettings = {
        passes: options.passes,
        policy: options.policy,
        quick: defaultQuickPassSettings,
        selection: options.tensors ?? 'matrices',
      };
      let passNumber = 0;
      const run = runCheckpointAnalysis({
        checkpoint,
        files,
        fingerprint,
        settings,
        append: (piece) => {
          const first = written === '';
          pending += piece;
          written += piece;
          // The header goes out at once, so the table lists every tensor before any finishes.
          if (first)
            send(
              undefined,
              options.passes.includes('quick')
                ? 'starting the quick pass…'
                : 'starting the full pass…',
            );
        },
        runTensor: (request) =>
          this.compute.runHostJob(
            'checkpointTensor',
            { folder: location.folder, ...request },
            { jobId: `${options.jobId}/tensor-${++passNumber}`, signal },
          ) as Promise<TensorPassResult>,
        workers: this.compute.info().workers,
        memoryBudgetBytes: this.compute.budget.memoryBytes,
        context,
        onProgress: (progress) => send(progress),
        createdBy: `Rankscope ${appVersion}`,
        startedAt: new Date().toISOString(),
      });
      // Cancel answers at once; the passes in flight stop on their workers meanwhile.
      const result = await untilCancelled(run, signal);
      if (pending) send();
      return { report: written, failures: result.failures };
    } finally {
      // Workers opened their own files; the host's (headers, fingerprint) close here, after the run.
      void files.close();
    }
  }
}
