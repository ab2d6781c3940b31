// WebM video from a canvas with Mediabunny over WebCodecs: VP9 where the platform encodes it, else
// VP8; each planned frame is captured once and lasts its seconds (variable frame rate, which WebM
// keeps exactly), with a key frame every step so slides can seek. Runs where WebCodecs exists
// (Electron, Chromium); elsewhere it says so.
import {
  BufferTarget,
  CanvasSource,
  Output,
  QUALITY_HIGH,
  WebMOutputFormat,
  getFirstEncodableVideoCodec,
} from 'mediabunny';

export interface TimedDrawing {
  /** Draws the frame onto the canvas. */
  draw(): Promise<void> | void;
  start: number;
  seconds: number;
}

export async function encodeWebm(
  canvas: HTMLCanvasElement,
  frames: readonly TimedDrawing[],
  onProgress: (fraction: number) => void = () => {},
): Promise<Uint8Array> {
  if (typeof VideoEncoder === 'undefined')
    throw new Error('this browser cannot encode video (no WebCodecs): save a GIF instead');
  const codec = await getFirstEncodableVideoCodec(['vp9', 'vp8'], {
    width: canvas.width,
    height: canvas.height,
  });
  if (!codec) throw new Error('no WebM video codec can be encoded here: save a GIF instead');
  const output = new Output({ format: new WebMOutputFormat(), target: new BufferTarget() });
  const shortest = Math.min(...frames.map((frame) => frame.seconds));
  const source = new CanvasSource(canvas, {
    codec,
    quality: QUALITY_HIGH,
    keyFrameInterval: shortest,
  });
  output.addVideoTrack(source);
  await output.start();
  for (const [number, frame] of frames.entries()) {
    await frame.draw();
    await source.add(frame.start, frame.seconds);
    onProgress((number + 1) / frames.length);
  }
  await output.finalize();
  const buffer = output.target.buffer;
  if (!buffer) throw new Error('the video encoder gave no data');
  return new Uint8Array(buffer);
}
