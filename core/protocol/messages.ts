// Messages between a host and its compute workers: the envelope of every other transport
// ({ id, method, args } → { id, progress } … { id, result } | { id, error }), where the method is a
// job of the catalog, args its one request, and the cancel flag rides along as shared memory.
import type { HostReply } from './envelope';

/** Host → worker. `cancelFlag` is an Int32Array over a SharedArrayBuffer: 1 means stop. */
export interface WorkerRequest {
  id: number;
  method: string;
  args: [request: unknown];
  cancelFlag: Int32Array;
}

/** Worker → host: a reply (with the job's own time when it ends), or word that it is ready. */
export type WorkerReply = (HostReply & { milliseconds?: number }) | { ready: true };
