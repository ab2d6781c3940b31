import { describe, expect, it } from 'vitest';
import type { ReductionFigureData } from '../interactive-data';
import { checkMotionOptions, fitFigure, reductionMotionPlan } from './motion-plan';

const data: ReductionFigureData = {
  kind: 'reduction',
  title: 'Worked example',
  start: [
    ['1', '2'],
    ['2', '4'],
  ],
  steps: [
    {
      cells: [
        ['1', '2'],
        ['0', '0'],
      ],
      notation: 'R₂ ← R₂ − 2R₁',
      words: 'subtract 2 times row 1 from row 2',
      reason: 'clear below the pivot in column 1',
      pivot: { row: 0, col: 0 },
      readRows: [0],
      writtenRows: [1],
    },
  ],
  summary: 'rank 1, pivot columns 1',
};

describe('the motion plan of a reduction', () => {
  it('shows every state in order, holding the RREF twice as long', () => {
    const plan = reductionMotionPlan(data, { width: 640, height: 360, secondsPerStep: 1.5 });
    expect(plan.map((frame) => [frame.index, frame.start, frame.seconds])).toEqual([
      [0, 0, 1.5],
      [1, 1.5, 3],
    ]);
    expect(plan[0].svg).toContain('the matrix to reduce');
    expect(plan[1].svg).toContain('Step 1 of 1: R₂ ← R₂ − 2R₁');
    // One scale and corner for every frame: the matrix stays put while the caption changes.
    const [first, second] = plan.map((frame) => frame.placement);
    expect([first.x, first.y]).toEqual([second.x, second.y]);
    const ratio = (svg: string) => Number(/width="(\d+)"/.exec(svg)![1]);
    expect(first.width / ratio(plan[0].svg)).toBeCloseTo(second.width / ratio(plan[1].svg), 2);
    expect(Math.max(first.width, second.width)).toBeLessThanOrEqual(640 * 0.9 + 1);
    expect(Math.max(first.height, second.height)).toBeLessThanOrEqual(360 * 0.9 + 1);
  });

  it('refuses sizes video cannot hold and steps too fast or slow, saying which', () => {
    expect(() => checkMotionOptions({ width: 641, height: 360, secondsPerStep: 1 })).toThrow(
      'the width must be even for video, not 641',
    );
    expect(() => checkMotionOptions({ width: 640, height: 8000, secondsPerStep: 1 })).toThrow(
      /the height must be a whole number of pixels from 64 to 3840/,
    );
    expect(() => checkMotionOptions({ width: 640, height: 360, secondsPerStep: 0 })).toThrow(
      /each step shows for 0.25 to 10 seconds/,
    );
  });

  it('fits a figure inside the frame, keeping its shape, centred', () => {
    // A wide figure in a 16:9 frame: the width binds.
    expect(fitFigure({ width: 400, height: 100 }, { width: 1280, height: 720 })).toEqual({
      x: 64,
      y: 216,
      width: 1152,
      height: 288,
    });
    // A tall one: the height binds, and it is centred across.
    const tall = fitFigure({ width: 100, height: 200 }, { width: 1280, height: 720 }, 0);
    expect(tall).toEqual({ x: 460, y: 0, width: 360, height: 720 });
  });
});
