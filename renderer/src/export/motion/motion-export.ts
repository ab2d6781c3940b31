// Motion for slides that cannot hold HTML, as an animated GIF or a WebM video: planned frames, each
// a figure (SVG) placed in a canvas of the chosen size, drawn one by one and encoded. A reduction's
// frames are the stepper's figures; the 3D scenes' are built per frame by the Subspaces view.
// Browser only (canvas, image decoding, WebCodecs); the encoders load when first asked for.
import type { ReductionFigureData } from '../interactive-data';
import { loadImage } from '../rasterize';
import {
  reductionMotionPlan,
  type FrameSize,
  type MotionOptions,
  type Placement,
} from './motion-plan';

export type MotionFormat = 'gif' | 'webm';

/** A frame's time span; what it shows is drawn by the caller's `figure`. */
export interface TimedFrame {
  start: number;
  seconds: number;
}

/** A frame's picture: an SVG figure and where it sits in the frame, in pixels. */
export interface PlacedFigure {
  svg: string;
  placement: Placement;
  /** What fills the frame around the figure (white unless told). */
  background?: string;
}

async function loadSvg(svg: string): Promise<HTMLImageElement> {
  const url = URL.createObjectURL(new Blob([svg], { type: 'image/svg+xml' }));
  try {
    return await loadImage(url);
  } finally {
    URL.revokeObjectURL(url);
  }
}

async function drawFigure(
  context: CanvasRenderingContext2D,
  figure: PlacedFigure,
  size: FrameSize,
): Promise<void> {
  const image = await loadSvg(figure.svg);
  const place = figure.placement;
  context.fillStyle = figure.background ?? '#ffffff';
  context.fillRect(0, 0, size.width, size.height);
  context.drawImage(image, place.x, place.y, place.width, place.height);
}

function frameCanvas(size: FrameSize) {
  const canvas = document.createElement('canvas');
  canvas.width = size.width;
  canvas.height = size.height;
  const context = canvas.getContext('2d', { willReadFrequently: true });
  if (!context) throw new Error('no 2D canvas is available');
  return { canvas, context };
}

/** The frames encoded as `format`; `figure` is asked for one frame at a time. */
export async function encodeMotion<Frame extends TimedFrame>(
  format: MotionFormat,
  frames: readonly Frame[],
  size: FrameSize,
  figure: (frame: Frame) => PlacedFigure | Promise<PlacedFigure>,
  onProgress: (fraction: number) => void = () => {},
): Promise<Uint8Array> {
  const { canvas, context } = frameCanvas(size);
  const draw = async (frame: Frame) => drawFigure(context, await figure(frame), size);
  if (format === 'webm') {
    const { encodeWebm } = await import('./webm');
    return encodeWebm(
      canvas,
      frames.map((frame) => ({
        draw: () => draw(frame),
        start: frame.start,
        seconds: frame.seconds,
      })),
      onProgress,
    );
  }
  const { gifWriter } = await import('./gif');
  const writer = gifWriter(size.width, size.height);
  for (const [number, frame] of frames.entries()) {
    await draw(frame);
    const pixels = context.getImageData(0, 0, size.width, size.height);
    writer.add({ ...size, data: pixels.data, milliseconds: frame.seconds * 1000 });
    onProgress((number + 1) / (frames.length + 1));
  }
  const bytes = writer.finish();
  onProgress(1);
  return bytes;
}

export function reductionMotion(
  format: MotionFormat,
  data: ReductionFigureData,
  options: MotionOptions,
  onProgress?: (fraction: number) => void,
): Promise<Uint8Array> {
  const size = { width: options.width, height: options.height };
  return encodeMotion(
    format,
    reductionMotionPlan(data, options),
    size,
    (frame) => frame,
    onProgress,
  );
}
