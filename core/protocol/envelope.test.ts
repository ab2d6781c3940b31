import { describe, expect, it } from 'vitest';
import { readRequest } from './envelope';
import { HostError, isCancelled } from './errors';
import { createHostClient } from './host-client';
import type { HostRequest, HostReply } from './envelope';
import type { HostHandlers } from './host-methods';
import { serveRequest } from './serve-request';

describe('request envelopes', () => {
  it('read { id, method, args } and name what is wrong with anything else, keeping the id', () => {
    expect(readRequest({ id: 3, method: 'info', args: [] })).toEqual({
      ok: true,
      request: { id: 3, method: 'info', args: [] },
    });
    expect(readRequest('info')).toMatchObject({
      ok: false,
      id: null,
      error: { name: 'InvalidRequest' },
    });
    expect(readRequest({ id: 4, method: 'deleteEverything', args: [] })).toMatchObject({
      ok: false,
      id: 4,
      error: { message: 'There is no host method named "deleteEverything".' },
    });
    expect(readRequest({ id: 5, method: 'info' })).toMatchObject({
      ok: false,
      id: 5,
      error: { message: expect.stringMatching(/at args/) },
    });
    expect(readRequest({ id: -1, method: 'info', args: [] })).toMatchObject({
      ok: false,
      id: null,
    });
    expect(readRequest({ id: 6, method: 'info', args: [], extra: 1 })).toMatchObject({
      ok: false,
      id: 6,
    });
    expect(readRequest({ id: 7, method: 'toString', args: [] })).toMatchObject({
      ok: false,
      id: 7,
    });
  });
});

/** A client and a server joined by an in-memory transport that clones as IPC would. */
function pair(handlers: Partial<HostHandlers>) {
  const replies: HostReply[] = [];
  const client = createHostClient((request: HostRequest) => {
    void serveRequest(handlers as HostHandlers, structuredClone(request), (reply) => {
      replies.push(reply);
      client.receive(structuredClone(reply));
    });
  });
  return { host: client.host, client, replies };
}

describe('one codec for every transport', () => {
  it('round-trips results, progress and job ids through the handlers', async () => {
    const seen: unknown[] = [];
    const { host } = pair({
      compute: async ([job, request, options], call) => {
        seen.push({ job, request, options });
        call.progress({ fraction: 0.5, message: 'half' });
        return { rank: 2 } as never;
      },
    });
    const progress: number[] = [];
    const result = await host.compute(
      'analyze',
      { cells: [['1']] },
      {
        jobId: 'j1',
        onProgress: (event) => progress.push(event.fraction),
      },
    );
    expect(result).toEqual({ rank: 2 });
    expect(progress).toEqual([0.5]);
    expect(seen).toEqual([
      { job: 'analyze', request: { cells: [['1']] }, options: { jobId: 'j1' } },
    ]);
  });

  it('makes up a job id when the caller gives none, so the job can still be cancelled', async () => {
    let jobId: string | undefined;
    const { host } = pair({
      analyzeCheckpoint: async ([, options]) => {
        jobId = options?.jobId;
        return { report: '', failures: 0 };
      },
    });
    await host.analyzeCheckpoint({ source: 'fh-x', passes: ['quick'] });
    expect(jobId).toMatch(/analyzeCheckpoint/);
  });

  it('serializes errors once and revives them once, names and details intact', async () => {
    const failure = new HostError({ name: 'CancelledError', message: 'The job was cancelled.' });
    const located = Object.assign(new RangeError('line 2: "abc" is not a number'), { line: 2 });
    const { host } = pair({
      cancel: async () => {
        throw failure;
      },
      importMatrix: async () => {
        throw located;
      },
    });
    const cancelled = await host.cancel('x').catch((error: unknown) => error);
    expect(cancelled).toBeInstanceOf(HostError);
    expect(isCancelled(cancelled)).toBe(true);
    await expect(host.importMatrix({ file: 'fh-a' })).rejects.toMatchObject({
      name: 'RangeError',
      message: 'line 2: "abc" is not a number',
      detail: { line: 2 },
    });
  });

  it('refuses bad arguments before any handler runs, naming the argument', async () => {
    let ran = false;
    const { host } = pair({
      keepMatrix: async () => {
        ran = true;
        return { matrixId: 'm' };
      },
    });
    await expect(
      host.keepMatrix({ rows: 2 ** 40, cols: 0, data: new Float64Array(0) }),
    ).rejects.toMatchObject({
      name: 'InvalidRequest',
      message: expect.stringMatching(
        /^The arguments of keepMatrix are invalid \(argument 1, at rows\)/,
      ),
    });
    await expect(
      (host.openProject as (...args: unknown[]) => Promise<unknown>)('fh-a', 'extra'),
    ).rejects.toMatchObject({ name: 'InvalidRequest' });
    expect(ran).toBe(false);
  });

  it('answers a malformed message with an error under its id, and a shapeless one under null', async () => {
    const replies: HostReply[] = [];
    await serveRequest({} as HostHandlers, { id: 9, method: 'info' }, (reply) =>
      replies.push(reply),
    );
    await serveRequest({} as HostHandlers, 42, (reply) => replies.push(reply));
    expect(replies).toEqual([
      { id: 9, error: expect.objectContaining({ name: 'InvalidRequest' }) },
      { id: null, error: expect.objectContaining({ name: 'InvalidRequest' }) },
    ]);
  });

  it('rejects every waiting call when the connection drops', async () => {
    const client = createHostClient(() => undefined);
    const waiting = client.host.info();
    expect(client.pending).toBe(1);
    client.failAll({ name: 'ConnectionError', message: 'Lost the connection.' });
    await expect(waiting).rejects.toMatchObject({ name: 'ConnectionError' });
    expect(client.pending).toBe(0);
  });
});
