// The contract between the renderer and whichever host runs it (Electron main, the web host,
// or an in-memory fake). Every host implements HostApi; the renderer knows nothing else.
import type { JobName, JobRequest, JobResult } from './jobs';

export interface ProgressEvent {
  /** In [0, 1]. */
  fraction: number;
  message?: string;
}

export interface ComputeOptions {
  /** Names the job so that cancel(jobId) can stop it; the host makes one up when absent. */
  jobId?: string;
  onProgress?: (event: ProgressEvent) => void;
}

export interface HostInfo {
  app: 'Rankscope';
  version: string;
  host: 'electron' | 'web' | 'memory';
  /** Runtime versions: node, electron, chrome, v8 — whatever the host has. */
  versions: Record<string, string>;
  cores: number;
  workers: number;
}

export interface HostApi {
  info(): Promise<HostInfo>;
  /** Runs a job from the catalog on the host's compute pool; rejects with a HostError. */
  compute<K extends JobName>(job: K, request: JobRequest<K>, options?: ComputeOptions): Promise<JobResult<K>>;
  /** Cancels a running or queued job; its compute() promise rejects with name 'CancelledError'. */
  cancel(jobId: string): Promise<void>;
}
