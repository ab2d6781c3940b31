// The web host: the same HostApi over one WebSocket to the Rankscope web server on 127.0.0.1.
// Requests carry ids; the server answers with progress, result or error for that id. Typed
// arrays cross as raw bytes in binary frames (core/protocol/wire). When the socket closes, every
// pending call rejects with a ConnectionError and the host reconnects with backoff.
import { HostError } from '../../../core/protocol/errors';
import type { HostApi, HostInfo, ProgressEvent } from '../../../core/protocol/host-api';
import { hostMethodNames, progressMethods } from '../../../core/protocol/host-methods';
import type { SocketRequest, SocketResponse } from '../../../core/protocol/messages';
import { decodeWire, decodeWireFrame, encodeWireFrame } from '../../../core/protocol/wire';

/** The part of the browser WebSocket this host uses (lets tests supply a fake). */
export interface SocketLike {
  readonly readyState: number;
  /** Messages go and come as binary frames (core/protocol/wire.ts). */
  binaryType: string;
  send(frame: Uint8Array): void;
  close(): void;
  onopen: ((event: unknown) => void) | null;
  onmessage: ((event: { data: unknown }) => void) | null;
  onclose: ((event: unknown) => void) | null;
  onerror: ((event: unknown) => void) | null;
}
export type SocketFactory = (url: string) => SocketLike;

export type ConnectionState = 'connecting' | 'open' | 'closed';

export interface WebHost extends HostApi {
  /** Called on every connection change; returns an unsubscribe function. */
  onConnectionChange(listener: (state: ConnectionState, message: string) => void): () => void;
  dispose(): void;
}

/**
 * Every HostApi method other than info/compute/cancel crosses as one generic message; the
 * server answers it like a compute (progress for progressMethods, then result or error).
 */
export interface SocketMethodCall {
  type: 'call';
  id: number;
  method: string;
  args: unknown[];
  jobId?: string;
}

type OutgoingMessage = SocketRequest | SocketMethodCall;

interface Pending {
  resolve(value: unknown): void;
  reject(error: unknown): void;
  onProgress?: (event: ProgressEvent) => void;
}

const openState = 1;
const longestBackoffMilliseconds = 10_000;

export const connectionLostMessage =
  'Lost the connection to the Rankscope host. Reconnecting… (if this persists, restart `npm run serve` and open the address it prints).';

export function createWebHost(
  url: string,
  factory: SocketFactory = (address) => new WebSocket(address) as unknown as SocketLike,
): WebHost {
  let socket: SocketLike | null = null;
  let nextId = 1;
  let backoff = 500;
  let reconnectTimer: ReturnType<typeof setTimeout> | null = null;
  let disposed = false;
  const pending = new Map<number, Pending>();
  const outbox: Uint8Array[] = [];
  const listeners = new Set<(state: ConnectionState, message: string) => void>();

  function announce(state: ConnectionState, message: string) {
    for (const listener of listeners) listener(state, message);
  }

  function connect(): SocketLike {
    if (socket) return socket;
    const created = factory(url);
    created.binaryType = 'arraybuffer';
    socket = created;
    announce('connecting', 'Connecting to the Rankscope host…');
    created.onopen = () => {
      backoff = 500;
      announce('open', 'Connected');
      for (const frame of outbox.splice(0)) created.send(frame);
    };
    created.onmessage = (event) => {
      if (event.data instanceof ArrayBuffer)
        receive(() => decodeWireFrame(new Uint8Array(event.data as ArrayBuffer)));
      else if (typeof event.data === 'string') receive(() => decodeWire(event.data as string));
    };
    created.onerror = () => undefined; // onclose follows and does the work.
    created.onclose = () => {
      if (socket !== created) return;
      socket = null;
      outbox.length = 0;
      const lost = new HostError({ name: 'ConnectionError', message: connectionLostMessage });
      for (const call of pending.values()) call.reject(lost);
      pending.clear();
      if (disposed) return;
      announce('closed', connectionLostMessage);
      reconnectTimer = setTimeout(() => {
        reconnectTimer = null;
        if (!disposed) connect();
      }, backoff);
      backoff = Math.min(backoff * 2, longestBackoffMilliseconds);
    };
    return created;
  }

  function receive(decode: () => unknown) {
    let message: SocketResponse;
    try {
      message = decode() as SocketResponse;
    } catch {
      return; // Not ours to understand; the server sends only valid JSON.
    }
    const call = pending.get(message.id);
    if (!call) return;
    if (message.type === 'progress') {
      call.onProgress?.(message.progress);
    } else if (message.type === 'result') {
      pending.delete(message.id);
      call.resolve(message.result);
    } else if (message.type === 'error') {
      pending.delete(message.id);
      call.reject(new HostError(message.error));
    }
  }

  function send(request: OutgoingMessage, call: Pending) {
    if (disposed) {
      call.reject(new HostError({ name: 'ConnectionError', message: 'The host was closed.' }));
      return;
    }
    pending.set(request.id, call);
    const frame = encodeWireFrame(request);
    const target = connect();
    if (target.readyState === openState) target.send(frame);
    else outbox.push(frame);
  }

  function call<T>(
    build: (id: number) => SocketRequest,
    onProgress?: (event: ProgressEvent) => void,
  ) {
    return new Promise<T>((resolve, reject) => {
      send(build(nextId++), { resolve: resolve as (value: unknown) => void, reject, onProgress });
    });
  }

  type Options = { jobId?: string; onProgress?: (event: ProgressEvent) => void } | undefined;
  const generic: Record<string, (...args: unknown[]) => Promise<unknown>> = {};
  for (const method of hostMethodNames) {
    const reportsProgress = progressMethods.includes(method);
    generic[method] = (...args) => {
      // A progress method's last argument is its options: the callback stays here, the id travels.
      const options = reportsProgress && args.length > 1 ? (args.pop() as Options) : undefined;
      return call<unknown>(
        (id): SocketMethodCall => ({
          type: 'call',
          id,
          method,
          args,
          ...(options?.jobId ? { jobId: options.jobId } : {}),
        }),
        options?.onProgress,
      );
    };
  }

  const host = {
    ...generic,
    info: () => call<HostInfo>((id) => ({ type: 'info', id })),
    compute: (
      job: string,
      request: unknown,
      options: { jobId?: string; onProgress?: (event: ProgressEvent) => void } = {},
    ) =>
      call<unknown>(
        (id) => ({
          type: 'compute',
          id,
          call: { job, request, ...(options.jobId ? { jobId: options.jobId } : {}) },
        }),
        options.onProgress,
      ),
    cancel: (jobId: string) =>
      call<void>((id) => ({ type: 'cancel', id, jobId })).then(() => undefined),
    onConnectionChange(listener: (state: ConnectionState, message: string) => void) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    dispose() {
      disposed = true;
      if (reconnectTimer) clearTimeout(reconnectTimer);
      socket?.close();
    },
  };
  return host as unknown as WebHost;
}
