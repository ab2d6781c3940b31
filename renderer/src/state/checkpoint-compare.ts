// Comparing the Lab's checkpoint with a fine-tune of it: the host pairs their layers and streams
// each ΔW = W_tuned − W_base as it is finished (its spectrum, ranks, LoRA ranks for 90/95/99 % of
// its energy). Kept outside the views so a comparison keeps reporting across remounts.
import { create } from 'zustand';
import type {
  CheckpointDiffProgress,
  CheckpointDiffResult,
} from '../../../core/protocol/checkpoints';
import { isCancelled } from '../../../core/protocol/errors';
import type { HandleInfo } from '../../../core/protocol/files';
import type { HostApi } from '../../../core/protocol/host-api';
import type { LayerDelta } from '../../../core/weights/checkpoint-diff';
import { newJobId } from '../host/run-job';

export interface CheckpointCompareState {
  tuned: HandleInfo | null;
  /** The base the comparison was made against (a new checkpoint starts afresh). */
  baseHandle: string | null;
  layers: LayerDelta[];
  result: CheckpointDiffResult | null;
  running: { jobId: string; message: string; fraction: number } | null;
  error: string | null;
}

export const useCheckpointCompare = create<CheckpointCompareState>(() => ({
  tuned: null,
  baseHandle: null,
  layers: [],
  result: null,
  running: null,
  error: null,
}));

const set = useCheckpointCompare.setState;
const get = useCheckpointCompare.getState;

export async function compareCheckpoints(
  host: Pick<HostApi, 'diffCheckpoints'>,
  base: HandleInfo,
  tuned: HandleInfo,
): Promise<void> {
  if (get().running) return;
  const jobId = newJobId('diff');
  set({
    tuned,
    baseHandle: base.handle,
    layers: [],
    result: null,
    error: null,
    running: { jobId, message: 'reading both checkpoints…', fraction: 0 },
  });
  try {
    const result = await host.diffCheckpoints(
      { base: base.handle, tuned: tuned.handle },
      {
        jobId,
        onProgress: (event) => {
          if (get().running?.jobId !== jobId) return;
          const layer = (event.partial as CheckpointDiffProgress | undefined)?.layer;
          set({
            running: { jobId, message: event.message ?? '', fraction: event.fraction },
            ...(layer ? { layers: [...get().layers, layer] } : {}),
          });
        },
      },
    );
    if (get().running?.jobId !== jobId) return;
    set({ running: null, result, layers: result.layers });
  } catch (error) {
    if (get().running?.jobId !== jobId) return;
    set({
      running: null,
      error: isCancelled(error)
        ? 'Cancelled: the layers compared so far are kept.'
        : `${tuned.name}: ${error instanceof Error ? error.message : String(error)}`,
    });
  }
}

export async function cancelCompare(host: Pick<HostApi, 'cancel'>): Promise<void> {
  const running = get().running;
  if (!running) return;
  set({ running: null, error: 'Cancelled: the layers compared so far are kept.' });
  await host.cancel(running.jobId).catch(() => undefined);
}
