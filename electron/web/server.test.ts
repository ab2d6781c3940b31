import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cpSync, mkdirSync, readFileSync, symlinkSync, writeFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import { encodeFrame } from '../../core/protocol/frame';
import { projectVersion } from '../../core/project/schema';
import { parseReport } from '../../core/weights/report';
import { fixturesFolder } from '../../core/weights/test-support';
import { createComputePool } from '../services/create-pool';
import { connect, startTestHost, type SocketClient, type TestHost } from './test-support';

const pool = createComputePool(import.meta.url, { size: 1 });
let test: TestHost;

beforeAll(async () => {
  test = await startTestHost(pool);
  writeFileSync(path.join(test.outside, 'secret.csv'), '1,2\n3,4\n');
  writeFileSync(path.join(test.outside, 'notes.txt'), 'do not replace me');
});
afterAll(async () => {
  await test.host.close();
  await pool.close();
});

const document = {
  type: 'rankscope',
  version: projectVersion,
  title: 'Saved',
  matrices: [{ id: 'm', name: 'A', entries: [['1', '2']] }],
  views: {},
  notes: '',
};

describe('web host: HTTP', () => {
  it('listens on 127.0.0.1 with a random port and prints a tokened address', () => {
    expect(test.host.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/\?token=[\w-]{20,}$/);
  });

  it('refuses every request without the token', async () => {
    expect((await fetch(`${test.base}/`)).status).toBe(403);
    expect((await fetch(`${test.base}/?token=wrong`)).status).toBe(403);
  });

  it('serves the page with the token, then trusts the cookie it set', async () => {
    const first = await fetch(test.host.url);
    expect(first.status).toBe(200);
    expect(first.headers.get('content-security-policy')).toContain("script-src 'self'");
    const cookie = first.headers.get('set-cookie')!.split(';')[0];
    const second = await fetch(`${test.base}/index.html`, { headers: { cookie } });
    expect(second.status).toBe(200);
    expect(await second.text()).toContain('<title>Rankscope</title>');
  });

  it('never serves a file outside the renderer folder, and answers bad escapes with 400', async () => {
    const token = `token=${test.host.token}`;
    expect((await fetch(`${test.base}/..%2f..%2fetc%2fpasswd?${token}`)).status).toBe(404);
    expect((await fetch(`${test.base}/%ZZ?${token}`)).status).toBe(400);
    expect((await fetch(`${test.base}/%c0%ae%c0%ae/x?${token}`)).status).toBe(400);
    expect((await fetch(`${test.base}/?${token}`)).status).toBe(200);
  });
});

describe('web host: the socket', () => {
  let client: SocketClient;
  beforeAll(async () => {
    client = await connect(test);
  });
  afterAll(() => client.close());

  it('refuses sockets with a wrong token or a foreign origin', async () => {
    await expect(connect(test, { token: 'wrong' })).rejects.toThrow(/403/);
    await expect(connect(test, { origin: 'http://evil.example' })).rejects.toThrow(/403/);
  });

  it('answers info with the root and the limits, and runs jobs with named validation errors', async () => {
    expect(await client.call('info', [])).toMatchObject({
      result: {
        app: 'Rankscope',
        host: 'web',
        workers: 1,
        root: test.root,
        limits: { queuedRequests: 64 },
      },
    });
    expect(await client.call('compute', ['nope', {}])).toMatchObject({
      error: { name: 'InvalidRequest', message: 'There is no compute job named "nope".' },
    });
    const rank = await client.call('compute', [
      'analyze',
      {
        cells: [
          ['1', '2', '3'],
          ['2', '4', '6'],
          ['1', '3', '4'],
        ],
      },
      { jobId: 'r1' },
    ]);
    expect(rank).toMatchObject({ result: { rank: 2, exact: true, nullity: 1 } });
  });

  it('refuses a job over its budget with the estimate, before running it', async () => {
    const reply = await client.call('compute', [
      'embeddingDemo',
      { vocabulary: 50_000, width: 4096, contexts: 4096 },
    ]);
    expect(reply).toMatchObject({
      error: { name: 'OverBudget', message: expect.stringMatching(/would (take|need) about/) },
    });
  });

  it('answers malformed messages with an error naming what was wrong, and stays usable', async () => {
    expect(await client.raw(encodeFrame({ id: 41, method: 'info' }))).toMatchObject({
      id: 41,
      error: { name: 'InvalidRequest', message: expect.stringContaining('args') },
    });
    expect(await client.raw(encodeFrame({ id: 42, method: 'nope', args: [] }))).toMatchObject({
      id: 42,
      error: { message: 'There is no host method named "nope".' },
    });
    expect(await client.raw(new Uint8Array([1, 2, 3]))).toMatchObject({
      id: null,
      error: { name: 'InvalidFrame' },
    });
    expect(await client.raw('{"id":1}', false)).toMatchObject({
      id: null,
      error: { message: expect.stringContaining('binary frames only') },
    });
    expect(await client.call('info', [])).toMatchObject({ result: { app: 'Rankscope' } });
  });
});

describe('web host: files only by handle, inside the root', () => {
  let client: SocketClient;
  beforeAll(async () => {
    client = await connect(test);
  });
  afterAll(() => client.close());

  const pathMethods: [string, (path: string) => unknown[]][] = [
    ['openProject', (file) => [file]],
    ['checkExternalChange', (file) => [file]],
    ['importMatrix', (file) => [{ file }]],
    ['readMatrix', (file) => [{ matrixId: 'dense-x', project: file }]],
    ['saveProject', (file) => [{ file, document }]],
    ['writeBackup', (file) => [{ sessionId: 'window', document, project: file }]],
    ['listFolder', (file) => [file]],
    ['analyzeCheckpoint', (file) => [{ source: file, passes: ['quick'] }]],
    ['diffCheckpoints', (file) => [{ base: file, tuned: file }]],
    ['readWeightReport', (file) => [file]],
  ];

  it.each(pathMethods)(
    '%s refuses a path string, saying it takes handles',
    async (method, args) => {
      const reply = await client.call(method, args(path.join(test.outside, 'secret.csv')));
      expect(reply).toMatchObject({
        error: { name: 'NotAHandle', message: expect.stringContaining('file handles, not paths') },
      });
    },
  );

  it.each(pathMethods)('%s refuses a handle issued to another connection', async (method, args) => {
    writeFileSync(path.join(test.root, 'mine.csv'), '1,2\n3,4\n');
    const other = await connect(test);
    const resolved = await other.call('resolvePath', [
      { path: 'mine.csv', mode: 'open', purpose: 'matrix' },
    ]);
    const foreign = (resolved as { result: { file: { handle: string } } }).result.file.handle;
    const reply = await client.call(method, args(foreign));
    expect(reply).toMatchObject({
      error: {
        name: 'UnknownHandle',
        message: expect.stringContaining('not issued to this window'),
      },
    });
    other.close();
  });

  it('analyses a checkpoint folder chosen by the prompt, streaming its report; the page cannot name a folder to a job', async () => {
    cpSync(path.join(fixturesFolder, 'sharded'), path.join(test.root, 'shards'), {
      recursive: true,
    });
    const resolved = await client.call('resolvePath', [
      { path: 'shards', mode: 'folder', purpose: 'weights' },
    ]);
    const folder = (resolved as { result: { file: { handle: string; kind: string } } }).result.file;
    expect(folder.kind).toBe('folder');
    const reply = (await client.call('analyzeCheckpoint', [
      { source: folder.handle, passes: ['quick'] },
      { jobId: 'shards' },
    ])) as { result: { report: string }; progressEvents?: { partial?: { lines: string } }[] };
    const streamed = (reply.progressEvents ?? []).map((event) => event.partial?.lines ?? '');
    expect(streamed.join('')).toBe(reply.result.report);
    const report = parseReport(reply.result.report);
    expect(report.header.checkpoint.name).toBe('model.safetensors.index.json');
    expect(report.tensors.size).toBe(5);
    expect(
      await client.call('compute', [
        'checkpointTensor',
        { folder: test.outside, tensor: report.header.checkpoint.tensors[0] },
      ]),
    ).toMatchObject({
      error: { name: 'InvalidRequest', message: expect.stringContaining('only the host runs it') },
    });
  });

  it('resolves a typed path inside the root to a handle and imports it, showing only the relative path', async () => {
    mkdirSync(path.join(test.root, 'week 3'), { recursive: true });
    writeFileSync(path.join(test.root, 'week 3', 'scores.csv'), '1,2\n2,4\n');
    const resolved = await client.call('resolvePath', [
      { path: 'week 3/scores.csv', mode: 'open', purpose: 'matrix' },
    ]);
    expect(resolved).toMatchObject({
      result: {
        file: { name: 'scores.csv', shownPath: 'week 3/scores.csv', kind: 'file' },
        overwrites: false,
      },
    });
    const { handle } = (resolved as { result: { file: { handle: string } } }).result.file;
    expect(handle).toMatch(/^fh-[A-Za-z0-9_-]{22}$/);
    expect(JSON.stringify(resolved)).not.toContain(test.root);
    expect(await client.call('importMatrix', [{ file: handle }])).toMatchObject({
      result: {
        rows: 2,
        cols: 2,
        cells: [
          ['1', '2'],
          ['2', '4'],
        ],
      },
    });
  });

  it('refuses paths outside the root, by .. or absolute or through a symbolic link', async () => {
    symlinkSync(test.outside, path.join(test.root, 'escape'));
    for (const typed of [
      '../secret.csv',
      path.join(test.outside, 'secret.csv'),
      'escape/secret.csv',
      '/etc/passwd',
    ]) {
      const reply = await client.call('resolvePath', [
        { path: typed, mode: 'open', purpose: 'matrix' },
      ]);
      expect(reply, typed).toMatchObject({
        error: {
          name: 'OutsideRoot',
          message: expect.stringContaining('outside the folder this host serves'),
        },
      });
    }
    const save = await client.call('resolvePath', [
      { path: 'escape/notes.txt', mode: 'save', purpose: 'project' },
    ]);
    expect(save).toMatchObject({ error: { name: 'OutsideRoot' } });
    expect(readFileSync(path.join(test.outside, 'notes.txt'), 'utf8')).toBe('do not replace me');
  });

  it('asks before a save replaces a file not opened in this run; creates missing folders inside the root', async () => {
    writeFileSync(path.join(test.root, 'existing.rankscope'), 'old bytes');
    const replacing = await client.call('resolvePath', [
      { path: 'existing.rankscope', mode: 'save', purpose: 'project' },
    ]);
    expect(replacing).toMatchObject({ result: { overwrites: true } });
    const fresh = await client.call('resolvePath', [
      { path: 'new folder/deeper/lecture.rankscope', mode: 'save', purpose: 'project' },
    ]);
    expect(fresh).toMatchObject({
      result: { overwrites: false, createsFolders: ['new folder', 'new folder/deeper'] },
    });
    const handle = (fresh as { result: { file: { handle: string } } }).result.file.handle;
    const saved = await client.call('saveProject', [{ file: handle, document }]);
    expect(saved).toMatchObject({
      result: {
        file: { name: 'lecture.rankscope', shownPath: 'new folder/deeper/lecture.rankscope' },
      },
    });
    expect(existsSync(path.join(test.root, 'new folder', 'deeper', 'lecture.rankscope'))).toBe(
      true,
    );
    // Saved in this run: saving there again needs no question.
    const again = await client.call('resolvePath', [
      { path: 'new folder/deeper/lecture.rankscope', mode: 'save', purpose: 'project' },
    ]);
    expect(again).toMatchObject({ result: { overwrites: false } });
    // The one-save handle for the existing file is spent by its save.
    const once = (replacing as { result: { file: { handle: string } } }).result.file.handle;
    expect(await client.call('saveProject', [{ file: once, document }])).toMatchObject({
      result: {},
    });
    expect(await client.call('saveProject', [{ file: once, document }])).toMatchObject({
      error: { name: 'UnknownHandle' },
    });
  });

  it('a matrix chosen to be read cannot be written over', async () => {
    writeFileSync(path.join(test.root, 'data.csv'), '1\n');
    const resolved = await client.call('resolvePath', [
      { path: 'data.csv', mode: 'open', purpose: 'matrix' },
    ]);
    const handle = (resolved as { result: { file: { handle: string } } }).result.file.handle;
    expect(await client.call('saveProject', [{ file: handle, document }])).toMatchObject({
      error: { name: 'ReadOnlyHandle' },
    });
    expect(readFileSync(path.join(test.root, 'data.csv'), 'utf8')).toBe('1\n');
  });

  it('uploads a file in chunks into a handle, which dies with its connection', async () => {
    const other = await connect(test);
    const bytes = new TextEncoder().encode('1,1/2\n3,4\n');
    const begun = await other.call('beginUpload', [
      { fileName: 'dropped.csv', size: bytes.length },
    ]);
    const { uploadId } = (begun as { result: { uploadId: string } }).result;
    expect(
      await other.call('uploadChunk', [{ uploadId, offset: 0, bytes: bytes.subarray(0, 4) }]),
    ).toMatchObject({ result: { received: 4 } });
    expect(
      await other.call('uploadChunk', [{ uploadId, offset: 2, bytes: bytes.subarray(4) }]),
    ).toMatchObject({
      error: { message: expect.stringContaining('starts at byte 4, not 2') },
    });
    await other.call('uploadChunk', [{ uploadId, offset: 4, bytes: bytes.subarray(4) }]);
    const finished = await other.call('finishUpload', [uploadId]);
    expect(finished).toMatchObject({ result: { name: 'dropped.csv', kind: 'file' } });
    const handle = (finished as { result: { handle: string } }).result.handle;
    expect(await other.call('importMatrix', [{ file: handle }])).toMatchObject({
      result: {
        cells: [
          ['1', '1/2'],
          ['3', '4'],
        ],
      },
    });
    other.close();
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(test.host.sessions).toBe(1);
  });
});

describe('web host: files given at launch', () => {
  it('offers the command line’s files inside the root as handles, once, and none outside it', async () => {
    const launchPool = createComputePool(import.meta.url, { size: 1 });
    const launched = await startTestHost(launchPool);
    await launched.host.close();
    // A host started with two files: one inside its root, one outside.
    writeFileSync(path.join(launched.root, 'start.csv'), '1,0\n0,1\n');
    writeFileSync(path.join(launched.outside, 'elsewhere.csv'), '1\n');
    const withFiles = await startTestHost(launchPool, {
      launch: [path.join(launched.root, 'start.csv'), path.join(launched.outside, 'elsewhere.csv')],
      root: launched.root,
    });
    const client = await connect(withFiles);
    const first = await client.call('launchFiles', []);
    expect(first).toMatchObject({
      result: [{ name: 'start.csv', shownPath: 'start.csv', kind: 'file' }],
    });
    expect((first as { result: unknown[] }).result).toHaveLength(1);
    expect(await client.call('launchFiles', [])).toMatchObject({ result: [] });
    client.close();
    await withFiles.host.close();
    await launchPool.close();
  });
});
