// Fuzzing the web host: random and adversarial request lines, paths, headers, raw WebSocket
// frames, envelopes and typed-array references. After every case the host must be alive and
// answer `info` on a connection of its own. The number of cases run is printed at the end.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import net from 'node:net';
import { randomBytes } from 'node:crypto';
import { encodeFrame } from '../../core/protocol/frame';
import { createComputePool } from '../services/create-pool';
import { connect, startTestHost, type SocketClient, type TestHost } from './test-support';

const pool = createComputePool(import.meta.url, { size: 1 });
let test: TestHost;
let probe: SocketClient;
const counts: Record<string, number> = {};
const refusals: Record<string, Set<string>> = {};

beforeAll(async () => {
  test = await startTestHost(pool);
  probe = await connect(test);
});
afterAll(async () => {
  const total = Object.values(counts).reduce((sum, count) => sum + count, 0);
  console.log(`[fuzz] ${total} cases: ${JSON.stringify(counts)}`);
  for (const [suite, names] of Object.entries(refusals))
    console.log(`[fuzz] ${suite} answered with: ${[...names].sort().join(', ')}`);
  probe.close();
  await test.host.close();
  await pool.close();
});

/** The host is up: the probe connection (or a new one) answers info. */
async function alive(suite: string): Promise<void> {
  counts[suite] = (counts[suite] ?? 0) + 1;
  if (probe.socket.readyState !== probe.socket.OPEN) probe = await connect(test);
  const reply = await probe.call('info', []);
  expect(reply).toMatchObject({ result: { app: 'Rankscope' } });
}

function note(suite: string, what: string) {
  (refusals[suite] ??= new Set()).add(what);
}

/** Writes raw bytes to the server and collects what comes back until it closes (or a while). */
function rawExchange(bytes: Uint8Array, waitMs = 300): Promise<string> {
  return new Promise((resolve) => {
    const socket = net.connect(test.host.port, '127.0.0.1');
    let answer = '';
    const done = () => {
      socket.destroy();
      resolve(answer);
    };
    const timer = setTimeout(done, waitMs);
    socket.on('data', (chunk) => (answer += chunk.toString('latin1')));
    socket.on('error', () => undefined);
    socket.on('close', () => {
      clearTimeout(timer);
      resolve(answer);
    });
    socket.write(bytes, () => socket.end());
  });
}

const nasty = [
  '/%ZZ',
  '/%c0%ae%c0%ae/%c0%ae%c0%ae/etc/passwd',
  'http://[::1',
  'http://[::1]:99999/x',
  '//evil.example/x',
  '*',
  '/socket',
  '/socket?token=',
  '/..%2f..%2f..%2fetc%2fpasswd',
  '/%00',
  '/\u0000',
  `/${'a'.repeat(9000)}`,
  '/?token=%',
  'ftp://x/y',
];
const methods = ['GET', 'HEAD', 'POST', 'PUT', 'DELETE', 'OPTIONS', 'CONNECT', 'PRI', 'G ET', ''];

const requestLine = fc.record({
  method: fc.oneof(fc.constantFrom(...methods), fc.string({ maxLength: 8 })),
  target: fc.oneof(fc.constantFrom(...nasty), fc.string({ maxLength: 60 }), fc.webUrl()),
  version: fc.constantFrom('HTTP/1.1', 'HTTP/1.0', 'HTTP/2.0', 'HTTP/9', '', 'HTTP/1.1 extra'),
  host: fc.constantFrom(
    '127.0.0.1:PORT',
    'localhost:PORT',
    'evil.example',
    '',
    '[::1',
    'x'.repeat(300),
  ),
  upgrade: fc.boolean(),
  token: fc.constantFrom('good', 'bad', 'none'),
  extraHeaders: fc.array(fc.tuple(fc.string({ maxLength: 20 }), fc.string({ maxLength: 40 })), {
    maxLength: 4,
  }),
  garbage: fc.uint8Array({ maxLength: 64 }),
  lineEnd: fc.constantFrom('\r\n', '\n', '\r', ''),
});

describe('fuzz: the HTTP server', () => {
  it('survives random and adversarial request lines and headers', async () => {
    await fc.assert(
      fc.asyncProperty(requestLine, async (request) => {
        const port = String(test.host.port);
        const token =
          request.token === 'good' ? test.host.token : request.token === 'bad' ? 'wrong' : '';
        const target =
          token && request.target.startsWith('/')
            ? `${request.target}${request.target.includes('?') ? '&' : '?'}token=${token}`
            : request.target;
        const end = request.lineEnd;
        const lines = [
          `${request.method} ${target} ${request.version}`,
          `Host: ${request.host.replace('PORT', port)}`,
          ...(request.upgrade
            ? [
                'Upgrade: websocket',
                'Connection: Upgrade',
                `Sec-WebSocket-Key: ${randomBytes(16).toString('base64')}`,
                'Sec-WebSocket-Version: 13',
                `Origin: http://127.0.0.1:${port}`,
              ]
            : []),
          ...request.extraHeaders.map(([name, value]) => `${name}: ${value}`),
        ];
        const bytes = Buffer.concat([
          Buffer.from(lines.join(end) + end + end, 'latin1'),
          Buffer.from(request.garbage),
        ]);
        const answer = await rawExchange(bytes);
        const status = /^HTTP\/1\.1 (\d{3})/.exec(answer)?.[1];
        note('http', status ?? (answer === '' ? 'no answer' : 'other'));
        await alive('http');
      }),
      { numRuns: 400 },
    );
  });

  it('answers every path with 200, 400, 403 or 404, never a crash', async () => {
    const segment = fc.oneof(
      fc.constantFrom(
        '..',
        '.',
        '%2e%2e',
        '%2f',
        '%5c',
        '%ZZ',
        '%',
        '%c0%ae',
        '%00',
        'index.html',
        '%E2%82',
        '~',
      ),
      fc.string({ maxLength: 12 }),
    );
    await fc.assert(
      fc.asyncProperty(fc.array(segment, { maxLength: 6 }), async (segments) => {
        const target = `/${segments.join('/')}`;
        const bytes = Buffer.from(
          `GET ${target}${target.includes('?') ? '&' : '?'}token=${test.host.token} HTTP/1.1\r\nHost: 127.0.0.1:${test.host.port}\r\nConnection: close\r\n\r\n`,
          'latin1',
        );
        const answer = await rawExchange(bytes, 1000);
        const status = /^HTTP\/1\.1 (\d{3})/.exec(answer)?.[1] ?? 'none';
        note('paths', status);
        expect(['200', '400', '403', '404', 'none']).toContain(status);
        await alive('paths');
      }),
      { numRuns: 300 },
    );
  });
});

/** A raw socket past a real WebSocket handshake, to write frames by hand. */
async function rawSocket(): Promise<net.Socket> {
  const socket = net.connect(test.host.port, '127.0.0.1');
  socket.on('error', () => undefined);
  await new Promise<void>((resolve) => socket.once('connect', () => resolve()));
  socket.write(
    [
      `GET /socket?token=${test.host.token} HTTP/1.1`,
      `Host: 127.0.0.1:${test.host.port}`,
      'Upgrade: websocket',
      'Connection: Upgrade',
      `Sec-WebSocket-Key: ${randomBytes(16).toString('base64')}`,
      'Sec-WebSocket-Version: 13',
      `Origin: http://127.0.0.1:${test.host.port}`,
      '',
      '',
    ].join('\r\n'),
  );
  await new Promise<void>((resolve) => socket.once('data', () => resolve()));
  return socket;
}

/** A WebSocket frame with every field chosen: the fuzzer lies in any of them. */
function wsFrame(options: {
  fin: boolean;
  rsv: number;
  opcode: number;
  masked: boolean;
  payload: Uint8Array;
  lengthLie: number;
}): Buffer {
  const length = Math.max(0, options.payload.length + options.lengthLie);
  const head: number[] = [
    (options.fin ? 0x80 : 0) | ((options.rsv & 7) << 4) | (options.opcode & 15),
  ];
  const maskBit = options.masked ? 0x80 : 0;
  if (length < 126) head.push(maskBit | length);
  else if (length < 65536) head.push(maskBit | 126, length >> 8, length & 255);
  else
    head.push(
      maskBit | 127,
      0,
      0,
      0,
      0,
      (length >>> 24) & 255,
      (length >> 16) & 255,
      (length >> 8) & 255,
      length & 255,
    );
  const mask = [1, 2, 3, 4];
  const body = Buffer.from(options.payload);
  if (options.masked) {
    head.push(...mask);
    for (let k = 0; k < body.length; k++) body[k] ^= mask[k % 4];
  }
  return Buffer.concat([Buffer.from(head), body]);
}

describe('fuzz: the socket', () => {
  it('survives raw frames: opcodes, reserved bits, unmasked, lying lengths, bad UTF-8', async () => {
    const frame = fc.record({
      fin: fc.boolean(),
      rsv: fc.integer({ min: 0, max: 7 }),
      opcode: fc.integer({ min: 0, max: 15 }),
      masked: fc.boolean(),
      payload: fc.oneof(
        fc.uint8Array({ maxLength: 200 }),
        fc.constant(new Uint8Array([0xc0, 0xaf, 0xff, 0xfe])),
        fc.constant(encodeFrame({ id: 1, method: 'info', args: [] })),
      ),
      lengthLie: fc.oneof(fc.constant(0), fc.integer({ min: -5, max: 5 }), fc.constant(2 ** 30)),
    });
    await fc.assert(
      fc.asyncProperty(fc.array(frame, { minLength: 1, maxLength: 3 }), async (frames) => {
        const socket = await rawSocket();
        for (const options of frames) socket.write(wsFrame(options));
        await new Promise((resolve) => setTimeout(resolve, 30));
        socket.destroy();
        await alive('frames');
      }),
      { numRuns: 300 },
    );
  });

  it('answers every envelope, however malformed, on a connection that stays usable', async () => {
    const client = await connect(test);
    const json = fc.letrec((tie) => ({
      value: fc.oneof(
        { depthSize: 'small' },
        fc.string({ maxLength: 20 }),
        fc.double(),
        fc.integer(),
        fc.boolean(),
        fc.constant(null),
        fc.array(tie('value'), { maxLength: 4 }),
        fc.dictionary(fc.string({ maxLength: 8 }), tie('value'), { maxKeys: 4 }),
      ),
    })).value;
    const methodName = fc.oneof(
      fc.constantFrom(
        'info',
        'compute',
        'cancel',
        'openProject',
        'saveProject',
        'importMatrix',
        'readMatrix',
        'keepMatrix',
        'resolvePath',
        'uploadChunk',
        'analyzeCheckpoint',
        'listFolder',
        '__proto__',
        'constructor',
        'toString',
      ),
      fc.string({ maxLength: 20 }),
    );
    const envelope = fc.oneof(
      json,
      fc.record({
        id: fc.oneof(fc.nat(), fc.integer(), fc.double(), fc.string()),
        method: methodName,
        args: fc.array(json, { maxLength: 5 }),
      }),
      fc.record({ id: fc.nat(), method: methodName, args: json }),
    );
    await fc.assert(
      fc.asyncProperty(envelope, async (message) => {
        const reply = await client.raw(encodeFrame(message));
        // Every message is answered: a result, or an error naming what was wrong.
        expect(reply).not.toBeNull();
        if (reply && 'error' in reply) note('envelopes', reply.error.name);
        else note('envelopes', 'result');
        await alive('envelopes');
      }),
      { numRuns: 600 },
    );
    expect(await client.call('info', [])).toMatchObject({ result: { app: 'Rankscope' } });
    client.close();
  });

  it('refuses typed-array references that lie, overlap or misalign, answering under the id', async () => {
    const client = await connect(test);
    const reference = fc.record({
      $typed: fc.constantFrom(
        'Float64Array',
        'Uint8Array',
        'Int32Array',
        'Float32Array',
        'BigInt64Array',
        'Nope',
      ),
      at: fc.oneof(fc.integer({ min: -16, max: 256 }), fc.constant(2 ** 53), fc.double()),
      bytes: fc.oneof(fc.integer({ min: -16, max: 256 }), fc.constant(2 ** 40)),
    });
    await fc.assert(
      fc.asyncProperty(
        fc.array(reference, { minLength: 1, maxLength: 70 }),
        fc.integer({ min: 0, max: 256 }),
        fc.nat(),
        async (references, payloadBytes, id) => {
          const header = new TextEncoder().encode(
            JSON.stringify({
              id,
              method: 'keepMatrix',
              args: [{ rows: 1, cols: 1, data: references[0] }, ...references.slice(1)],
            }),
          );
          const start = Math.ceil((4 + header.length) / 8) * 8;
          const frame = new Uint8Array(start + payloadBytes);
          new DataView(frame.buffer).setUint32(0, header.length, true);
          frame.set(header, 4);
          const reply = await client.raw(frame);
          expect(reply).not.toBeNull();
          expect(reply!.id).toBe(id);
          note('references', 'error' in reply! ? reply!.error.name : 'result');
          await alive('references');
        },
      ),
      { numRuns: 300 },
    );
    client.close();
  });
});
