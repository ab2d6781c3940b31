// What a motion export of the 3D subspace scenes shows, frame by frame. "turn": the whole picture
// (x split, A applied) while the cameras orbit once about the vertical axis at an even rate, the last frame one step short of the first
// so the loop closes without a stutter. "split": x alone, then x_row and x_null sliding out of x
// to their spaces, a pause, then A carrying them over (A x_null shrinking to 0, Ax appearing), a
// pause; the pauses are single long frames. Pure: scene-motion.ts draws what this plans.
import { easeInOut } from '../../figures/subspace-interaction';
import { checkFrameSize, type FrameSize } from './motion-plan';

export type SceneMotionKind = 'turn' | 'split';

export interface SceneMotionOptions extends FrameSize {
  kind: SceneMotionKind;
  /** Length of one loop, in seconds. */
  seconds: number;
  /** Frames per second of the moving parts. */
  framesPerSecond: number;
}

export interface SceneMotionFrame {
  start: number;
  seconds: number;
  /** Camera turn from the starting view, in radians about the vertical axis. */
  turn: number;
  /** 0: x whole; 1: x_row and x_null at their places. */
  split: number;
  /** 0: A not yet applied (nothing in the codomain); 1: A x_row, A x_null = 0 and Ax in place. */
  map: number;
}

export const sceneMotionLimits = { shortest: 1, longest: 30, slowest: 5, fastest: 60 } as const;

/** Shares of a "split" loop: hold x, split, hold, apply A, hold. */
export const splitStages = [
  { stage: 'hold', share: 0.15 },
  { stage: 'split', share: 0.3 },
  { stage: 'hold', share: 0.1 },
  { stage: 'map', share: 0.3 },
  { stage: 'hold', share: 0.15 },
] as const;

/** Throws a RangeError saying which option is out of range. */
export function checkSceneMotionOptions(options: SceneMotionOptions): void {
  checkFrameSize(options);
  const { shortest, longest, slowest, fastest } = sceneMotionLimits;
  if (!(options.seconds >= shortest && options.seconds <= longest))
    throw new RangeError(`a loop lasts ${shortest} to ${longest} seconds, not ${options.seconds}`);
  const rate = options.framesPerSecond;
  if (!(Number.isInteger(rate) && rate >= slowest && rate <= fastest))
    throw new RangeError(
      `the frame rate is a whole ${slowest} to ${fastest} per second, not ${rate}`,
    );
}

export function sceneMotionPlan(options: SceneMotionOptions): SceneMotionFrame[] {
  checkSceneMotionOptions(options);
  const step = 1 / options.framesPerSecond;
  if (options.kind === 'turn') {
    const count = Math.round(options.seconds * options.framesPerSecond);
    return Array.from({ length: count }, (_, index) => ({
      start: index * step,
      seconds: step,
      turn: (2 * Math.PI * index) / count,
      split: 1,
      map: 1,
    }));
  }
  const frames: SceneMotionFrame[] = [];
  let start = 0;
  let split = 0;
  let map = 0;
  for (const { stage, share } of splitStages) {
    const length = share * options.seconds;
    if (stage === 'hold') {
      frames.push({ start, seconds: length, turn: 0, split, map });
    } else {
      // Whole frames; the first already moves, the last reaches 1, which the next hold keeps.
      const count = Math.max(1, Math.round(length * options.framesPerSecond));
      for (let index = 0; index < count; index++) {
        const eased = easeInOut((index + 1) / count);
        frames.push({
          start: start + (index * length) / count,
          seconds: length / count,
          turn: 0,
          split: stage === 'split' ? eased : split,
          map: stage === 'map' ? eased : map,
        });
      }
      if (stage === 'split') split = 1;
      else map = 1;
    }
    start += length;
  }
  return frames;
}

/**
 * Each scene panel's size, in figure pixels, so that two panels side by side with their titles and
 * the note (vector-scene-figure.ts's layout) have the frame's shape: the figure then fills the
 * frame at one scale. Panels keep the screen's width; a very wide frame gets a short panel, never
 * shorter than `shortest` (the figure is then centred with bars at the sides).
 */
export function scenePanelSize(
  frame: FrameSize,
  fontSize: number,
  panelWidth = 360,
  shortest = 200,
): { width: number; height: number } {
  const figureWidth = 2 * panelWidth + 3 * fontSize;
  // Title (2 em) above, a gap (1 em) and the note (2 em) below.
  const around = 5 * fontSize;
  const height = Math.floor((figureWidth * frame.height) / frame.width - around);
  return { width: panelWidth, height: Math.max(shortest, height) };
}
