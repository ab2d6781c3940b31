// A reduction as an animated GIF or a WebM video, for slides that cannot hold HTML: the motion
// plan's frames (the stepper's figures) drawn onto a canvas of the chosen size and encoded.
// Browser only (canvas, image decoding, WebCodecs); the encoders load when first asked for.
import type { ReductionFigureData } from '../interactive-data';
import { loadImage } from '../rasterize';
import { reductionMotionPlan, type MotionFrame, type MotionOptions } from './motion-plan';

async function loadSvg(svg: string): Promise<HTMLImageElement> {
  const url = URL.createObjectURL(new Blob([svg], { type: 'image/svg+xml' }));
  try {
    return await loadImage(url);
  } finally {
    URL.revokeObjectURL(url);
  }
}

async function drawFrame(
  context: CanvasRenderingContext2D,
  frame: MotionFrame,
  options: MotionOptions,
): Promise<void> {
  const image = await loadSvg(frame.svg);
  const place = frame.placement;
  context.fillStyle = '#ffffff';
  context.fillRect(0, 0, options.width, options.height);
  context.drawImage(image, place.x, place.y, place.width, place.height);
}

function frameCanvas(options: MotionOptions) {
  const canvas = document.createElement('canvas');
  canvas.width = options.width;
  canvas.height = options.height;
  const context = canvas.getContext('2d', { willReadFrequently: true });
  if (!context) throw new Error('no 2D canvas is available');
  return { canvas, context };
}

export async function reductionGif(
  data: ReductionFigureData,
  options: MotionOptions,
  onProgress: (fraction: number) => void = () => {},
): Promise<Uint8Array> {
  const plan = reductionMotionPlan(data, options);
  const { context } = frameCanvas(options);
  const frames = [];
  for (const [number, frame] of plan.entries()) {
    await drawFrame(context, frame, options);
    const pixels = context.getImageData(0, 0, options.width, options.height);
    frames.push({ ...options, data: pixels.data, milliseconds: frame.seconds * 1000 });
    onProgress((number + 1) / (plan.length + 1));
  }
  const { encodeGif } = await import('./gif');
  const bytes = encodeGif(frames);
  onProgress(1);
  return bytes;
}

export async function reductionWebm(
  data: ReductionFigureData,
  options: MotionOptions,
  onProgress: (fraction: number) => void = () => {},
): Promise<Uint8Array> {
  const plan = reductionMotionPlan(data, options);
  const { canvas, context } = frameCanvas(options);
  const { encodeWebm } = await import('./webm');
  return encodeWebm(
    canvas,
    plan.map((frame) => ({
      draw: () => drawFrame(context, frame, options),
      start: frame.start,
      seconds: frame.seconds,
    })),
    onProgress,
  );
}
