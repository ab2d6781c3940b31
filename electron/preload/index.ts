// The only bridge between the page and the host: named functions satisfying HostApi.
// Raw ipcRenderer never leaves this file.
import { contextBridge, ipcRenderer } from 'electron';
import type { ComputeOptions, HostApi, ProgressEvent } from '../../core/protocol/host-api';
import type { SerializedError } from '../../core/protocol/errors';
import { ipcChannels } from './channels';

type Envelope = { ok: true; value: unknown } | { ok: false; error: SerializedError };

const progressListeners = new Map<string, (event: ProgressEvent) => void>();
ipcRenderer.on(ipcChannels.progress, (_event, message: { jobId: string; progress: ProgressEvent }) => {
  progressListeners.get(message.jobId)?.(message.progress);
});

let counter = 0;

async function invoke(channel: string, payload?: unknown): Promise<unknown> {
  const envelope = (await ipcRenderer.invoke(channel, payload)) as Envelope;
  if (envelope.ok) return envelope.value;
  // Rebuilt as an Error with the host's name ('CancelledError', 'InvalidRequest', …).
  const error = new Error(envelope.error.message);
  error.name = envelope.error.name;
  (error as Error & { detail?: unknown }).detail = envelope.error.detail;
  throw error;
}

const api = {
  info: () => invoke(ipcChannels.info) as ReturnType<HostApi['info']>,
  compute: (async (job: string, request: unknown, options: ComputeOptions = {}) => {
    const jobId = options.jobId ?? `ipc-${Date.now().toString(36)}-${(counter++).toString(36)}`;
    if (options.onProgress) progressListeners.set(jobId, options.onProgress);
    try {
      return await invoke(ipcChannels.compute, { job, request, jobId });
    } finally {
      progressListeners.delete(jobId);
    }
  }) as HostApi['compute'],
  cancel: async (jobId: string) => {
    await invoke(ipcChannels.cancel, { jobId });
  },
} satisfies HostApi;

contextBridge.exposeInMainWorld('rankscope', api);
