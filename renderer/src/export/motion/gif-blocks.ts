// A GIF's logical size, its frames' sizes and delays (hundredths of a second) and its loop count,
// read block by block as the GIF89a specification lays them out. For checking what gif.ts wrote.
export interface GifBlocks {
  width: number;
  height: number;
  delays: number[];
  images: { width: number; height: number }[];
  /** NETSCAPE2.0 loop count (0: forever), or null when the GIF does not loop. */
  loops: number | null;
}

export function readGifBlocks(bytes: Uint8Array): GifBlocks {
  const text = (from: number, length: number) =>
    String.fromCharCode(...bytes.subarray(from, from + length));
  const word = (at: number) => bytes[at] | (bytes[at + 1] << 8);
  if (text(0, 6) !== 'GIF89a') throw new Error('not a GIF89a file');
  const width = word(6);
  const height = word(8);
  let at = 13 + (bytes[10] & 0x80 ? 3 * 2 ** ((bytes[10] & 7) + 1) : 0);
  const skipSubBlocks = () => {
    while (bytes[at] !== 0) at += bytes[at] + 1;
    at += 1;
  };
  const delays: number[] = [];
  const images: { width: number; height: number }[] = [];
  let loops: number | null = null;
  while (bytes[at] !== 0x3b) {
    if (at >= bytes.length) throw new Error('the GIF ends without a trailer');
    if (bytes[at] === 0x21) {
      const label = bytes[at + 1];
      if (label === 0xf9) delays.push(word(at + 4));
      if (label === 0xff && text(at + 3, 11) === 'NETSCAPE2.0') loops = word(at + 16);
      at += 2;
      skipSubBlocks();
    } else if (bytes[at] === 0x2c) {
      images.push({ width: word(at + 5), height: word(at + 7) });
      const packed = bytes[at + 9];
      at += 10 + (packed & 0x80 ? 3 * 2 ** ((packed & 7) + 1) : 0);
      at += 1; // LZW minimum code size
      skipSubBlocks();
    } else throw new Error(`unexpected block 0x${bytes[at].toString(16)} at ${at}`);
  }
  return { width, height, delays, images, loops };
}
