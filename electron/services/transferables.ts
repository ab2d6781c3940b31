// Finds the ArrayBuffers inside a message so they are moved between threads, not copied.
// Shared buffers are left alone: structured clone already shares them.
export function collectTransferables(
  value: unknown,
  found = new Set<ArrayBuffer>(),
  depth = 0,
): ArrayBuffer[] {
  if (depth > 6 || value === null || typeof value !== 'object') return [...found];
  if (ArrayBuffer.isView(value)) {
    const buffer = value.buffer;
    if (buffer instanceof ArrayBuffer && buffer.byteLength === value.byteLength) found.add(buffer);
    return [...found];
  }
  const items = Array.isArray(value) ? value : Object.values(value as Record<string, unknown>);
  if (items.length > 10_000) return [...found];
  for (const item of items) collectTransferables(item, found, depth + 1);
  return [...found];
}
