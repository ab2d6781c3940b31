import { describe, it, expect, vi, beforeEach, afterEach } from 'vitest';
import { answersOlderInput, idleJobState, LatestJob, type LatestJobState } from './latest-job';

interface Call {
  input: number;
  signal: AbortSignal;
  onProgress(event: { fraction: number; message?: string }): void;
  resolve(value: number): void;
  reject(error: unknown): void;
}

function setup() {
  const calls: Call[] = [];
  const states: LatestJobState<number>[] = [];
  const job = new LatestJob<number, number>(
    (input, { signal, onProgress }) =>
      new Promise<number>((resolve, reject) =>
        calls.push({ input, signal, onProgress, resolve, reject }),
      ),
    (state) => states.push(state),
    { debounceMilliseconds: 60, slowAfterMilliseconds: 150 },
  );
  return { job, calls, states, last: () => states[states.length - 1] };
}

describe('LatestJob', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('runs only the last of a burst of edits, after the pause', () => {
    const { job, calls } = setup();
    job.submit(1);
    vi.advanceTimersByTime(30);
    job.submit(2);
    vi.advanceTimersByTime(30);
    job.submit(3);
    vi.advanceTimersByTime(59);
    expect(calls).toHaveLength(0);
    vi.advanceTimersByTime(1);
    expect(calls.map((call) => call.input)).toEqual([3]);
  });

  it('aborts the running job when a newer edit arrives, and ignores its late answer', async () => {
    const { job, calls, last } = setup();
    job.submit(1);
    vi.advanceTimersByTime(60);
    job.submit(2);
    expect(calls[0].signal.aborted).toBe(true);
    calls[0].resolve(100);
    await vi.advanceTimersByTimeAsync(60);
    expect(last().result).toBeNull();
    calls[1].resolve(200);
    await vi.advanceTimersByTimeAsync(0);
    expect(last()).toMatchObject({ result: 200, error: null, slow: false, running: false });
  });

  it('says which input an answer belongs to, so it reads as stale from the next input on', async () => {
    const { job, calls, states, last } = setup();
    job.submit(1);
    vi.advanceTimersByTime(60);
    calls[0].resolve(10);
    await vi.advanceTimersByTimeAsync(0);
    expect(last()).toMatchObject({ result: 10, answers: 1 });
    expect(answersOlderInput(last(), 1)).toBe(false);
    const before = states.length;
    job.submit(2);
    // Submitting reports nothing (it runs in an effect on every edit), yet 10 no longer answers 2.
    expect(states.length).toBe(before);
    expect(answersOlderInput(last(), 2)).toBe(true);
    vi.advanceTimersByTime(60);
    expect(last()).toMatchObject({ result: 10, running: true });
    expect(answersOlderInput(last(), 2)).toBe(true);
    calls[1].resolve(20);
    await vi.advanceTimersByTimeAsync(0);
    expect(last()).toMatchObject({ result: 20, running: false, answers: 2 });
    expect(answersOlderInput(last(), 2)).toBe(false);
  });

  it('reports nothing for a burst of submits: one state change per job, not per edit', async () => {
    const { job, calls, states } = setup();
    job.submit(1);
    vi.advanceTimersByTime(60);
    calls[0].resolve(10);
    await vi.advanceTimersByTimeAsync(0);
    const before = states.length;
    for (let input = 2; input < 200; input++) job.submit(input);
    expect(states.length).toBe(before);
    job.submit(null);
    job.submit(null);
    expect(states.length).toBe(before + 1);
  });

  it('never calls an idle answer stale', () => {
    expect(answersOlderInput(idleJobState, 5)).toBe(false);
  });

  it('flags a job as slow only after the threshold', async () => {
    const { job, calls, last } = setup();
    job.submit(1);
    vi.advanceTimersByTime(60);
    expect(last()).toMatchObject({ running: true, slow: false });
    vi.advanceTimersByTime(149);
    expect(last().slow).toBe(false);
    vi.advanceTimersByTime(1);
    expect(last().slow).toBe(true);
    calls[0].resolve(7);
    await vi.advanceTimersByTimeAsync(0);
    expect(last()).toMatchObject({ result: 7, error: null, slow: false, running: false });
  });

  it('reports an error as a message and clears it on the next success', async () => {
    const { job, calls, last } = setup();
    job.submit(1);
    vi.advanceTimersByTime(60);
    calls[0].reject(new Error('row 1, column 1: empty entry'));
    await vi.advanceTimersByTimeAsync(0);
    expect(last()).toMatchObject({ result: null, error: 'row 1, column 1: empty entry' });
    job.submit(2);
    await vi.advanceTimersByTimeAsync(60);
    calls[1].resolve(5);
    await vi.advanceTimersByTimeAsync(0);
    expect(last()).toMatchObject({ result: 5, error: null });
  });

  it('a cancelled job reports nothing; submitting null clears the state; dispose aborts', async () => {
    const { job, calls, states, last } = setup();
    job.submit(1);
    vi.advanceTimersByTime(60);
    const cancelled = new Error('The job was cancelled.');
    cancelled.name = 'CancelledError';
    const before = states.length;
    calls[0].reject(cancelled);
    await vi.advanceTimersByTimeAsync(0);
    expect(states.length).toBe(before);
    job.submit(null);
    expect(last()).toEqual(idleJobState);
    job.submit(3);
    vi.advanceTimersByTime(60);
    job.dispose();
    expect(calls[1].signal.aborted).toBe(true);
    vi.advanceTimersByTime(1000);
    expect(calls).toHaveLength(2);
  });

  it('passes progress on while running, and drops progress of a job that was replaced', async () => {
    const { job, calls, last } = setup();
    job.submit(1);
    vi.advanceTimersByTime(60);
    calls[0].onProgress({ fraction: 0.25, message: 'bidiagonalizing' });
    expect(last()).toMatchObject({ running: true, progress: 0.25, message: 'bidiagonalizing' });
    job.submit(2);
    calls[0].onProgress({ fraction: 0.9 });
    expect(last().progress).toBe(0.25);
    await vi.advanceTimersByTimeAsync(60);
    expect(last()).toMatchObject({ running: true, progress: 0, message: '' });
    calls[1].resolve(4);
    await vi.advanceTimersByTimeAsync(0);
    expect(last()).toMatchObject({ result: 4, running: false, progress: 1 });
  });

  it('cancel() stops the running job, keeps the previous answer and says it was cancelled', async () => {
    const { job, calls, last } = setup();
    job.submit(1);
    await vi.advanceTimersByTimeAsync(60);
    calls[0].resolve(10);
    await vi.advanceTimersByTimeAsync(0);
    job.submit(2);
    vi.advanceTimersByTime(60);
    job.cancel();
    expect(calls[1].signal.aborted).toBe(true);
    expect(last()).toMatchObject({ result: 10, running: false, cancelled: true });
    calls[1].resolve(20);
    await vi.advanceTimersByTimeAsync(0);
    expect(last().result).toBe(10);
    job.submit(3);
    await vi.advanceTimersByTimeAsync(60);
    expect(last()).toMatchObject({ running: true });
    calls[2].resolve(30);
    await vi.advanceTimersByTimeAsync(0);
    expect(last()).toMatchObject({ result: 30, cancelled: false });
  });
});
