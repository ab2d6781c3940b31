// The one message shape of every transport (Electron IPC, the web socket, the in-memory host):
// a request { id, method, args } is answered by any number of { id, progress } and then exactly
// one { id, result } or { id, error }. A message that cannot be read is answered with an error
// that names what was wrong, under its id when it has a readable one (else id null).
import { z } from 'zod';
import type { SerializedError } from './errors';
import type { ProgressEvent } from './host-api';
import { isHostMethod, type HostMethodName } from './host-methods';

export interface HostRequest {
  id: number;
  method: HostMethodName;
  args: unknown[];
}

export type HostReply =
  | { id: number; result: unknown }
  | { id: number | null; error: SerializedError }
  | { id: number; progress: ProgressEvent };

/** Request ids are chosen by the caller: any non-negative safe integer. */
const requestIdSchema = z.number().int().min(0).max(Number.MAX_SAFE_INTEGER);

const requestSchema = z
  .object({
    id: requestIdSchema,
    method: z.string().min(1).max(64),
    args: z.array(z.unknown()).max(8),
  })
  .strict();

export type RequestReading =
  { ok: true; request: HostRequest } | { ok: false; id: number | null; error: SerializedError };

function invalid(id: number | null, message: string): RequestReading {
  return { ok: false, id, error: { name: 'InvalidRequest', message } };
}

/** Reads an untrusted message as a request, or says (in a sentence) why it is not one. */
export function readRequest(message: unknown): RequestReading {
  if (typeof message !== 'object' || message === null || Array.isArray(message))
    return invalid(null, 'A request must be an object { id, method, args }.');
  const record = message as Record<string, unknown>;
  const id = requestIdSchema.safeParse(record.id).success ? (record.id as number) : null;
  const parsed = requestSchema.safeParse(message);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue?.path.length ? ` (at ${issue.path.join('.')})` : '';
    return invalid(id, `The request is malformed${where}: ${issue?.message ?? 'unknown problem'}.`);
  }
  const { method, args } = parsed.data;
  if (!isHostMethod(method))
    return invalid(id, `There is no host method named "${method.slice(0, 64)}".`);
  return { ok: true, request: { id: parsed.data.id, method, args } };
}

/** Reads a host's reply (the page trusts its host, but a broken reply must not throw later). */
export function readReply(message: unknown): HostReply | null {
  if (typeof message !== 'object' || message === null) return null;
  const record = message as Record<string, unknown>;
  const id = record.id;
  if (id !== null && !(typeof id === 'number' && Number.isSafeInteger(id))) return null;
  if ('error' in record && typeof record.error === 'object' && record.error !== null)
    return { id: id as number | null, error: record.error as SerializedError };
  if (id === null) return null;
  if ('progress' in record && typeof record.progress === 'object' && record.progress !== null)
    return { id: id as number, progress: record.progress as ProgressEvent };
  if ('result' in record) return { id: id as number, result: record.result };
  return null;
}
