import type { JobName } from '../../../core/protocol/jobs';
import { describe, it, expect } from 'vitest';
import type { HostReply, HostRequest } from '../../../core/protocol/envelope';
import { decodeFrame, encodeFrame } from '../../../core/protocol/frame';
import { createWebHost, type SocketLike } from './web-host';
import { uploadFile } from './upload-file';

class FakeSocket implements SocketLike {
  readyState = 0;
  binaryType = 'blob';
  sent: HostRequest[] = [];
  onopen: ((event: unknown) => void) | null = null;
  onmessage: ((event: { data: unknown }) => void) | null = null;
  onclose: ((event: unknown) => void) | null = null;
  onerror: ((event: unknown) => void) | null = null;
  constructor(readonly url: string) {}
  send(frame: Uint8Array) {
    this.sent.push(decodeFrame(frame) as HostRequest);
  }
  close() {
    this.readyState = 3;
    this.onclose?.({});
  }
  open() {
    this.readyState = 1;
    this.onopen?.({});
  }
  reply(message: HostReply) {
    // Binary frames arrive as ArrayBuffers (the host sets binaryType 'arraybuffer').
    expect(this.binaryType).toBe('arraybuffer');
    this.onmessage?.({ data: encodeFrame(message).slice().buffer });
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

/** A host whose socket is open (the socket is made by the first call). */
async function opened() {
  const { host, sockets } = setup();
  const info = host.info();
  sockets[0].open();
  sockets[0].reply({ id: sockets[0].sent[0].id, result: {} });
  await info;
  sockets[0].sent.length = 0;
  return { host, sockets };
}
/** A job name outside the typed catalog: these tests run their own jobs through the host. */
const loose = (job: string) => job as JobName;

describe('web host over a socket', () => {
  it('queues envelopes until the socket opens, then matches replies by id', async () => {
    const { host, sockets } = setup();
    const info = host.info();
    const computed = host.compute(loose('analyze'), { cells: [['1']] }, { jobId: 'j1' });
    expect(sockets).toHaveLength(1);
    expect(sockets[0].sent).toHaveLength(0);
    sockets[0].open();
    const [first, second] = sockets[0].sent;
    expect(first).toEqual({ id: first.id, method: 'info', args: [] });
    expect(second).toEqual({
      id: second.id,
      method: 'compute',
      args: ['analyze', { cells: [['1']] }, { jobId: 'j1' }],
    });
    // Replies may come in any order.
    sockets[0].reply({ id: second.id, result: { rank: 1 } });
    sockets[0].reply({ id: first.id, result: { host: 'web', cores: 2 } });
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
    sockets[0].reply({ id: compute.id, progress: { fraction: 0.5 } });
    sockets[0].reply({ id: compute.id, result: { values: new Float64Array([3, 1]) } });
    sockets[0].reply({
      id: bad.id,
      error: { name: 'EntryError', message: 'row 1, column 1: "x" is not a number' },
    });
    const result = (await computed) as unknown as { values: Float64Array };
    expect(progress).toEqual([0.5]);
    expect(Array.from(result.values)).toEqual([3, 1]);
    await expect(failing).rejects.toMatchObject({ name: 'EntryError' });
    host.dispose();
  });

  it('carries every method in the same envelope: handles, never paths or bytes of files', async () => {
    const { host, sockets } = setup();
    const weights = host.analyzeCheckpoint(
      { source: 'fh-aaaaaaaaaaaaaaaaaaaaaa', passes: ['quick'] },
      { jobId: 'w1' },
    );
    const cancelling = host.cancel('w1');
    sockets[0].open();
    const [analyse, cancel] = sockets[0].sent;
    expect(analyse).toEqual({
      id: analyse.id,
      method: 'analyzeCheckpoint',
      args: [{ source: 'fh-aaaaaaaaaaaaaaaaaaaaaa', passes: ['quick'] }, { jobId: 'w1' }],
    });
    expect(cancel).toEqual({ id: cancel.id, method: 'cancel', args: ['w1'] });
    sockets[0].reply({ id: cancel.id, result: null });
    sockets[0].reply({
      id: analyse.id,
      error: { name: 'CancelledError', message: 'The job was cancelled.' },
    });
    await expect(cancelling).resolves.toBeUndefined();
    await expect(weights).rejects.toMatchObject({ name: 'CancelledError' });
    host.dispose();
  });

  it('uploads a page file in ordered chunks with progress, and cancels the upload on abort', async () => {
    const { host, sockets } = await opened();
    const bytes = new Uint8Array(20).map((_, k) => k);
    const file = {
      name: 'w.npy',
      size: bytes.length,
      slice: (start: number, end: number) => ({
        arrayBuffer: async () => bytes.slice(start, end).buffer,
      }),
    };
    const progress: number[] = [];
    const uploading = uploadFile(host, file, { onProgress: (sent) => progress.push(sent) });
    const answer = async (result: unknown) => {
      await new Promise((resolve) => setTimeout(resolve, 0));
      const request = sockets[0].sent.at(-1)!;
      sockets[0].reply({ id: request.id, result });
      return request;
    };
    const begin = await answer({ uploadId: 'up-1' });
    expect(begin).toMatchObject({ method: 'beginUpload', args: [{ fileName: 'w.npy', size: 20 }] });
    const chunk = await answer({ received: 20 });
    expect(chunk).toMatchObject({ method: 'uploadChunk', args: [{ uploadId: 'up-1', offset: 0 }] });
    expect(Array.from((chunk.args[0] as { bytes: Uint8Array }).bytes)).toEqual(Array.from(bytes));
    await answer({ handle: 'fh-x', name: 'w.npy', kind: 'file' });
    await expect(uploading).resolves.toMatchObject({ handle: 'fh-x' });
    expect(progress).toEqual([0, 20]);

    const controller = new AbortController();
    controller.abort();
    await expect(uploadFile(host, file, { signal: controller.signal })).rejects.toMatchObject({
      name: 'AbortError',
    });
    host.dispose();
  });

  it('refuses to send a message larger than the host reads, before sending it', async () => {
    const { host, sockets } = await opened();
    const data = new Float64Array(21 * 1024 ** 2);
    await expect(host.keepMatrix({ rows: data.length, cols: 1, data })).rejects.toMatchObject({
      name: 'TooLarge',
      message: expect.stringMatching(/more than the 160 MiB a message to the host may hold/),
    });
    expect(sockets[0].sent).toHaveLength(0);
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
    sockets[1].reply({ id: request.id, result: { cores: 4 } });
    await expect(again).resolves.toEqual({ cores: 4 });
    host.dispose();
  });
});
