import { describe, expect, it } from 'vitest';
import { svgSize } from '../figure-frame';
import { printTheme, screenTheme } from '../../figures/theme';
import { buildVectorSceneFigure } from '../../figures/vector-scene-figure';
import {
  checkSceneMotionOptions,
  sceneMotionPlan,
  scenePanelSize,
  splitStages,
  type SceneMotionOptions,
} from './scene-motion-plan';

const base: SceneMotionOptions = {
  kind: 'turn',
  width: 640,
  height: 360,
  seconds: 4,
  framesPerSecond: 20,
};

const total = (frames: { seconds: number }[]) =>
  frames.reduce((sum, frame) => sum + frame.seconds, 0);

/** Every frame starts where the one before it ends, the first at 0. */
function expectContiguous(frames: { start: number; seconds: number }[]) {
  expect(frames[0].start).toBe(0);
  for (let k = 1; k < frames.length; k++)
    expect(frames[k].start).toBeCloseTo(frames[k - 1].start + frames[k - 1].seconds, 9);
}

describe('the turning scene', () => {
  it('orbits once at an even rate, one frame per 1/fps seconds, closing the loop', () => {
    const plan = sceneMotionPlan(base);
    expect(plan).toHaveLength(80);
    expectContiguous(plan);
    expect(total(plan)).toBeCloseTo(4, 9);
    expect(plan.every((frame) => frame.seconds === 0.05)).toBe(true);
    expect(plan[0].turn).toBe(0);
    // Even steps of 2π/80 (4.5°); the last frame is one step short of a whole turn, so the loop
    // back to the first frame is one more step of the same size.
    for (let k = 1; k < plan.length; k++)
      expect(plan[k].turn - plan[k - 1].turn).toBeCloseTo((2 * Math.PI) / 80, 12);
    expect(2 * Math.PI - plan[79].turn).toBeCloseTo((2 * Math.PI) / 80, 12);
    // The whole picture turns: x split, A applied.
    expect(plan.every((frame) => frame.split === 1 && frame.map === 1)).toBe(true);
  });

  it('keeps the length at another rate and length', () => {
    const plan = sceneMotionPlan({ ...base, seconds: 6, framesPerSecond: 30 });
    expect(plan).toHaveLength(180);
    expect(total(plan)).toBeCloseTo(6, 9);
    expect(plan[45].turn).toBeCloseTo(Math.PI / 2, 12);
  });
});

describe('x splitting', () => {
  const plan = sceneMotionPlan({ ...base, kind: 'split', seconds: 5 });

  it('holds x, splits it, holds, applies A, holds, lasting the chosen length', () => {
    expectContiguous(plan);
    expect(total(plan)).toBeCloseTo(5, 9);
    // Holds are one long frame each; the moving stages one frame per 1/20 s: 30 % of 5 s = 30.
    expect(plan).toHaveLength(3 + 30 + 30);
    const [firstHold] = plan;
    expect(firstHold).toMatchObject({ start: 0, split: 0, map: 0, turn: 0 });
    expect(firstHold.seconds).toBeCloseTo(0.75, 12);
    const splitting = plan.slice(1, 31);
    expect(splitting[0].start).toBeCloseTo(0.75, 12);
    expect(splitting.every((frame) => frame.map === 0 && frame.seconds === 0.05)).toBe(true);
    expect(splitting.at(-1)!.split).toBe(1);
    const middleHold = plan[31];
    expect(middleHold).toMatchObject({ split: 1, map: 0 });
    expect(middleHold.seconds).toBeCloseTo(0.5, 12);
    const mapping = plan.slice(32, 62);
    expect(mapping.every((frame) => frame.split === 1)).toBe(true);
    expect(mapping.at(-1)!.map).toBe(1);
    expect(plan[62]).toMatchObject({ split: 1, map: 1 });
    expect(plan[62].start + plan[62].seconds).toBeCloseTo(5, 9);
    expect(plan.every((frame) => frame.turn === 0)).toBe(true);
  });

  it('moves gently: rising, slow at both ends, fastest in the middle', () => {
    const values = plan.slice(1, 31).map((frame) => frame.split);
    const steps = values.slice(1).map((value, k) => value - values[k]);
    expect(steps.every((step) => step > 0)).toBe(true);
    expect(Math.max(...steps)).toBeCloseTo(steps[14], 12);
    expect(steps[0]).toBeLessThan(steps[14] / 5);
    expect(steps.at(-1)!).toBeLessThan(steps[14] / 5);
  });

  it('shares its length among the stages as planned', () => {
    expect(splitStages.reduce((sum, stage) => sum + stage.share, 0)).toBeCloseTo(1, 12);
  });
});

describe('scene motion options', () => {
  it('refuses lengths, rates and sizes out of range, saying which', () => {
    expect(() => checkSceneMotionOptions({ ...base, seconds: 0.5 })).toThrow(
      'a loop lasts 1 to 30 seconds, not 0.5',
    );
    expect(() => checkSceneMotionOptions({ ...base, seconds: Number.NaN })).toThrow(/not NaN/);
    expect(() => checkSceneMotionOptions({ ...base, framesPerSecond: 24.5 })).toThrow(
      'the frame rate is a whole 5 to 60 per second, not 24.5',
    );
    expect(() => checkSceneMotionOptions({ ...base, width: 641 })).toThrow(
      'the width must be even for video, not 641',
    );
  });
});

describe('the scene panels in a frame', () => {
  const panel = (size: { width: number; height: number }) => ({
    title: 'domain ℝ³',
    ...size,
    drawing: '',
    labels: [],
  });

  it('makes the two-panel figure the frame’s shape, in either theme', () => {
    for (const theme of [screenTheme(false), printTheme])
      for (const frame of [
        { width: 640, height: 360 },
        { width: 1024, height: 768 },
        { width: 1920, height: 1080 },
      ]) {
        const size = scenePanelSize(frame, theme.fontSize);
        const svg = buildVectorSceneFigure([panel(size), panel(size)], theme, 'x = …', 'scenes');
        const figure = svgSize(svg);
        // Within a pixel of the frame's aspect (the figure's height is rounded up).
        expect(Math.abs(figure.height - (figure.width * frame.height) / frame.width)).toBeLessThan(
          1.01,
        );
      }
  });

  it('never makes a panel shorter than the floor, however wide the frame', () => {
    expect(scenePanelSize({ width: 3840, height: 64 }, 12).height).toBe(200);
  });
});
