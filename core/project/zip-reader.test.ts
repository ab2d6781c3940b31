import { describe, it, expect } from 'vitest';
import { strToU8, zipSync } from 'fflate';
import { crc32 } from '../formats/crc32';
import { ProjectError } from './project-error';
import { readZip } from './zip-reader';

function kindOf(action: () => unknown): string {
  try {
    action();
  } catch (error) {
    if (error instanceof ProjectError) return error.kind;
    throw error;
  }
  return 'none';
}

/** Offsets of the end record and the first central directory header of a zip. */
function layout(bytes: Uint8Array) {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let end = bytes.length - 22;
  while (view.getUint32(end, true) !== 0x06054b50) end--;
  return { view, end, central: view.getUint32(end + 16, true) };
}

describe('crc32', () => {
  it('matches the standard check value and continues across chunks', () => {
    expect(crc32(strToU8('123456789'))).toBe(0xcbf43926);
    expect(crc32(new Uint8Array(0))).toBe(0);
    const data = Uint8Array.from({ length: 1000 }, (_, k) => (k * 131) & 0xff);
    for (const cut of [0, 1, 7, 8, 9, 500, 999]) {
      expect(crc32(data.subarray(cut), crc32(data.subarray(0, cut)))).toBe(crc32(data));
    }
  });

  it('agrees with a bytewise reference on every length up to 40', () => {
    const reference = (bytes: Uint8Array) => {
      let crc = 0xffffffff;
      for (const byte of bytes) {
        crc ^= byte;
        for (let k = 0; k < 8; k++) crc = crc & 1 ? (crc >>> 1) ^ 0xedb88320 : crc >>> 1;
      }
      return (crc ^ 0xffffffff) >>> 0;
    };
    for (let length = 0; length <= 40; length++) {
      const bytes = Uint8Array.from({ length }, (_, k) => (k * 37 + length * 11) & 0xff);
      expect(crc32(bytes)).toBe(reference(bytes));
    }
  });
});

describe('readZip', () => {
  it('reads stored and deflated entries written by fflate', () => {
    const text = 'hello '.repeat(1000);
    const archive = readZip(
      zipSync({ 'a.txt': strToU8(text), 'b.bin': [new Uint8Array([1, 2, 3]), { level: 0 }] }),
    );
    expect(new TextDecoder().decode(archive.read('a.txt'))).toBe(text);
    expect([...archive.read('b.bin')]).toEqual([1, 2, 3]);
    expect(archive.entries.get('a.txt')!.method).toBe(8);
    expect(archive.entries.get('b.bin')!.method).toBe(0);
  });

  it('refuses a header claiming more than 2 GiB before inflating anything', () => {
    const bytes = zipSync({ 'project.json': strToU8('{}') });
    const { view, central } = layout(bytes);
    view.setUint32(central + 24, 0xfffffff0, true); // declared uncompressed size ≈ 4 GiB
    expect(kindOf(() => readZip(bytes))).toBe('too-large');
  });

  it('refuses a header claiming more than 100 000 entries', () => {
    const bytes = zipSync({ 'project.json': strToU8('{}') });
    const { view, end } = layout(bytes);
    view.setUint16(end + 10, 0xfffe, true);
    view.setUint16(end + 8, 0xfffe, true);
    expect(kindOf(() => readZip(bytes, { maxEntries: 1000, maxTotalBytes: 2 ** 31 }))).toBe(
      'too-large',
    );
    // With the default limit the count is allowed but the directory is far too small for it.
    expect(kindOf(() => readZip(bytes))).toBe('corrupt');
  });

  it('a real zip bomb: refused by the total cap, or caught by its checksum when its size lies', () => {
    const zeros = new Uint8Array(8 * 1024 * 1024);
    const bomb = zipSync({ 'project.json': zeros });
    expect(bomb.length).toBeLessThan(40_000);
    expect(kindOf(() => readZip(bomb, { maxEntries: 10, maxTotalBytes: 1024 * 1024 }))).toBe(
      'too-large',
    );
    const { view, central } = layout(bomb);
    view.setUint32(central + 24, 1000, true); // claims 1000 bytes: inflation stops there
    expect(kindOf(() => readZip(bomb).read('project.json'))).toBe('corrupt');
  });

  it('a damaged byte in the data is caught by the CRC', () => {
    const bytes = zipSync({
      'x.bin': [Uint8Array.from({ length: 64 }, (_, k) => k), { level: 0 }],
    });
    bytes[40] ^= 0xff;
    expect(kindOf(() => readZip(bytes).read('x.bin'))).toBe('corrupt');
  });

  it('refuses encrypted entries, unknown methods and duplicate names', () => {
    const bytes = zipSync({ 'a.txt': strToU8('a') });
    const { view, central } = layout(bytes);
    const encrypted = bytes.slice();
    new DataView(encrypted.buffer).setUint16(central + 8, 1, true);
    expect(kindOf(() => readZip(encrypted))).toBe('corrupt');
    const bzip = bytes.slice();
    new DataView(bzip.buffer).setUint16(central + 10, 12, true);
    expect(kindOf(() => readZip(bzip))).toBe('corrupt');
    expect(view.getUint16(central + 10, true)).toBe(8);
  });

  it('tells a text file from a cut-short zip', () => {
    expect(kindOf(() => readZip(strToU8('not a zip at all, just words')))).toBe('not-a-zip');
    expect(kindOf(() => readZip(new Uint8Array(0)))).toBe('not-a-zip');
    const bytes = zipSync({ 'a.txt': strToU8('a') });
    expect(kindOf(() => readZip(bytes.subarray(0, bytes.length - 10)))).toBe('corrupt');
  });
});
