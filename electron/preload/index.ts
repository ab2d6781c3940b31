// The only bridge between the page and the host: named functions satisfying HostApi.
// Raw ipcRenderer never leaves this file.
import { contextBridge, ipcRenderer } from 'electron';
import type { ComputeOptions, HostApi, ProgressEvent } from '../../core/protocol/host-api';
import type { SerializedError } from '../../core/protocol/errors';
import { ipcChannels, menuChannel } from './channels';

type Envelope = { ok: true; value: unknown } | { ok: false; error: SerializedError };

const progressListeners = new Map<string, (event: ProgressEvent) => void>();
ipcRenderer.on(
  ipcChannels.progress,
  (_event, message: { jobId: string; progress: ProgressEvent }) => {
    progressListeners.get(message.jobId)?.(message.progress);
  },
);

let counter = 0;

async function call(
  method: keyof HostApi,
  args: unknown[],
  options: ComputeOptions = {},
): Promise<never> {
  const jobId = options.jobId ?? `ipc-${Date.now().toString(36)}-${(counter++).toString(36)}`;
  if (options.onProgress) progressListeners.set(jobId, options.onProgress);
  try {
    const envelope = (await ipcRenderer.invoke(ipcChannels.call, {
      method,
      args,
      jobId,
    })) as Envelope;
    if (envelope.ok) return envelope.value as never;
    // Rebuilt as an Error with the host's name ('CancelledError', 'InvalidRequest', …).
    const error = new Error(envelope.error.message);
    error.name = envelope.error.name;
    (error as Error & { detail?: unknown }).detail = envelope.error.detail;
    throw error;
  } finally {
    progressListeners.delete(jobId);
  }
}

const api = {
  info: () => call('info', []),
  compute: ((job: string, request: unknown, options?: ComputeOptions) =>
    call('compute', [job, request], options)) as HostApi['compute'],
  cancel: (jobId) => call('cancel', [jobId]),
  pickPath: (request) => call('pickPath', [request]),
  openProject: (path) => call('openProject', [path]),
  saveProject: (request) => call('saveProject', [request]),
  checkExternalChange: (path) => call('checkExternalChange', [path]),
  recentProjects: () => call('recentProjects', []),
  writeBackup: (request) => call('writeBackup', [request]),
  clearBackup: (sessionId) => call('clearBackup', [sessionId]),
  listBackups: () => call('listBackups', []),
  restoreBackup: (id) => call('restoreBackup', [id]),
  discardBackup: (id) => call('discardBackup', [id]),
  importMatrix: (request) => call('importMatrix', [request]),
  readMatrix: (request) => call('readMatrix', [request]),
  keepMatrix: (request) => call('keepMatrix', [request]),
  analyzeWeights: (request, options) => call('analyzeWeights', [request], options),
  onMenuCommand: (listener: (command: string) => void) => {
    ipcRenderer.on(menuChannel, (_event, command: unknown) => {
      if (typeof command === 'string') listener(command);
    });
  },
} satisfies HostApi;

contextBridge.exposeInMainWorld('rankscope', api);
