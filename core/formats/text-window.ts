// A large text file read through a window of a few megabytes instead of whole: the delimited
// reader asks for one complete line at a time, and the window slides over the file, reusing its
// buffer. Touching fresh memory is not free (here about 6 ms a megabyte), and a 20 MB CSV read
// whole costs its size in memory twice over; read this way it costs the window. Pure: the host
// supplies the bytes through readInto (the shape of fs.readSync).

/** A text too large to want in memory whole. */
export interface TextStream {
  size: number;
  /** Copies up to `length` bytes from file offset `position` into target at targetOffset. */
  readInto(target: Uint8Array, targetOffset: number, length: number, position: number): number;
}

/** Thrown when the text holds a '"': a quoted field may span lines, so it is read whole instead. */
export class NeedsWholeText extends Error {
  override name = 'NeedsWholeText';
}

export class TextWindow {
  /** The bytes at hand: exactly the loaded part of the window, so reads past it find nothing. */
  text: Uint8Array;
  /** The file offset of text[0]. */
  base = 0;
  private buffer: Uint8Array;
  /** File offset just past the loaded bytes. */
  private loaded = 0;

  constructor(
    private readonly stream: TextStream,
    capacity = 4 * 1024 * 1024,
  ) {
    this.buffer = new Uint8Array(Math.min(capacity, Math.max(stream.size, 1)));
    this.text = this.buffer.subarray(0, 0);
    this.fill(0);
  }

  get size(): number {
    return this.stream.size;
  }

  /** True when the window holds the whole text. */
  get whole(): boolean {
    return this.base === 0 && this.loaded >= this.stream.size;
  }

  /**
   * Makes the window hold a whole line from `position` (window-relative) — up to a line feed, or
   * the end of the text — and returns that position in the window as it is then.
   */
  lineFrom(position: number): number {
    let start = position;
    if (start > this.text.length) {
      // The reader starts past the window (comment lines the head skipped): load from there.
      this.base += start;
      this.loaded = this.base;
      this.fill(0);
      start = 0;
    }
    while (this.text.indexOf(10, start) < 0 && this.loaded < this.stream.size) {
      // Keep the unread tail, move it to the front, and load behind it.
      const tail = this.text.length - start;
      if (tail >= this.buffer.length / 2) {
        const grown = new Uint8Array(this.buffer.length * 2);
        grown.set(this.text.subarray(start));
        this.buffer = grown;
      } else this.buffer.copyWithin(0, start, this.text.length);
      this.base += start;
      this.fill(tail);
      start = 0;
    }
    return start;
  }

  private fill(kept: number): void {
    let filled = kept;
    while (filled < this.buffer.length && this.loaded < this.stream.size) {
      const count = this.stream.readInto(
        this.buffer,
        filled,
        Math.min(this.buffer.length - filled, this.stream.size - this.loaded),
        this.loaded,
      );
      if (count <= 0) break;
      if (this.buffer.subarray(filled, filled + count).includes(34)) throw new NeedsWholeText();
      filled += count;
      this.loaded += count;
    }
    this.text = this.buffer.subarray(0, filled);
  }
}
