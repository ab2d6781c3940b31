import { describe, expect, it } from 'vitest';
import { AnalysisSchedule, passMemoryBytes, type ScheduleItem } from './scheduler';
import { defaultQuickPassSettings } from './spectrum-passes';

const gigabyte = 1e9;
const item = (
  name: string,
  pass: 'quick' | 'full',
  memory: number,
  work = memory,
): ScheduleItem => ({
  name,
  pass,
  bytes: (memory * gigabyte) / 4,
  memoryBytes: memory * gigabyte,
  work,
});

describe('the analysis schedule', () => {
  it('starts quick passes before full ones, largest first, as many as there are workers', () => {
    const schedule = new AnalysisSchedule(
      [
        item('small', 'full', 0.1),
        item('big', 'quick', 0.5),
        item('small', 'quick', 0.1),
        item('middle', 'quick', 0.3),
      ],
      { workers: 2, memoryBudgetBytes: 10 * gigabyte },
    );
    const first = schedule.take();
    expect(first.map((started) => `${started.name}/${started.pass}`)).toEqual([
      'big/quick',
      'middle/quick',
    ]);
    expect(schedule.take()).toEqual([]);
    schedule.finished(first[1]);
    expect(schedule.take().map((started) => started.name)).toEqual(['small']);
  });

  it('packs under the memory budget, and runs a tensor larger than the budget alone', () => {
    const huge = item('huge', 'quick', 3);
    const a = item('a', 'quick', 0.9);
    const b = item('b', 'quick', 0.8);
    const schedule = new AnalysisSchedule([a, huge, b], {
      workers: 4,
      memoryBudgetBytes: 2 * gigabyte,
    });
    expect(schedule.take()).toEqual([huge]);
    schedule.finished(huge);
    expect(schedule.take()).toEqual([a, b]);
    schedule.finished(a);
    schedule.finished(b);
    expect(schedule.done).toBe(true);
  });

  it('holds a tensor’s full pass while its quick pass runs', () => {
    const quick = item('w', 'quick', 0.1);
    const full = item('w', 'full', 0.1);
    const schedule = new AnalysisSchedule([full, quick], {
      workers: 2,
      memoryBudgetBytes: gigabyte,
    });
    expect(schedule.take()).toEqual([quick]);
    schedule.finished(quick);
    expect(schedule.take()).toEqual([full]);
  });

  it('counts tensors and bytes done and extrapolates the time left from the work done', () => {
    const items = [item('a', 'quick', 0.3, 30), item('b', 'quick', 0.1, 10)];
    const schedule = new AnalysisSchedule(items, { workers: 1, memoryBudgetBytes: gigabyte });
    expect(schedule.progress(0).secondsLeft).toBeUndefined();
    const [first] = schedule.take();
    schedule.finished(first);
    const progress = schedule.progress(6);
    expect(progress).toMatchObject({
      tensorsDone: 1,
      tensorsTotal: 2,
      bytesDone: (0.3 * gigabyte) / 4,
      fraction: 0.75,
    });
    // 30 units took 6 s, so 10 more take 2 s.
    expect(progress.secondsLeft).toBeCloseTo(2, 12);
  });

  it('budgets a 4096×11008 tensor at its Float64 matrix plus little', () => {
    const bytes = 4096 * 11008 * 8;
    const quick = passMemoryBytes(11008, 4096, 'quick', defaultQuickPassSettings);
    const full = passMemoryBytes(11008, 4096, 'full', defaultQuickPassSettings);
    expect(quick / bytes).toBeGreaterThan(1);
    expect(quick / bytes).toBeLessThan(1.1);
    // The full pass's QR-first path adds the 4096² triangle.
    expect(full / bytes).toBeLessThan(1.5);
  });
});
