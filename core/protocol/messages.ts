// Messages between a host and its compute workers, and between the web host and its page.
// Tagged unions with a request id, validated at each boundary.
import { z } from 'zod';
import type { SerializedError } from './errors';
import type { ProgressEvent } from './host-api';

export const computeCallSchema = z.object({
  job: z.string().min(1).max(64),
  request: z.unknown(),
  jobId: z.string().min(1).max(128).optional(),
});
export type ComputeCall = z.infer<typeof computeCallSchema>;

export const cancelCallSchema = z.object({ jobId: z.string().min(1).max(128) });

/** Host → worker. `cancelFlag` is an Int32Array over a SharedArrayBuffer: 1 means stop. */
export type WorkerRequest = {
  type: 'run';
  id: number;
  job: string;
  request: unknown;
  cancelFlag: Int32Array;
};

/** Worker → host. */
export type WorkerResponse =
  | { type: 'progress'; id: number; progress: ProgressEvent }
  | { type: 'result'; id: number; result: unknown; milliseconds: number }
  | { type: 'error'; id: number; error: SerializedError; milliseconds: number }
  | { type: 'ready' };

/** Page ↔ web host over the WebSocket (JSON, typed arrays encoded by wire.ts). */
export const socketRequestSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('info'), id: z.number().int() }),
  z.object({ type: z.literal('compute'), id: z.number().int(), call: computeCallSchema }),
  z.object({ type: z.literal('cancel'), id: z.number().int(), jobId: z.string().min(1).max(128) }),
  /** Any other HostApi method, by name (checked against the contract by the host). */
  z.object({
    type: z.literal('call'),
    id: z.number().int(),
    method: z.string().min(1).max(64),
    args: z.array(z.unknown()).max(4),
    jobId: z.string().min(1).max(128).optional(),
  }),
]);
export type SocketRequest = z.infer<typeof socketRequestSchema>;

export type SocketResponse =
  | { type: 'progress'; id: number; progress: ProgressEvent }
  | { type: 'result'; id: number; result: unknown }
  | { type: 'error'; id: number; error: SerializedError };
