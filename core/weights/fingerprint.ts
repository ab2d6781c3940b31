// A checkpoint's fingerprint: what identifies it across machines and runs without reading it whole —
// its table (names, dtypes, shapes, byte sizes) and three 64-byte samples of every tensor's data
// (start, middle, end), so a fine-tune of the same architecture differs. Hashed with CRC-32 and
// FNV-1a side by side (64 bits; identity, not security). Cost O(tensors) small reads.
import { readExactly } from '../formats/byte-reading';
import { crc32 } from '../formats/crc32';
import type { Checkpoint, CheckpointFiles } from './checkpoint';

const sampleBytes = 64;

export async function fingerprintCheckpoint(
  checkpoint: Checkpoint,
  files: CheckpointFiles,
): Promise<string> {
  const encoder = new TextEncoder();
  let first = 0;
  let second = 0x811c9dc5;
  const add = (bytes: Uint8Array) => {
    first = crc32(bytes, first);
    for (let k = 0; k < bytes.length; k++) second = Math.imul(second ^ bytes[k], 0x01000193);
  };
  add(encoder.encode(checkpoint.format));
  const sources = new Map<string, ReturnType<CheckpointFiles['open']>>();
  for (const tensor of checkpoint.tensors) {
    const { data } = tensor;
    add(encoder.encode(JSON.stringify([tensor.name, tensor.dtype, data.shape, data.byteLength])));
    if (data.byteLength === 0) continue;
    let source = sources.get(data.file);
    if (!source) {
      source = files.open(data.file);
      sources.set(data.file, source);
    }
    const opened = await source;
    const length = Math.min(sampleBytes, data.byteLength);
    const middle = Math.floor((data.byteLength - length) / 2);
    for (const offset of new Set([0, middle, data.byteLength - length])) {
      add(await readExactly(opened, data.byteOffset + offset, length, data.file));
    }
  }
  const hex = (value: number) => (value >>> 0).toString(16).padStart(8, '0');
  return hex(first) + hex(second);
}
