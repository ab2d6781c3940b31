// Errors cross threads and processes as plain data { name, message, detail }: serialized once
// where they are thrown (serializeError) and revived once where they are awaited (reviveError),
// so the page can tell a cancel from a bad request on every transport.
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

/** An error with a name a caller can act on ('InvalidRequest', 'NotAHandle', …). */
export function hostError(name: string, message: string, detail?: unknown): HostError {
  return new HostError({ name, message, detail });
}

export function serializeError(error: unknown): SerializedError {
  if (error instanceof Error) {
    const detail = (error as { detail?: unknown }).detail;
    const located = pickLocation(error);
    const serialized: SerializedError = { name: error.name, message: error.message };
    const kept = detail ?? located;
    if (kept !== undefined) serialized.detail = kept;
    return serialized;
  }
  return { name: 'Error', message: String(error) };
}

/** The HostError a serialized error stands for; anything else becomes a plain named error. */
export function reviveError(value: unknown): HostError {
  const record = (value ?? {}) as Partial<Record<keyof SerializedError, unknown>>;
  return new HostError({
    name: typeof record.name === 'string' && record.name !== '' ? record.name : 'Error',
    message: typeof record.message === 'string' ? record.message : 'The host reported an error.',
    ...(record.detail === undefined ? {} : { detail: record.detail }),
  });
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
