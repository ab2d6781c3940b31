// The numbers of a project matrix as the jobs take them (dense, column-major): parsed from the
// editor's cells for a small matrix, read once from the host for a dense one (kept as numbers,
// larger than the editor) and shared through the page's cache. Loading and errors are states.
import { useEffect, useMemo, useSyncExternalStore } from 'react';
import type { MatrixDocument } from '../../../core/project/schema';
import { useHost, useProject, useProjectPath } from './app-context';
import { matrixFromCells, type RequestMatrix } from './matrix-from-cells';
import { denseMatrices, type DenseEntry } from './dense-matrices';
import { matrixSize } from './matrix-size';

export interface NumericMatrix {
  id: string;
  name: string;
  rows: number;
  cols: number;
  /** Kept as numbers: read-only, larger than the editor, read from the host. */
  dense: boolean;
  matrix: RequestMatrix | null;
  /** Why there are no numbers: a cell that is not a number, or a read that failed. */
  error: string | null;
  /** The numbers of a dense matrix are on their way. */
  loading: boolean;
}

/** A project matrix with its numbers as far as they are known: the cells parsed, or the cache entry. */
export function numericMatrixOf(
  document: MatrixDocument,
  entry: DenseEntry | undefined,
): NumericMatrix {
  const { rows, cols } = matrixSize(document);
  const base = { id: document.id, name: document.name, rows, cols };
  if (!document.dense) {
    const parsed = matrixFromCells(document.entries);
    return { ...base, dense: false, matrix: parsed.matrix, error: parsed.error, loading: false };
  }
  if (entry?.status === 'ready')
    return { ...base, dense: true, matrix: entry.matrix, error: null, loading: false };
  if (entry?.status === 'error') {
    return {
      ...base,
      dense: true,
      matrix: null,
      error: `The numbers of this ${rows}×${cols} matrix could not be read: ${entry.error}`,
      loading: false,
    };
  }
  return { ...base, dense: true, matrix: null, error: null, loading: true };
}

/** Starts reading the numbers of the given dense matrices (each once per page). */
function useDenseLoads(documents: readonly MatrixDocument[]): void {
  const { host } = useHost();
  const path = useProjectPath();
  useEffect(() => {
    const read = host.readMatrix.bind(host);
    for (const document of documents) {
      if (document.dense) denseMatrices.load(read, document.id, path, document.dense);
    }
  }, [host, path, documents]);
}

/** The matrix with this id as numbers, or null when the project no longer holds it. */
export function useNumericMatrix(matrixId: string): NumericMatrix | null {
  const document = useProject((state) =>
    state.document.matrices.find((matrix) => matrix.id === matrixId),
  );
  const wanted = useMemo(() => (document ? [document] : []), [document]);
  useDenseLoads(wanted);
  const entry = useSyncExternalStore(denseMatrices.subscribe, () =>
    document?.dense ? denseMatrices.get(document.id) : undefined,
  );
  return useMemo(() => (document ? numericMatrixOf(document, entry) : null), [document, entry]);
}

/**
 * Every project matrix as numbers, for pickers. Small ones are parsed; of the dense ones only
 * those named in `needed` (the ones chosen) are read, so a list never pulls every large matrix.
 */
export function useNumericMatrices(needed: readonly string[] = []): NumericMatrix[] {
  const documents = useProject((state) => state.document.matrices);
  const neededKey = needed.join('\n');
  const wanted = useMemo(() => {
    const ids = new Set(neededKey.split('\n'));
    return documents.filter((document) => document.dense && ids.has(document.id));
  }, [documents, neededKey]);
  useDenseLoads(wanted);
  const entries = useSyncExternalStore(denseMatrices.subscribe, denseMatrices.snapshot);
  // Parsing the small ones again only when the documents change, not when a dense read lands.
  const parsed = useMemo(
    () => documents.map((document) => numericMatrixOf(document, undefined)),
    [documents],
  );
  return useMemo(
    () =>
      parsed.map((numeric, index) =>
        numeric.dense ? numericMatrixOf(documents[index], entries.get(numeric.id)) : numeric,
      ),
    [parsed, documents, entries],
  );
}
