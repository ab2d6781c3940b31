// The web host: the same HostApi over one WebSocket to the Rankscope web server on 127.0.0.1.
// Envelopes (core/protocol/envelope.ts) travel as binary frames (core/protocol/frame.ts) through
// the same client as every other host. When the socket closes, every pending call rejects with a
// ConnectionError and the host reconnects with backoff (handles of the old connection end with
// it: files are chosen again).
import { hostError } from '../../../core/protocol/errors';
import { decodeFrame, encodeFrame } from '../../../core/protocol/frame';
import { createHostClient } from '../../../core/protocol/host-client';
import type { HostApi } from '../../../core/protocol/host-api';
import { formatBytes } from '../../../core/quantities';

/** The part of the browser WebSocket this host uses (lets tests supply a fake). */
export interface SocketLike {
  readonly readyState: number;
  /** Messages go and come as binary frames (core/protocol/frame.ts). */
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

const openState = 1;
const longestBackoffMilliseconds = 10_000;
/** The host's message limit (it says so in info().limits); larger messages are not sent at all. */
const largestFrameBytes = 160 * 1024 ** 2;

export const connectionLostMessage =
  'Lost the connection to the Rankscope host. Reconnecting… (if this persists, restart `npm run serve` and open the address it prints).';

export function createWebHost(
  url: string,
  factory: SocketFactory = (address) => new WebSocket(address) as unknown as SocketLike,
): WebHost {
  let socket: SocketLike | null = null;
  let backoff = 500;
  let reconnectTimer: ReturnType<typeof setTimeout> | null = null;
  let disposed = false;
  const outbox: Uint8Array[] = [];
  const listeners = new Set<(state: ConnectionState, message: string) => void>();

  function announce(state: ConnectionState, message: string) {
    for (const listener of listeners) listener(state, message);
  }

  const client = createHostClient((request) => {
    if (disposed) throw hostError('ConnectionError', 'The host was closed.');
    const frame = encodeFrame(request);
    if (frame.length > largestFrameBytes)
      throw hostError(
        'TooLarge',
        `This request is ${formatBytes(frame.length)}, more than the ${formatBytes(largestFrameBytes)} a message to the host may hold.`,
      );
    const target = connect();
    if (target.readyState === openState) target.send(frame);
    else outbox.push(frame);
  });

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
      if (!(event.data instanceof ArrayBuffer)) return;
      try {
        client.receive(decodeFrame(new Uint8Array(event.data)));
      } catch {
        // Not a frame we can read: the host sends none such; nothing to answer.
      }
    };
    created.onerror = () => undefined; // onclose follows and does the work.
    created.onclose = () => {
      if (socket !== created) return;
      socket = null;
      outbox.length = 0;
      client.failAll({ name: 'ConnectionError', message: connectionLostMessage });
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

  return {
    ...client.host,
    onConnectionChange(listener) {
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
      };
    },
    dispose() {
      disposed = true;
      if (reconnectTimer) clearTimeout(reconnectTimer);
      socket?.close();
    },
  };
}
