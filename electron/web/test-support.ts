// A web host for tests: a temporary root folder, data folder and renderer, one compute worker,
// and a socket client that speaks the envelope in binary frames.
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import WebSocket from 'ws';
import type { HostReply } from '../../core/protocol/envelope';
import { decodeFrame, encodeFrame } from '../../core/protocol/frame';
import type { ComputePool } from '../services/compute-pool';
import { CheckpointService } from '../services/checkpoint-service';
import { ComputeService } from '../services/compute-service';
import { DocumentService } from '../services/document-service';
import { hostLimits } from '../services/host-settings';
import { LaunchFiles } from '../services/launch-files';
import { RootFolder } from '../services/root-folder';
import { startWebHost, type WebHostServer } from './server';

export interface TestHost {
  host: WebHostServer;
  root: string;
  /** A folder outside the root (for files the page must not reach). */
  outside: string;
  base: string;
}

export async function startTestHost(
  pool: ComputePool,
  options: { launch?: string[]; root?: string; log?: (line: string) => void } = {},
): Promise<TestHost> {
  const rendererDir = mkdtempSync(path.join(os.tmpdir(), 'rankscope-renderer-'));
  writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html><title>Rankscope</title>');
  const root = options.root ?? mkdtempSync(path.join(os.tmpdir(), 'rankscope-root-'));
  const outside = mkdtempSync(path.join(os.tmpdir(), 'rankscope-outside-'));
  const limits = hostLimits({});
  const compute = new ComputeService(pool, 'web', limits);
  const documents = new DocumentService(
    pool,
    mkdtempSync(path.join(os.tmpdir(), 'rankscope-data-')),
    compute.budget,
  );
  await documents.start();
  const host = await startWebHost({
    services: {
      compute,
      documents,
      checkpoints: new CheckpointService(compute),
      root: await RootFolder.open(root),
      launchFiles: new LaunchFiles(options.launch ?? [], root),
      exampleFiles: [],
    },
    rendererDir,
    log: options.log,
  });
  return { host, root, outside, base: `http://127.0.0.1:${host.port}` };
}

export interface SocketClient {
  socket: WebSocket;
  /** Calls a method; resolves with the reply (result or error), progress collected. */
  call(method: string, args: unknown[]): Promise<HostReply & { progressEvents?: unknown[] }>;
  /** Sends raw data and waits for the next reply (or none within the time). */
  raw(data: Uint8Array | string, binary?: boolean): Promise<HostReply | null>;
  close(): void;
}

export function connect(
  test: TestHost,
  options: { token?: string; origin?: string } = {},
): Promise<SocketClient> {
  const socket = new WebSocket(
    `ws://127.0.0.1:${test.host.port}/socket?token=${options.token ?? test.host.token}`,
    { headers: { origin: options.origin ?? test.base } },
  );
  let nextId = 1;
  const waiting = new Map<number | null, (reply: HostReply) => void>();
  const progress = new Map<number, unknown[]>();
  socket.on('message', (data) => {
    const reply = decodeFrame(new Uint8Array(data as Buffer)) as HostReply;
    if ('progress' in reply) {
      progress.get(reply.id)?.push(reply.progress);
      return;
    }
    const resolve = waiting.get(reply.id) ?? waiting.get(-1);
    waiting.delete(reply.id);
    if (!waiting.has(reply.id)) waiting.delete(-1);
    resolve?.(reply);
  });
  const client: SocketClient = {
    socket,
    call(method, args) {
      const id = nextId++;
      progress.set(id, []);
      return new Promise((resolve) => {
        waiting.set(id, (reply) => resolve({ ...reply, progressEvents: progress.get(id) }));
        socket.send(encodeFrame({ id, method, args }));
      });
    },
    raw(data, binary = true) {
      return new Promise((resolve) => {
        const timer = setTimeout(() => {
          waiting.delete(-1);
          resolve(null);
        }, 2000);
        waiting.set(-1, (reply) => {
          clearTimeout(timer);
          resolve(reply);
        });
        socket.send(data, { binary });
      });
    },
    close: () => socket.close(),
  };
  return new Promise((resolve, reject) => {
    socket.once('open', () => resolve(client));
    socket.once('error', reject);
  });
}
