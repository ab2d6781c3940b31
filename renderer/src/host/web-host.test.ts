import type { JobName } from '../../../core/protocol/jobs';
import { describe, it, expect } from 'vitest';
import { decodeWireFrame, encodeWireFrame } from '../../../core/protocol/wire';
import type { SocketRequest, SocketResponse } from '../../../core/protocol/messages';
import { createWebHost, type SocketLike } from './web-host';

class FakeSocket implements SocketLike {
  readyState = 0;
  binaryType = 'blob';
  sent: SocketRequest[] = [];
  onopen: ((event: unknown) => void) | null = null;
  onmessage: ((event: { data: unknown }) => void) | null = null;
  onclose: ((event: unknown) => void) | null = null;
  onerror: ((event: unknown) => void) | null = null;
  constructor(readonly url: string) {}
  send(frame: Uint8Array) {
    this.sent.push(decodeWireFrame(frame) as SocketRequest);
  }
  close() {
    this.readyState = 3;
    this.onclose?.({});
  }
  open() {
    this.readyState = 1;
    this.onopen?.({});
  }
  reply(message: SocketResponse) {
    // Binary frames arrive as ArrayBuffers (the host sets binaryType 'arraybuffer').
    expect(this.binaryType).toBe('arraybuffer');
    this.onmessage?.({ data: encodeWireFrame(message).buffer });
  }
}

function setup() {
  const sockets: FakeSocket[] = [];
  const host = createWebHost('ws://127.0.0.1:1/socket?token=t', (url) => {
    const socket = new FakeSocket(url);
    sockets.push(socket);
    return socket;
  });
  return { host, sockets };
}
/** A job name outside the typed catalog: these tests run their own jobs through the host. */
const loose = (job: string) => job as JobName;

describe('web host over a socket', () => {
  it('queues requests until the socket opens, then matches replies by id', async () => {
    const { host, sockets } = setup();
    const info = host.info();
    const computed = host.compute(loose('analyze'), { cells: [['1']] }, { jobId: 'j1' });
    expect(sockets).toHaveLength(1);
    expect(sockets[0].sent).toHaveLength(0);
    sockets[0].open();
    const [first, second] = sockets[0].sent;
    expect(first).toEqual({ type: 'info', id: first.id });
    expect(second).toEqual({
      type: 'compute',
      id: second.id,
      call: { job: 'analyze', request: { cells: [['1']] }, jobId: 'j1' },
    });
    // Replies may come in any order.
    sockets[0].reply({ type: 'result', id: second.id, result: { rank: 1 } });
    sockets[0].reply({ type: 'result', id: first.id, result: { host: 'web', cores: 2 } });
    await expect(computed).resolves.toEqual({ rank: 1 });
    await expect(info).resolves.toEqual({ host: 'web', cores: 2 });
    host.dispose();
  });

  it('delivers progress, decodes typed arrays, and turns errors into HostErrors', async () => {
    const { host, sockets } = setup();
    const progress: number[] = [];
    const computed = host.compute(loose('stress'), { size: 10 } as never, {
      onProgress: (event) => progress.push(event.fraction),
    });
    const failing = host.compute(loose('analyze'), { cells: [['x']] });
    sockets[0].open();
    const [compute, bad] = sockets[0].sent;
    sockets[0].reply({ type: 'progress', id: compute.id, progress: { fraction: 0.5 } });
    sockets[0].reply({
      type: 'result',
      id: compute.id,
      result: { values: new Float64Array([3, 1]) },
    });
    sockets[0].reply({
      type: 'error',
      id: bad.id,
      error: { name: 'EntryError', message: 'row 1, column 1: "x" is not a number' },
    });
    const result = (await computed) as unknown as { values: Float64Array };
    expect(progress).toEqual([0.5]);
    expect(result.values).toBeInstanceOf(Float64Array);
    expect(Array.from(result.values)).toEqual([3, 1]);
    await expect(failing).rejects.toMatchObject({ name: 'EntryError' });
    host.dispose();
  });

  it('sends cancel as its own request', async () => {
    const { host, sockets } = setup();
    sockets.length = 0;
    const cancelling = host.cancel('j9');
    sockets[0].open();
    const [request] = sockets[0].sent;
    expect(request).toEqual({ type: 'cancel', id: request.id, jobId: 'j9' });
    sockets[0].reply({ type: 'result', id: request.id, result: null });
    await expect(cancelling).resolves.toBeUndefined();
    host.dispose();
  });

  it('carries the other HostApi methods as one generic call, progress included', async () => {
    const { host, sockets } = setup();
    const bytes = new Uint8Array([1, 2, 3]);
    const imported = host.importMatrix({ fileName: 'a.npy', bytes });
    const progress: number[] = [];
    const weights = host.analyzeWeights(
      { files: [{ path: '/tmp/model.safetensors' }] },
      { jobId: 'w1', onProgress: (event) => progress.push(event.fraction) },
    );
    sockets[0].open();
    const [first, second] = sockets[0].sent as unknown as Record<string, unknown>[];
    expect(first).toMatchObject({ type: 'call', method: 'importMatrix' });
    const sentBytes = (first.args as { bytes: Uint8Array }[])[0].bytes;
    expect(sentBytes).toBeInstanceOf(Uint8Array);
    expect(Array.from(sentBytes)).toEqual([1, 2, 3]);
    expect(second).toEqual({
      type: 'call',
      id: second.id,
      method: 'analyzeWeights',
      args: [{ files: [{ path: '/tmp/model.safetensors' }] }],
      jobId: 'w1',
    });
    const secondId = second.id as number;
    sockets[0].reply({ type: 'progress', id: secondId, progress: { fraction: 0.25 } });
    sockets[0].reply({
      type: 'result',
      id: secondId,
      result: { rows: [], skipped: [], failed: [] },
    });
    sockets[0].reply({
      type: 'error',
      id: first.id as number,
      error: { name: 'FormatError', message: 'a.npy: bad magic' },
    });
    await expect(weights).resolves.toEqual({ rows: [], skipped: [], failed: [] });
    expect(progress).toEqual([0.25]);
    await expect(imported).rejects.toMatchObject({ name: 'FormatError' });
    host.dispose();
  });

  it('rejects pending calls when the connection drops, says so, and reconnects', async () => {
    const { host, sockets } = setup();
    const states: string[] = [];
    host.onConnectionChange((state) => states.push(state));
    const computed = host.compute(loose('analyze'), { cells: [['1']] });
    sockets[0].open();
    sockets[0].close();
    await expect(computed).rejects.toMatchObject({ name: 'ConnectionError' });
    expect(states).toContain('closed');
    await new Promise((resolve) => setTimeout(resolve, 600));
    expect(sockets.length).toBe(2);
    sockets[1].open();
    expect(states.at(-1)).toBe('open');
    const again = host.info();
    const [request] = sockets[1].sent;
    sockets[1].reply({ type: 'result', id: request.id, result: { cores: 4 } });
    await expect(again).resolves.toEqual({ cores: 4 });
    host.dispose();
  });
});
