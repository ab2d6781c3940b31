// The page's side of every transport: turns HostApi calls into request envelopes and replies back
// into results, progress callbacks and HostErrors (revived here, once). Electron's bridge, the web
// socket and the in-memory host differ only in the `send` they give it and where they feed
// `receive` from.
import type { HostRequest } from './envelope';
import { readReply } from './envelope';
import { reviveError, serializeError, type SerializedError } from './errors';
import type { ComputeOptions, HostApi, ProgressEvent } from './host-api';
import { hostMethodNames, progressMethods, type HostMethodName } from './host-methods';

interface Pending {
  resolve(value: unknown): void;
  reject(error: unknown): void;
  onProgress?: (event: ProgressEvent) => void;
}

/** HostApi's enveloped methods (the event hooks belong to a transport, not to the client). */
export type HostMethods = Pick<HostApi, HostMethodName>;

export interface HostClient {
  host: HostMethods;
  /** Feed every reply from the host here. */
  receive(reply: unknown): void;
  /** Rejects every call still waiting (the connection dropped), with this error. */
  failAll(error: SerializedError): void;
  readonly pending: number;
}

let clientNumber = 0;

export function createHostClient(send: (request: HostRequest) => void): HostClient {
  const pending = new Map<number, Pending>();
  const prefix = `c${(clientNumber++).toString(36)}${Math.random().toString(36).slice(2, 8)}`;
  let nextId = 1;

  function call(method: HostMethodName, given: unknown[]): Promise<unknown> {
    const args = [...given];
    let onProgress: ((event: ProgressEvent) => void) | undefined;
    const optionsAt = progressMethods[method];
    if (optionsAt !== undefined) {
      // The callback stays here; the job id travels, so cancel(jobId) can find the job.
      const options = (args[optionsAt] ?? {}) as ComputeOptions;
      onProgress = options.onProgress;
      args[optionsAt] = { jobId: options.jobId ?? `${prefix}-${method}-${nextId}` };
    }
    while (args.length > 0 && args[args.length - 1] === undefined) args.pop();
    const id = nextId++;
    return new Promise((resolve, reject) => {
      pending.set(id, { resolve, reject, onProgress });
      try {
        send({ id, method, args });
      } catch (error) {
        pending.delete(id);
        reject(reviveError(serializeError(error)));
      }
    });
  }

  const host = {} as Record<HostMethodName, (...args: unknown[]) => Promise<unknown>>;
  for (const method of hostMethodNames) host[method] = (...args) => call(method, args);
  // cancel resolves to nothing, whatever the host answered.
  const cancel = host.cancel;
  host.cancel = (...args) => cancel(...args).then(() => undefined);

  return {
    host: host as unknown as HostMethods,
    receive(message) {
      const reply = readReply(message);
      if (!reply || reply.id === null) return;
      const waiting = pending.get(reply.id);
      if (!waiting) return;
      if ('progress' in reply) {
        waiting.onProgress?.(reply.progress);
      } else if ('error' in reply) {
        pending.delete(reply.id);
        waiting.reject(reviveError(reply.error));
      } else {
        pending.delete(reply.id);
        waiting.resolve(reply.result);
      }
    },
    failAll(error) {
      const calls = [...pending.values()];
      pending.clear();
      for (const waiting of calls) waiting.reject(reviveError(error));
    },
    get pending() {
      return pending.size;
    },
  };
}
