// Animated GIF from still frames with gifenc: each frame quantised to its own 256-colour palette
// (flat figures lose nothing), written once with its delay, looping forever. A held step is one
// GIF frame, so a reduction of a dozen steps is a small file. Frames are written as they come, so
// a long animation never holds more than one frame's pixels. Cost: one quantisation per frame.
import { GIFEncoder, applyPalette, quantize } from 'gifenc';

export interface RgbaFrame {
  width: number;
  height: number;
  data: Uint8Array | Uint8ClampedArray;
  /** How long it shows, in milliseconds (GIF keeps hundredths of a second). */
  milliseconds: number;
}

export interface GifWriter {
  add(frame: RgbaFrame): void;
  /** The finished file; at least one frame must have been added. */
  finish(): Uint8Array;
}

/** A GIF of `width` × `height` written frame by frame. */
export function gifWriter(width: number, height: number): GifWriter {
  const gif = GIFEncoder();
  let count = 0;
  return {
    add(frame) {
      count += 1;
      if (frame.width !== width || frame.height !== height)
        throw new RangeError(
          `frame ${count} is ${frame.width}×${frame.height}, not ${width}×${height}`,
        );
      const palette = quantize(frame.data, 256);
      gif.writeFrame(applyPalette(frame.data, palette), width, height, {
        palette,
        delay: frame.milliseconds,
        // 0: loop forever (written with the first frame).
        repeat: 0,
      });
    },
    finish() {
      if (count === 0) throw new RangeError('a GIF needs at least one frame');
      gif.finish();
      return gif.bytes();
    },
  };
}

export function encodeGif(frames: readonly RgbaFrame[]): Uint8Array {
  if (frames.length === 0) throw new RangeError('a GIF needs at least one frame');
  const writer = gifWriter(frames[0].width, frames[0].height);
  for (const frame of frames) writer.add(frame);
  return writer.finish();
}
