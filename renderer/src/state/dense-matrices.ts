// The numbers of the project's dense matrices (those larger than the editor), read from the host
// once per matrix and kept here, outside the immer project store: freezing and patching megabytes
// of Float64Array on every edit would be waste, and a dense matrix is read-only, so its id names
// its numbers for good. Views subscribe; numbers of a matrix that left the project are dropped.
import type { DenseMatrixData, ReadMatrixRequest } from '../../../core/protocol/files';
import type { RequestMatrix } from './matrix-from-cells';

export type DenseEntry =
  | { status: 'loading' }
  | { status: 'ready'; matrix: RequestMatrix }
  /** `path` is the project file handle the failed read was given, so another file tries again. */
  | { status: 'error'; error: string; path: string | null };

export type MatrixReader = (request: ReadMatrixRequest) => Promise<DenseMatrixData>;

export interface ExpectedSize {
  rows: number;
  cols: number;
}

/** The job schemas take Float64Array over a plain ArrayBuffer of exactly rows × cols numbers. */
function ownedMatrix(data: DenseMatrixData, expected: ExpectedSize): RequestMatrix {
  if (data.rows !== expected.rows || data.cols !== expected.cols) {
    throw new Error(
      `the host sent a ${data.rows}×${data.cols} matrix where the project says ${expected.rows}×${expected.cols}`,
    );
  }
  if (data.data.length !== data.rows * data.cols) {
    throw new Error(
      `the host sent ${data.data.length} numbers for a ${data.rows}×${data.cols} matrix`,
    );
  }
  const plain =
    data.data.buffer instanceof ArrayBuffer &&
    data.data.byteOffset === 0 &&
    data.data.byteLength === data.data.buffer.byteLength;
  return {
    rows: data.rows,
    cols: data.cols,
    data: plain ? (data.data as Float64Array<ArrayBuffer>) : new Float64Array(data.data),
  };
}

export class DenseMatrixCache {
  /** Replaced, never changed in place, so a subscriber can tell by identity that something moved. */
  private entries: ReadonlyMap<string, DenseEntry> = new Map();
  private readonly listeners = new Set<() => void>();

  get(matrixId: string): DenseEntry | undefined {
    return this.entries.get(matrixId);
  }

  /** Every entry as it is now; a new map after any change. */
  snapshot = (): ReadonlyMap<string, DenseEntry> => this.entries;

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  /**
   * Reads a matrix's numbers unless they are here or on their way. A failed read is tried again
   * only with another project path (the file it failed for will not have changed its mind).
   */
  load(read: MatrixReader, matrixId: string, path: string | null, expected: ExpectedSize): void {
    const current = this.entries.get(matrixId);
    if (current && (current.status !== 'error' || current.path === path)) return;
    const loading: DenseEntry = { status: 'loading' };
    this.set(matrixId, loading);
    let reading: Promise<DenseMatrixData>;
    try {
      reading = read(path ? { matrixId, project: path } : { matrixId });
    } catch (error) {
      reading = Promise.reject(error);
    }
    reading
      .then((data) => ownedMatrix(data, expected))
      .then(
        (matrix) => {
          // Dropped (the matrix left the project) or replaced while the numbers were on their way.
          if (this.entries.get(matrixId) === loading)
            this.set(matrixId, { status: 'ready', matrix });
        },
        (error: unknown) => {
          if (this.entries.get(matrixId) !== loading) return;
          const message = error instanceof Error ? error.message : String(error);
          this.set(matrixId, { status: 'error', error: message, path });
        },
      );
  }

  /** Numbers already at hand (a project decoded in the page). */
  seed(matrixId: string, matrix: RequestMatrix): void {
    this.set(matrixId, { status: 'ready', matrix });
  }

  /** Drops the numbers of every matrix not in `matrixIds`. */
  keepOnly(matrixIds: ReadonlySet<string>): void {
    const kept = new Map([...this.entries].filter(([id]) => matrixIds.has(id)));
    if (kept.size !== this.entries.size) this.replace(kept);
  }

  private set(matrixId: string, entry: DenseEntry): void {
    this.replace(new Map(this.entries).set(matrixId, entry));
  }

  private replace(entries: ReadonlyMap<string, DenseEntry>): void {
    this.entries = entries;
    for (const listener of this.listeners) listener();
  }
}

/** The page's one cache: every view of a dense matrix shares its numbers. */
export const denseMatrices = new DenseMatrixCache();
