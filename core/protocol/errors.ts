// Errors cross threads and processes as plain data { name, message, detail } and become
// HostError again on the other side, so the renderer can tell a cancel from a bad request.
export interface SerializedError {
  name: string;
  message: string;
  detail?: unknown;
}

export class HostError extends Error {
  readonly detail?: unknown;
  constructor(serialized: SerializedError) {
    super(serialized.message);
    this.name = serialized.name;
    this.detail = serialized.detail;
  }
}

export function serializeError(error: unknown): SerializedError {
  if (error instanceof Error) {
    const detail = (error as { detail?: unknown }).detail;
    const located = pickLocation(error);
    return { name: error.name, message: error.message, detail: detail ?? located };
  }
  return { name: 'Error', message: String(error) };
}

/** Format and entry errors carry where the problem is; keep those fields when they cross. */
function pickLocation(error: Error): Record<string, unknown> | undefined {
  const keys = ['file', 'line', 'column', 'byteOffset', 'row', 'col'] as const;
  const record = error as unknown as Record<string, unknown>;
  const found: Record<string, unknown> = {};
  let any = false;
  for (const key of keys) {
    const value = record[key];
    if (typeof value === 'number' || typeof value === 'string') {
      found[key] = value;
      any = true;
    }
  }
  return any ? found : undefined;
}

export function isCancelled(error: unknown): boolean {
  return error instanceof Error && (error.name === 'CancelledError' || error.name === 'AbortError');
}
