// The host side of HostApi, shared by Electron's IPC and the web host: validates every call
// against the job catalog's schemas and runs it on the compute pool.
import os from 'node:os';
import { catalog } from '../../core/jobs/catalog';
import type { HostInfo, ProgressEvent } from '../../core/protocol/host-api';
import { cancelCallSchema, computeCallSchema } from '../../core/protocol/messages';
import { HostError } from '../../core/protocol/errors';
import type { ComputePool } from './compute-pool';
import { appVersion } from './app-version';

export class ComputeService {
  constructor(
    private readonly pool: ComputePool,
    private readonly host: HostInfo['host'],
  ) {}

  info(): HostInfo {
    const versions: Record<string, string> = {};
    for (const [name, version] of Object.entries(process.versions)) {
      if (['node', 'v8', 'electron', 'chrome'].includes(name) && version) versions[name] = version;
    }
    return {
      app: 'Rankscope',
      version: appVersion,
      host: this.host,
      versions,
      cores:
        typeof os.availableParallelism === 'function'
          ? os.availableParallelism()
          : os.cpus().length,
      workers: this.pool.size,
      nativeDialogs: this.host === 'electron',
      homeFolder: os.homedir(),
    };
  }

  /** Validates an untrusted call ({ job, request, jobId }) and runs it. */
  compute(call: unknown, onProgress?: (event: ProgressEvent) => void): Promise<unknown> {
    const envelope = computeCallSchema.safeParse(call);
    if (!envelope.success)
      return Promise.reject(
        invalid(
          `The compute call is malformed: ${envelope.error.issues[0]?.message ?? 'unknown problem'}.`,
        ),
      );
    const { job, request, jobId } = envelope.data;
    if (!Object.hasOwn(catalog, job))
      return Promise.reject(invalid(`There is no compute job named "${job}".`));
    const definition = catalog[job as keyof typeof catalog];
    const parsed = definition.request.safeParse(request);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      const where = issue?.path.length ? ` at ${issue.path.join('.')}` : '';
      return Promise.reject(
        invalid(
          `The request for "${job}" is invalid${where}: ${issue?.message ?? 'unknown problem'}.`,
        ),
      );
    }
    return this.pool.run(job, parsed.data, { jobId, onProgress });
  }

  cancel(call: unknown): void {
    const parsed = cancelCallSchema.safeParse(call);
    if (parsed.success) this.pool.cancel(parsed.data.jobId);
  }
}

function invalid(message: string): HostError {
  return new HostError({ name: 'InvalidRequest', message });
}
