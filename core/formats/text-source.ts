// The text a matrix is read from, held as UTF-8 bytes (how files arrive, and what the number
// scanner reads fastest) and, only when a reader needs regular expressions, as a string. Offsets
// are in bytes or in string characters, as the reader that produced them says; both turn into a
// line and a column (in characters) for messages.

import { createLocator, type Locator } from './text-location';
import type { TextWindow } from './text-window';

export type OffsetUnit = 'byte' | 'character';

const encoder = new TextEncoder();
const decoder = new TextDecoder('utf-8');

export class TextSource {
  private bytesValue: Uint8Array | undefined;
  private textValue: string | undefined;
  private characterLocator: Locator | undefined;
  private lineStarts: Int32Array | undefined;
  private window: TextWindow | undefined;
  private whole: (() => Uint8Array) | undefined;

  private constructor(bytes: Uint8Array | undefined, text: string | undefined) {
    this.bytesValue = bytes;
    this.textValue = text;
  }

  /**
   * A text read through a sliding window: slices inside the window come from it; anything else
   * (a message's line number, an early cell's text) reads the whole text once, through `whole`.
   */
  static windowed(window: TextWindow, whole: () => Uint8Array): TextSource {
    const source = new TextSource(undefined, undefined);
    source.window = window;
    source.whole = whole;
    return source;
  }

  /** Bytes in the whole text. */
  get size(): number {
    return this.window && !this.bytesValue ? this.window.size : this.bytes.length;
  }

  static fromText(text: string): TextSource {
    return new TextSource(undefined, text);
  }

  /** UTF-8 bytes (a byte-order mark is skipped by the readers). */
  static fromBytes(bytes: Uint8Array): TextSource {
    return new TextSource(bytes, undefined);
  }

  get bytes(): Uint8Array {
    this.bytesValue ??= this.whole ? this.whole() : encoder.encode(this.textValue!);
    return this.bytesValue;
  }

  get text(): string {
    this.textValue ??= decoder.decode(this.bytesValue!);
    return this.textValue;
  }

  /** The text between two offsets. */
  slice(start: number, end: number, unit: OffsetUnit): string {
    if (unit === 'character') return this.text.slice(start, end);
    let bytes: Uint8Array;
    const window = this.window;
    if (window && start >= window.base && end <= window.base + window.text.length) {
      bytes = window.text;
      start -= window.base;
      end -= window.base;
    } else bytes = this.bytes;
    // Numbers and most words are short and ASCII: no decoder needed.
    let ascii = end - start <= 64;
    for (let k = start; ascii && k < end; k++) if (bytes[k] > 127) ascii = false;
    return ascii
      ? String.fromCharCode(...bytes.subarray(start, end))
      : decoder.decode(bytes.subarray(start, end));
  }

  /** 1-based line and column (in characters) of an offset. */
  locate(offset: number, unit: OffsetUnit): { line: number; column: number } {
    if (unit === 'character') {
      this.characterLocator ??= createLocator(this.text);
      return this.characterLocator(offset);
    }
    const bytes = this.bytes;
    if (!this.lineStarts) {
      const starts = [0];
      for (let k = 0; k < bytes.length; k++) {
        const code = bytes[k];
        if (code === 10 || (code === 13 && bytes[k + 1] !== 10)) starts.push(k + 1);
      }
      this.lineStarts = Int32Array.from(starts);
    }
    const starts = this.lineStarts;
    let low = 0;
    let high = starts.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if (starts[middle] <= offset) low = middle;
      else high = middle - 1;
    }
    // TextDecoder drops a byte-order mark, which no editor counts as a column either.
    const before = decoder.decode(bytes.subarray(starts[low], Math.min(offset, bytes.length)));
    return { line: low + 1, column: before.length + 1 };
  }

  /** The byte offset of a character offset (for readers that work on the string). */
  byteOffsetOf(characterOffset: number): number {
    return encoder.encode(this.text.slice(0, characterOffset)).length;
  }
}
