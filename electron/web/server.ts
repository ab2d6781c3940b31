// The web host: the same HostApi over HTTP + WebSocket on 127.0.0.1 only, for people who want
// Rankscope in a browser and for e2e tests where Electron's binary cannot be had.
// Every request needs the per-run token (query on the first page load, then an HttpOnly
// cookie); sockets need the token and a same-origin Origin header; the Host header is checked
// against DNS rebinding. Nothing a request or a socket sends can take the host down: every
// handler catches its own errors, a malformed request line or path gets a 400, a malformed
// message gets an error reply naming what was wrong, and each connection is its own session
// (host-session.ts) with its own handles, uploads and limits.
import http from 'node:http';
import type { Duplex } from 'node:stream';
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import path from 'node:path';
import { WebSocketServer, type RawData, type WebSocket } from 'ws';
import { decodeFrame, encodeFrame, peekFrameId } from '../../core/protocol/frame';
import { formatBytes } from '../../core/quantities';
import type { HostServices } from '../services/host-handlers';
import { HostSession } from '../services/host-session';
import { contentSecurityPolicy } from '../services/content-security-policy';

export interface WebHostOptions {
  services: HostServices;
  rendererDir: string;
  port?: number;
  token?: string;
  log?: (line: string) => void;
}

export interface WebHostServer {
  url: string;
  port: number;
  token: string;
  /** Open socket sessions (for tests). */
  readonly sessions: number;
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
  '.wasm': 'application/wasm',
};

const cookieName = 'rankscope_token';

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

/** The request's path and query, or null when its target is not a path we can read. */
function requestTarget(raw: string | undefined): URL | null {
  // Only origin-form targets ("/index.html?x") are served; absolute-form and the rest are not.
  if (!raw || !raw.startsWith('/') || raw.startsWith('//')) return null;
  try {
    return new URL(raw, 'http://127.0.0.1');
  } catch {
    return null;
  }
}

function decodedPath(pathname: string): string | null {
  try {
    return decodeURIComponent(pathname);
  } catch {
    return null;
  }
}

export async function startWebHost(options: WebHostOptions): Promise<WebHostServer> {
  const token = options.token ?? randomBytes(24).toString('base64url');
  const log = options.log ?? (() => {});
  const rendererDir = path.resolve(options.rendererDir);
  const index = await stat(path.join(rendererDir, 'index.html')).catch(() => null);
  if (!index?.isFile()) {
    throw new Error(
      `The renderer is not built (no ${path.join(rendererDir, 'index.html')}). Run \`npm run build\` first.`,
    );
  }
  const limits = options.services.compute.limits;
  let port = 0;
  const allowedHosts = () => [`127.0.0.1:${port}`, `localhost:${port}`];
  const sessions = new Set<HostSession>();

  const serve = async (request: http.IncomingMessage, response: http.ServerResponse) => {
    const plain = (status: number, text: string) => {
      if (response.headersSent) return response.destroy();
      response.writeHead(status, { 'content-type': 'text/plain; charset=utf-8' }).end(text);
    };
    const url = requestTarget(request.url);
    if (!url) return plain(400, 'Bad request: the target must be a path.');
    if (!allowedHosts().includes(request.headers.host ?? ''))
      return plain(421, 'Misdirected request');
    const queryToken = url.searchParams.get('token');
    const authorized =
      sameToken(queryToken, token) ||
      sameToken(readCookie(request.headers.cookie, cookieName), token);
    if (!authorized)
      return plain(
        403,
        'Rankscope web host: this address needs the token printed when the host started (…/?token=…).',
      );
    if (request.method !== 'GET' && request.method !== 'HEAD')
      return plain(405, 'Method not allowed');
    const relative = decodedPath(url.pathname === '/' ? '/index.html' : url.pathname);
    if (relative === null || relative.includes('\0'))
      return plain(400, 'Bad request: the path is not valid.');
    const file = path.resolve(rendererDir, '.' + relative);
    const info = file.startsWith(rendererDir + path.sep)
      ? await stat(file).catch(() => null)
      : null;
    if (!info?.isFile()) return plain(404, 'Not found');
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
    if (request.method === 'HEAD') return response.end();
    const stream = createReadStream(file);
    stream.on('error', () => response.destroy());
    stream.pipe(response);
  };

  const server = http.createServer((request, response) => {
    response.on('error', () => undefined);
    serve(request, response).catch((error: unknown) => {
      log(`[web] request failed: ${(error as Error).message}`);
      if (!response.headersSent) response.writeHead(500).end();
      else response.destroy();
    });
  });
  // A request line or header the parser cannot read: answer 400 and close, never throw.
  server.on('clientError', (_error, socket) => {
    if (socket.writable && !socket.destroyed)
      socket.end('HTTP/1.1 400 Bad Request\r\nConnection: close\r\n\r\n');
    else socket.destroy();
  });

  const sockets = new WebSocketServer({ noServer: true, maxPayload: limits.messageBytes });
  sockets.on('error', (error) => log(`[web] socket server: ${error.message}`));
  const refuse = (socket: Duplex, status: string, why: string) => {
    log(`[web] refused a socket (${why})`);
    if (socket.writable) socket.end(`HTTP/1.1 ${status}\r\nConnection: close\r\n\r\n`);
    socket.destroy();
  };
  server.on('upgrade', (request, socket, head) => {
    socket.on('error', () => undefined);
    try {
      const url = requestTarget(request.url);
      if (!url) return refuse(socket, '400 Bad Request', 'unreadable target');
      const originOk = allowedHosts().some((host) => request.headers.origin === `http://${host}`);
      const hostOk = allowedHosts().includes(request.headers.host ?? '');
      const tokenOk = sameToken(url.searchParams.get('token'), token);
      if (url.pathname !== '/socket' || !originOk || !hostOk || !tokenOk)
        return refuse(
          socket,
          '403 Forbidden',
          !tokenOk ? 'token' : !originOk ? 'origin' : 'host or path',
        );
      sockets.handleUpgrade(request, socket, head, (ws) => serveSocket(ws));
    } catch (error) {
      refuse(socket, '400 Bad Request', (error as Error).message);
    }
  });

  function serveSocket(ws: WebSocket): void {
    const session = new HostSession(options.services, (reply) => {
      if (ws.readyState !== ws.OPEN) return;
      ws.send(encodeFrame(reply), (error) => {
        if (error) log(`[web] a reply could not be sent: ${error.message}`);
      });
    });
    sessions.add(session);
    // A protocol error (a frame over the limit, invalid UTF-8, an unmasked frame, reserved bits)
    // closes this connection with its code; the host and every other connection go on.
    ws.on('error', (error) => log(`[web] closed a connection: ${error.message}`));
    ws.on('message', (data, isBinary) => {
      if (!isBinary) {
        session.refuse(
          null,
          'InvalidRequest',
          'The host reads binary frames only (core/protocol/frame.ts); this text message was not read.',
        );
        return;
      }
      const bytes = frameBytes(data);
      let message: unknown;
      try {
        message = decodeFrame(bytes);
      } catch (error) {
        session.refuse(peekFrameId(bytes), 'InvalidFrame', (error as Error).message);
        return;
      }
      void session.receive(message);
    });
    // A closed page cancels its jobs and ends its handles: nobody is left to use them.
    ws.on('close', () => {
      sessions.delete(session);
      void session.close();
    });
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  server.on('error', (error) => log(`[web] server: ${error.message}`));
  const address = server.address();
  port = typeof address === 'object' && address ? address.port : 0;
  log(
    `[web] messages up to ${formatBytes(limits.messageBytes)}, ${limits.queuedRequests} requests and ${limits.pendingUploads} uploads per connection`,
  );
  return {
    url: `http://127.0.0.1:${port}/?token=${token}`,
    port,
    token,
    get sessions() {
      return sessions.size;
    },
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
