// Compute for every host: validates a call against the job catalog's schema, checks the job's
// estimated memory and time against the host's budget before anything is allocated, and runs it
// on the pool under the caller's job id.
import os from 'node:os';
import { catalog } from '../../core/jobs/catalog';
import { checkBudget } from '../../core/jobs/budget';
import { hostError } from '../../core/protocol/errors';
import type { HostInfo, ProgressEvent } from '../../core/protocol/host-api';
import type { HostLimits } from '../../core/protocol/limits';
import type { ComputePool } from './compute-pool';
import { appVersion } from './app-version';

export interface JobRunOptions {
  jobId: string;
  onProgress?: (event: ProgressEvent) => void;
}

export class ComputeService {
  constructor(
    private readonly pool: ComputePool,
    private readonly host: HostInfo['host'],
    readonly limits: HostLimits,
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
      limits: this.limits,
    };
  }

  /** Validates a page's job request, checks its budget, and runs it; `jobId` names it for cancel. */
  compute(job: string, request: unknown, options: JobRunOptions): Promise<unknown> {
    if (!Object.hasOwn(catalog, job))
      return Promise.reject(
        hostError('InvalidRequest', `There is no compute job named "${job.slice(0, 64)}".`),
      );
    const definition: { hostOnly?: boolean } = catalog[job as keyof typeof catalog];
    if (definition.hostOnly)
      return Promise.reject(
        hostError(
          'InvalidRequest',
          `The job "${job}" reads files on the host's disk, so only the host runs it: open the files in the Lab instead.`,
        ),
      );
    return this.runHostJob(job as keyof typeof catalog, request, options);
  }

  /** Runs a job for the host itself (host-only jobs included): validated and budgeted the same way. */
  runHostJob(
    job: keyof typeof catalog,
    request: unknown,
    options: JobRunOptions & { signal?: AbortSignal },
  ): Promise<unknown> {
    const definition = catalog[job];
    const parsed = definition.request.safeParse(request);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      const where = issue?.path.length ? ` at ${issue.path.join('.')}` : '';
      return Promise.reject(
        hostError(
          'InvalidRequest',
          `The request for "${job}" is invalid${where}: ${issue?.message ?? 'unknown problem'}.`,
        ),
      );
    }
    try {
      const cost = (definition.cost as (request: unknown) => { bytes: number; flops: number })(
        parsed.data,
      );
      checkBudget(`The job “${job}”`, cost, this.budget);
    } catch (error) {
      return Promise.reject(error);
    }
    return this.pool.run(job, parsed.data, options);
  }

  cancel(jobId: string): void {
    this.pool.cancel(jobId);
  }

  /** Cancels every job of a window or connection (their ids start with its scope id). */
  cancelScope(scopeId: string): void {
    for (const jobId of this.pool.jobIds())
      if (jobId.startsWith(`${scopeId}/`)) this.pool.cancel(jobId);
  }

  get budget() {
    return { memoryBytes: this.limits.memoryBudgetBytes, seconds: this.limits.timeBudgetSeconds };
  }
}
