// The web host: the same HostApi over HTTP + WebSocket on 127.0.0.1 only, for people who want
// Rankscope in a browser and for e2e tests where Electron's binary cannot be had.
// Every request needs the per-run token (query on the first page load, then an HttpOnly
// cookie); sockets need the token and a same-origin Origin header; the Host header is checked
// against DNS rebinding.
import http from 'node:http';
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { createReadStream, existsSync, statSync } from 'node:fs';
import path from 'node:path';
import { WebSocketServer, type RawData, type WebSocket } from 'ws';
import { decodeWire, decodeWireFrame, encodeWireFrame } from '../../core/protocol/wire';
import { serializeError } from '../../core/protocol/errors';
import { socketRequestSchema, type SocketResponse } from '../../core/protocol/messages';
import type { HostMethods } from '../services/host-dispatch';
import { contentSecurityPolicy } from '../services/content-security-policy';

export interface WebHostOptions {
  methods: HostMethods;
  rendererDir: string;
  port?: number;
  token?: string;
  log?: (line: string) => void;
}

export interface WebHostServer {
  url: string;
  port: number;
  token: string;
  close(): Promise<void>;
}

const contentTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.ttf': 'font/ttf',
  '.ico': 'image/x-icon',
};

const cookieName = 'rankscope_token';
/** Socket messages larger than this are refused before parsing (a 4096² float64 is 128 MiB). */
const maxMessageBytes = 192 * 1024 * 1024;

function sameToken(given: string | null | undefined, token: string): boolean {
  if (!given) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(token);
  return a.length === b.length && timingSafeEqual(a, b);
}

function readCookie(header: string | undefined, name: string): string | undefined {
  for (const part of (header ?? '').split(';')) {
    const [key, ...rest] = part.trim().split('=');
    if (key === name) return rest.join('=');
  }
  return undefined;
}

export async function startWebHost(options: WebHostOptions): Promise<WebHostServer> {
  const token = options.token ?? randomBytes(24).toString('base64url');
  const log = options.log ?? (() => {});
  const rendererDir = path.resolve(options.rendererDir);
  if (!existsSync(path.join(rendererDir, 'index.html'))) {
    throw new Error(
      `The renderer is not built (no ${path.join(rendererDir, 'index.html')}). Run \`npm run build\` first.`,
    );
  }
  let port = 0;
  const allowedHosts = () => [`127.0.0.1:${port}`, `localhost:${port}`];

  const server = http.createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://127.0.0.1');
    if (!allowedHosts().includes(request.headers.host ?? '')) {
      response.writeHead(421).end('Misdirected request');
      return;
    }
    const queryToken = url.searchParams.get('token');
    const authorized =
      sameToken(queryToken, token) ||
      sameToken(readCookie(request.headers.cookie, cookieName), token);
    if (!authorized) {
      response.writeHead(403, { 'content-type': 'text/plain; charset=utf-8' });
      response.end(
        'Rankscope web host: this address needs the token printed when the host started (…/?token=…).',
      );
      return;
    }
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      response.writeHead(405).end();
      return;
    }
    const relative = decodeURIComponent(url.pathname === '/' ? '/index.html' : url.pathname);
    const file = path.resolve(rendererDir, '.' + relative);
    if (!file.startsWith(rendererDir + path.sep) || !existsSync(file) || !statSync(file).isFile()) {
      response.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('Not found');
      return;
    }
    const headers: Record<string, string> = {
      'content-type': contentTypes[path.extname(file)] ?? 'application/octet-stream',
      'content-security-policy': contentSecurityPolicy({ socketPort: port }),
      'x-content-type-options': 'nosniff',
      'referrer-policy': 'no-referrer',
      'cache-control': 'no-store',
    };
    if (queryToken)
      headers['set-cookie'] = `${cookieName}=${token}; HttpOnly; SameSite=Strict; Path=/`;
    response.writeHead(200, headers);
    if (request.method === 'HEAD') response.end();
    else createReadStream(file).pipe(response);
  });

  const sockets = new WebSocketServer({ noServer: true, maxPayload: maxMessageBytes });
  server.on('upgrade', (request, socket, head) => {
    const url = new URL(request.url ?? '/', 'http://127.0.0.1');
    const originOk = allowedHosts().some((host) => request.headers.origin === `http://${host}`);
    const hostOk = allowedHosts().includes(request.headers.host ?? '');
    const tokenOk = sameToken(url.searchParams.get('token'), token);
    if (url.pathname !== '/socket' || !originOk || !hostOk || !tokenOk) {
      log(`[web] refused a socket (${!tokenOk ? 'token' : !originOk ? 'origin' : 'host or path'})`);
      socket.write('HTTP/1.1 403 Forbidden\r\n\r\n');
      socket.destroy();
      return;
    }
    sockets.handleUpgrade(request, socket, head, (ws) => serveSocket(ws, options.methods, log));
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  const address = server.address();
  port = typeof address === 'object' && address ? address.port : 0;
  return {
    url: `http://127.0.0.1:${port}/?token=${token}`,
    port,
    token,
    close: () =>
      new Promise<void>((resolve) => {
        for (const client of sockets.clients) client.terminate();
        sockets.close();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** The bytes of a binary socket message, however ws delivered them. */
function frameBytes(data: RawData): Uint8Array {
  if (Array.isArray(data)) return new Uint8Array(Buffer.concat(data));
  if (data instanceof ArrayBuffer) return new Uint8Array(data);
  return new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
}

function serveSocket(ws: WebSocket, methods: HostMethods, log: (line: string) => void): void {
  const running = new Set<string>();
  const send = (message: SocketResponse) => {
    if (ws.readyState === ws.OPEN) ws.send(encodeWireFrame(message));
  };
  ws.on('message', async (data, isBinary) => {
    let parsed;
    try {
      const decoded = isBinary ? decodeWireFrame(frameBytes(data)) : decodeWire(data.toString());
      parsed = socketRequestSchema.safeParse(decoded);
    } catch (error) {
      log(`[web] unreadable socket message: ${(error as Error).message}`);
      return;
    }
    if (!parsed.success) {
      log(`[web] invalid socket message: ${parsed.error.issues[0]?.message}`);
      return;
    }
    const message = parsed.data;
    const call =
      message.type === 'info'
        ? { method: 'info', args: [] }
        : message.type === 'cancel'
          ? { method: 'cancel', args: [message.jobId] }
          : message.type === 'compute'
            ? {
                method: 'compute',
                args: [message.call.job, message.call.request],
                jobId: message.call.jobId,
              }
            : { method: message.method, args: message.args, jobId: message.jobId };
    const jobId = call.jobId ?? `socket-${message.id}-${Math.random().toString(36).slice(2)}`;
    running.add(jobId);
    try {
      const result = await methods.call({ ...call, jobId }, (progress) =>
        send({ type: 'progress', id: message.id, progress }),
      );
      send({ type: 'result', id: message.id, result: result ?? null });
    } catch (error) {
      send({ type: 'error', id: message.id, error: serializeError(error) });
    } finally {
      running.delete(jobId);
    }
  });
  // A closed page cancels its jobs: nobody is left to read the answers.
  ws.on('close', () => {
    for (const jobId of running)
      void methods.call({ method: 'cancel', args: [jobId] }).catch(() => {});
  });
}
