// Random access to the bytes of a file, so the host can hand a parser a file on disk and the
// parser reads only what it needs (a safetensors header, then one tensor at a time).

export interface ByteSource {
  size: number;
  read(offset: number, length: number): Uint8Array | Promise<Uint8Array>;
}

/** A ByteSource over bytes already in memory. */
export function bytesSource(bytes: Uint8Array): ByteSource {
  return {
    size: bytes.length,
    read: (offset, length) => bytes.subarray(offset, offset + length),
  };
}
