// What a motion export of a reduction shows and for how long: one frame per state (the matrix as
// entered, then after each step), each held for the chosen seconds, the RREF held twice as long
// before the loop starts again; and where each figure sits in a frame of the chosen size: all at
// one scale and one top-left corner, chosen so the largest fits, so the matrix never jumps as the
// captions change length. Pure: the encoders (gif.ts, webm.ts) draw what this plans.
import type { ReductionFigureData } from '../interactive-data';
import { reductionStepFigure } from '../reduction-step-figure';

export interface FrameSize {
  /** Frame size in pixels; even, as video codecs need. */
  width: number;
  height: number;
}

export interface MotionOptions extends FrameSize {
  secondsPerStep: number;
}

export const motionSizes = [
  { label: '640 × 360', width: 640, height: 360 },
  { label: '1280 × 720', width: 1280, height: 720 },
  { label: '1920 × 1080', width: 1920, height: 1080 },
  { label: '1024 × 768 (4:3)', width: 1024, height: 768 },
] as const;

export const motionLimits = { smallest: 64, largest: 3840, fastest: 0.25, slowest: 10 } as const;

export interface MotionFrame {
  /** States shown so far: 0 = the matrix as entered. */
  index: number;
  svg: string;
  /** Where the figure is drawn in the frame, in pixels. */
  placement: Placement;
  /** Start and length in seconds. */
  start: number;
  seconds: number;
}

/** Throws a RangeError saying which side is out of range or odd. */
export function checkFrameSize(size: FrameSize): void {
  for (const side of ['width', 'height'] as const) {
    const value = size[side];
    if (!Number.isInteger(value) || value < motionLimits.smallest || value > motionLimits.largest)
      throw new RangeError(
        `the ${side} must be a whole number of pixels from ${motionLimits.smallest} to ${motionLimits.largest}, not ${value}`,
      );
    if (value % 2 !== 0) throw new RangeError(`the ${side} must be even for video, not ${value}`);
  }
}

/** Throws a RangeError saying which option is out of range. */
export function checkMotionOptions(options: MotionOptions): void {
  checkFrameSize(options);
  const seconds = options.secondsPerStep;
  if (!(seconds >= motionLimits.fastest && seconds <= motionLimits.slowest))
    throw new RangeError(
      `each step shows for ${motionLimits.fastest} to ${motionLimits.slowest} seconds, not ${seconds}`,
    );
}

export function reductionMotionPlan(
  data: ReductionFigureData,
  options: MotionOptions,
): MotionFrame[] {
  checkMotionOptions(options);
  const total = data.steps.length;
  const figures = Array.from({ length: total + 1 }, (_, index) => reductionStepFigure(data, index));
  const largest = {
    width: Math.max(...figures.map((figure) => figure.width)),
    height: Math.max(...figures.map((figure) => figure.height)),
  };
  const box = fitFigure(largest, options);
  const scale = box.width / largest.width;
  let start = 0;
  return figures.map((figure, index) => {
    const seconds = options.secondsPerStep * (index === total ? 2 : 1);
    const frame: MotionFrame = {
      index,
      svg: figure.svg,
      placement: {
        x: box.x,
        y: box.y,
        width: Math.round(figure.width * scale),
        height: Math.round(figure.height * scale),
      },
      start,
      seconds,
    };
    start += seconds;
    return frame;
  });
}

export interface Placement {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** The figure scaled to fit the frame less a margin, keeping its shape, centred. */
export function fitFigure(
  figure: { width: number; height: number },
  frame: { width: number; height: number },
  marginFraction = 0.05,
): Placement {
  const roomWidth = frame.width * (1 - 2 * marginFraction);
  const roomHeight = frame.height * (1 - 2 * marginFraction);
  const scale = Math.min(roomWidth / figure.width, roomHeight / figure.height);
  const width = Math.round(figure.width * scale);
  const height = Math.round(figure.height * scale);
  return {
    x: Math.round((frame.width - width) / 2),
    y: Math.round((frame.height - height) / 2),
    width,
    height,
  };
}
