// Entry of every compute worker: serves the jobs of core/jobs/catalog. The host's own jobs that
// read files (hostOnly) are lent the files of the folder their request names, closed when they end.
import { catalog } from '../../core/jobs/catalog';
import type { FileReadingContext } from '../../core/jobs/checkpoint-tensor';
import { checkpointFolder, type CheckpointFolder } from '../services/checkpoint-folder';
import type { JobRunner } from './worker-runtime';
import { serveJobs } from './worker-runtime';

const runners: Record<string, JobRunner> = {};
for (const [name, job] of Object.entries(catalog)) {
  const run = job.run as JobRunner;
  runners[name] = !('hostOnly' in job && job.hostOnly)
    ? run
    : async (request, context) => {
        const opened: CheckpointFolder[] = [];
        const lending: FileReadingContext = {
          progress: (fraction, message) => context.progress(fraction, message),
          checkCancelled: () => context.checkCancelled(),
          folderFiles(folder) {
            const files = checkpointFolder(folder);
            opened.push(files);
            return files;
          },
        };
        try {
          return await run(request, lending);
        } finally {
          await Promise.all(opened.map((files) => files.close()));
        }
      };
}
serveJobs(runners);
