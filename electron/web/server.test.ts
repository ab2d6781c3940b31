import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import WebSocket from 'ws';
import { createComputePool } from '../services/create-pool';
import { ComputeService } from '../services/compute-service';
import { DocumentService } from '../services/document-service';
import { HostMethods } from '../services/host-dispatch';
import { decodeWireFrame, encodeWire, encodeWireFrame } from '../../core/protocol/wire';
import { startWebHost, type WebHostServer } from './server';

describe('web host', () => {
  const rendererDir = mkdtempSync(path.join(os.tmpdir(), 'rankscope-renderer-'));
  writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html><title>Rankscope</title>');
  writeFileSync(path.join(os.tmpdir(), 'rankscope-secret.txt'), 'secret');
  const pool = createComputePool(import.meta.url, { size: 1 });
  let host: WebHostServer;

  beforeAll(async () => {
    const documents = new DocumentService(
      pool,
      mkdtempSync(path.join(os.tmpdir(), 'rankscope-data-')),
    );
    host = await startWebHost({
      methods: new HostMethods(new ComputeService(pool, 'web'), documents, null),
      rendererDir,
    });
  });
  afterAll(async () => {
    await host.close();
    await pool.close();
  });

  const base = () => `http://127.0.0.1:${host.port}`;

  it('listens on 127.0.0.1 with a random port and prints a tokened address', () => {
    expect(host.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/\?token=[\w-]{20,}$/);
  });

  it('refuses every request without the token', async () => {
    expect((await fetch(`${base()}/`)).status).toBe(403);
    expect((await fetch(`${base()}/?token=wrong`)).status).toBe(403);
  });

  it('serves the page with the token, then trusts the cookie it set', async () => {
    const first = await fetch(host.url);
    expect(first.status).toBe(200);
    expect(first.headers.get('content-security-policy')).toContain("script-src 'self'");
    const cookie = first.headers.get('set-cookie')!.split(';')[0];
    const second = await fetch(`${base()}/index.html`, { headers: { cookie } });
    expect(second.status).toBe(200);
    expect(await second.text()).toContain('<title>Rankscope</title>');
  });

  it('never serves a file outside the renderer folder', async () => {
    const response = await fetch(`${base()}/..%2f..%2frankscope-secret.txt?token=${host.token}`);
    expect(response.status).toBe(404);
  });

  function connect(options: { token?: string; origin?: string } = {}): Promise<WebSocket> {
    const socket = new WebSocket(
      `ws://127.0.0.1:${host.port}/socket?token=${options.token ?? host.token}`,
      {
        headers: { origin: options.origin ?? base() },
      },
    );
    return new Promise((resolve, reject) => {
      socket.once('open', () => resolve(socket));
      socket.once('error', reject);
    });
  }

  it('refuses sockets with a wrong token or a foreign origin', async () => {
    await expect(connect({ token: 'wrong' })).rejects.toThrow(/403/);
    await expect(connect({ origin: 'http://evil.example' })).rejects.toThrow(/403/);
  });

  it('answers info and compute over the socket, with validation errors named', async () => {
    const socket = await connect();
    const call = (message: object) =>
      new Promise<Record<string, unknown>>((resolve) => {
        socket.on('message', function listener(data) {
          const reply = decodeWireFrame(new Uint8Array(data as Buffer)) as Record<string, unknown>;
          if (reply.type === 'progress') return;
          socket.off('message', listener);
          resolve(reply);
        });
        // A text message, as an older page sends: still understood.
        socket.send(encodeWire(message));
      });
    const info = await call({ type: 'info', id: 1 });
    expect(info).toMatchObject({
      type: 'result',
      id: 1,
      result: { app: 'Rankscope', host: 'web', workers: 1 },
    });
    const unknownJob = await call({ type: 'compute', id: 2, call: { job: 'nope', request: {} } });
    expect(unknownJob).toMatchObject({
      type: 'error',
      error: { name: 'InvalidRequest', message: 'There is no compute job named "nope".' },
    });
    const badRequest = await call({
      type: 'compute',
      id: 3,
      call: { job: 'analyze', request: { cells: 'x' } },
    });
    expect(badRequest).toMatchObject({ type: 'error', error: { name: 'InvalidRequest' } });
    const rank = await call({
      type: 'compute',
      id: 4,
      call: {
        job: 'analyze',
        request: {
          cells: [
            ['1', '2', '3'],
            ['2', '4', '6'],
            ['1', '3', '4'],
          ],
        },
      },
    });
    expect(rank).toMatchObject({ type: 'result', result: { rank: 2, exact: true, nullity: 1 } });
    const unknownMethod = await call({ type: 'call', id: 5, method: 'deleteEverything', args: [] });
    expect(unknownMethod).toMatchObject({ type: 'error', error: { name: 'InvalidRequest' } });
    const noDialogs = await call({
      type: 'call',
      id: 6,
      method: 'pickPath',
      args: [{ mode: 'open', purpose: 'project' }],
    });
    expect(noDialogs).toMatchObject({ type: 'error', error: { name: 'Unsupported' } });
    const imported = await call({
      type: 'call',
      id: 7,
      method: 'importMatrix',
      args: [{ fileName: 'a.csv', bytes: new TextEncoder().encode('1,1/2\n3,4\n') }],
    });
    expect(imported).toMatchObject({
      type: 'result',
      result: {
        rows: 2,
        cols: 2,
        cells: [
          ['1', '1/2'],
          ['3', '4'],
        ],
      },
    });
    const malformed = await call({
      type: 'call',
      id: 8,
      method: 'importMatrix',
      args: [{ fileName: 'a.csv', bytes: new TextEncoder().encode('1,2\n3,abc\n') }],
    });
    expect(malformed).toMatchObject({
      type: 'error',
      error: { name: 'FormatError', message: expect.stringContaining('line 2') },
    });
    socket.close();
  });

  it("carries a dense matrix's numbers over the socket, NaN and -0 included", async () => {
    const socket = await connect();
    let id = 0;
    const call = (method: string, args: unknown[]) =>
      new Promise<Record<string, unknown>>((resolve) => {
        const requestId = ++id;
        socket.on('message', function listener(data) {
          const reply = decodeWireFrame(new Uint8Array(data as Buffer)) as Record<string, unknown>;
          if (reply.id !== requestId || reply.type === 'progress') return;
          socket.off('message', listener);
          resolve(reply);
        });
        socket.send(encodeWireFrame({ type: 'call', id: requestId, method, args }));
      });
    // 70×65: larger than the editor, so the host keeps it.
    const expected = new Float64Array(70 * 65);
    const lines: string[] = [];
    for (let i = 0; i < 70; i++) {
      const cells: string[] = [];
      for (let j = 0; j < 65; j++) {
        const text = i === 3 && j === 4 ? 'nan' : i === 5 && j === 6 ? '-0' : `${i}.${j}e${j % 5}`;
        cells.push(text);
        expected[i + j * 70] = i === 3 && j === 4 ? NaN : i === 5 && j === 6 ? -0 : Number(text);
      }
      lines.push(cells.join(','));
    }
    const imported = await call('importMatrix', [
      { fileName: 'wide.csv', bytes: new TextEncoder().encode(lines.join('\n')) },
    ]);
    expect(imported).toMatchObject({ type: 'result', result: { rows: 70, cols: 65, cells: [] } });
    const { matrixId } = (imported.result as { dense: { matrixId: string } }).dense;
    const read = await call('readMatrix', [{ matrixId }]);
    expect(read).toMatchObject({ type: 'result', result: { rows: 70, cols: 65 } });
    const data = (read.result as { data: Float64Array }).data;
    expect(data).toBeInstanceOf(Float64Array);
    expect(data).toEqual(expected);
    expect(Object.is(data[5 + 6 * 70], -0)).toBe(true);
    const unknown = await call('readMatrix', [{ matrixId: 'dense-nowhere' }]);
    expect(unknown).toMatchObject({ type: 'error', error: { name: 'MissingMatrix' } });
    socket.close();
  });
});
