// Entry of every compute worker: serves the jobs of core/jobs/catalog.
import { catalog } from '../../core/jobs/catalog';
import type { JobRunner } from './worker-runtime';
import { serveJobs } from './worker-runtime';

const runners: Record<string, JobRunner> = {};
for (const [name, job] of Object.entries(catalog)) {
  runners[name] = (request, context) => (job.run as JobRunner)(request, context);
}
serveJobs(runners);
