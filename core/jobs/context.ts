// The context every job receives: progress and cancellation. Defined beside the numerical core
// (core/linalg/cancellation.ts), which polls it, so the layers below jobs never import jobs.
export { CancelledError, directContext, type JobContext } from '../linalg/cancellation';
