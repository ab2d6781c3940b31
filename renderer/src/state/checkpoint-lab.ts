// The Lab's checkpoint: what is open (a checkpoint the host reads where it lies, or a saved report
// without its weights), what is known of every tensor (the report's lines as they arrive), the run
// in flight (tensors done, bytes read, time left, Cancel), and the actions that drive the host. It
// lives outside the views so a run keeps reporting while the Lab is remounted or hidden.
import { create } from 'zustand';
import type { CheckpointRunProgress } from '../../../core/protocol/checkpoints';
import { isCancelled } from '../../../core/protocol/errors';
import type { HandleInfo } from '../../../core/protocol/files';
import type { HostApi } from '../../../core/protocol/host-api';
import {
  formatReport,
  parseReport,
  parseReportHeader,
  parseReportLine,
  recordReportLine,
  type PassName,
  type ReportHeader,
  type TensorReport,
} from '../../../core/weights/report';
import type { ScheduleProgress } from '../../../core/weights/scheduler';
import { newJobId } from '../host/run-job';

/** Checkpoints whose matrices take less than this get the full pass straight after the quick one. */
export const automaticFullPassBytes = 64 * 1024 ** 2;

export interface CheckpointRunState {
  jobId: string;
  passes: PassName[];
  message: string;
  fraction: number;
  progress?: ScheduleProgress;
}

export interface CheckpointLabState {
  /** The checkpoint the person chose (null for a report opened without its weights). */
  source: HandleInfo | null;
  /** What the table is of: the checkpoint's or the report's name. */
  title: string | null;
  header: ReportHeader | null;
  /** What is known of each tensor so far, by name. */
  tensors: ReadonlyMap<string, TensorReport>;
  running: CheckpointRunState | null;
  error: string | null;
  /** Whether the example model was offered already (the Lab opens on it once). */
  exampleOffered: boolean;
}

const initial: CheckpointLabState = {
  source: null,
  title: null,
  header: null,
  tensors: new Map(),
  running: null,
  error: null,
  exampleOffered: false,
};

export const useCheckpointLab = create<CheckpointLabState>(() => initial);

const set = useCheckpointLab.setState;
const get = useCheckpointLab.getState;

function message(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** Bytes of the tensors a run would analyse: every matrix of the header. */
export function matrixBytes(header: ReportHeader): number {
  return header.checkpoint.tensors
    .filter((tensor) => tensor.shape.length >= 2)
    .reduce((sum, tensor) => sum + tensor.bytes, 0);
}

/** Runs passes over the open checkpoint (all matrices, or the named ones); lines fill the table. */
export async function runPasses(
  host: Pick<HostApi, 'analyzeCheckpoint'>,
  passes: PassName[],
  tensors?: string[],
): Promise<void> {
  const source = get().source;
  if (!source || get().running) return;
  const jobId = newJobId('checkpoint');
  set({
    running: { jobId, passes, message: 'reading the checkpoint…', fraction: 0 },
    error: null,
  });
  // Line numbers for error messages: lines after this run's header.
  let lineNumber = 0;
  let header: ReportHeader | null = null;
  const receive = (piece: string) => {
    for (const line of piece.split('\n')) {
      if (line === '') continue;
      lineNumber++;
      if (!header) {
        header = parseReportHeader(line);
        const known = get().header;
        if (known && known.checkpoint.fingerprint !== header.checkpoint.fingerprint)
          throw new Error(
            'The checkpoint changed on disk since it was opened: open it again to read it afresh.',
          );
        if (!known) set({ header, title: header.checkpoint.name || source.name });
        continue;
      }
      const parsed = parseReportLine(line, header, lineNumber);
      const tensors = new Map(get().tensors);
      // Copy the entry so the views see a new object.
      const previous = tensors.get(parsed.name);
      if (previous)
        tensors.set(parsed.name, {
          ...previous,
          seconds: { ...previous.seconds },
          failures: [...previous.failures],
        });
      recordReportLine(tensors, parsed);
      set({ tensors });
    }
  };
  try {
    await host.analyzeCheckpoint(
      { source: source.handle, passes, ...(tensors ? { tensors } : {}) },
      {
        jobId,
        onProgress: (event) => {
          if (get().running?.jobId !== jobId) return;
          const partial = event.partial as CheckpointRunProgress | undefined;
          if (partial?.lines) receive(partial.lines);
          set({
            running: {
              jobId,
              passes,
              message: event.message ?? get().running!.message,
              fraction: event.fraction,
              progress: partial?.progress ?? get().running!.progress,
            },
          });
        },
      },
    );
    if (get().running?.jobId !== jobId) return;
    set({ running: null });
  } catch (error) {
    if (get().running?.jobId !== jobId) return;
    set({
      running: null,
      error: isCancelled(error)
        ? 'Cancelled: the rows finished so far are kept.'
        : `${source.name}: ${message(error)}`,
    });
    return;
  }
  // A small checkpoint gets its full spectra at once: the table is then complete.
  const opened = get().header;
  if (passes.length === 1 && passes[0] === 'quick' && opened && !tensors)
    if (matrixBytes(opened) <= automaticFullPassBytes) await runPasses(host, ['full']);
}

/** Opens a checkpoint (file, shard index or folder) the person chose: its quick pass starts. */
export async function openCheckpoint(
  host: Pick<HostApi, 'analyzeCheckpoint' | 'cancel'>,
  source: HandleInfo,
): Promise<void> {
  await cancelRun(host);
  set({ ...initial, exampleOffered: true, source, title: source.name });
  await runPasses(host, ['quick']);
}

/** The Lab's first opening: the example model shipped with the app, once. */
export async function openExample(
  host: Pick<HostApi, 'analyzeCheckpoint' | 'cancel' | 'exampleFiles'>,
): Promise<void> {
  set({ exampleOffered: true });
  const [example] = await host.exampleFiles().catch(() => []);
  if (!example) {
    set({ error: 'This host ships no example model: open a checkpoint of your own.' });
    return;
  }
  await openCheckpoint(host, example);
}

export async function cancelRun(host: Pick<HostApi, 'cancel'>): Promise<void> {
  const running = get().running;
  if (!running) return;
  set({ running: null, error: 'Cancelled: the rows finished so far are kept.' });
  await host.cancel(running.jobId).catch(() => undefined);
}

/** A saved report, shown without the weights (its plots and columns as a live run's). */
export async function openReport(
  host: Pick<HostApi, 'readWeightReport' | 'cancel'>,
  file: HandleInfo,
): Promise<void> {
  try {
    const { name, text } = await host.readWeightReport(file.handle);
    const report = parseReport(text, name);
    await cancelRun(host);
    set({
      ...initial,
      exampleOffered: true,
      title: name,
      header: report.header,
      tensors: report.tensors,
      error: report.truncated
        ? `${name} ends in a line cut short (an interrupted run); the rows before it are shown.`
        : null,
    });
  } catch (error) {
    set({ error: `${file.name}: ${message(error)}` });
  }
}

/** The table as a report file (JSON Lines), to open later without the weights. */
export function reportText(): string | null {
  const { header, tensors } = get();
  if (!header) return null;
  const passes: PassName[] = [...tensors.values()].some((tensor) => tensor.full)
    ? ['quick', 'full']
    : ['quick'];
  return formatReport({
    header: { ...header, settings: { ...header.settings, passes, selection: 'matrices' } },
    tensors: new Map(tensors),
  });
}
