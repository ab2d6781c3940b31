// The jobs' view of core/job-context.ts, which sits below every layer so that the algorithms in
// linalg and rank can take progress and cancellation without importing the jobs.
export { CancelledError, directContext, type JobContext } from '../job-context';
