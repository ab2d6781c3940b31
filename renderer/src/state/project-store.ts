// The project store: the ProjectDocument, the selected matrix, and undo/redo history.
// Every document change goes through produceWithPatches, so history holds small deltas
// (immer patches) rather than whole copies; a burst of edits to one cell merges into one step.
import { applyPatches, enablePatches, produceWithPatches, type Draft, type Patch } from 'immer';
import { createStore, type StoreApi } from 'zustand/vanilla';
import { hasDecimal, type DecimalReading } from '../../../core/exact/decimal-reading';
import { densePath } from '../../../core/project/container';
import { largestEditorSize, smallestEditorSize } from '../../../core/project/limits';
import type { MatrixDocument, ProjectDocument } from '../../../core/project/schema';

enablePatches();

/** Edits to the same cell closer together than this become one undo step. */
export const mergeWindowMilliseconds = 1000;
const historyLimit = 500;

export interface HistoryEntry {
  label: string;
  patches: Patch[];
  inversePatches: Patch[];
  /** Edits with the same key inside the merge window join this entry. */
  mergeKey?: string;
  time: number;
}

export interface ProjectState {
  document: ProjectDocument;
  selectedMatrixId: string | null;
  past: HistoryEntry[];
  future: HistoryEntry[];
  selectMatrix(id: string): void;
  editCell(matrixId: string, row: number, column: number, text: string): void;
  addRow(matrixId: string): void;
  removeRow(matrixId: string): void;
  addColumn(matrixId: string): void;
  removeColumn(matrixId: string): void;
  renameMatrix(matrixId: string, name: string): void;
  /** Adds a 3×3 zero matrix named "New matrix" (numbered when taken), selects it, returns its id. */
  addMatrix(): string;
  /**
   * Adds an imported or pasted matrix (exact strings), selects it, returns its id. Its decimals
   * are data someone computed, so they are read as floating numbers until the person says not.
   */
  addImportedMatrix(name: string, entries: string[][], note?: string): string;
  /** How the matrix's decimals are read: exactly as written, or as floating data. */
  setDecimalReading(matrixId: string, reading: DecimalReading): void;
  /**
   * Adds a matrix too large for the editor, whose numbers the host keeps under `matrixId` (the
   * id it must have, so saving finds them): no entries, a dense reference. Selects it.
   */
  addDenseMatrix(matrixId: string, name: string, rows: number, cols: number, note?: string): string;
  /**
   * Adds whole matrices (a worksheet's exercises) as one undo step and selects the first. Their
   * ids and names must be free (core/lecture/worksheet-matrices.ts picks free ones).
   */
  addMatrices(matrices: readonly MatrixDocument[], label: string): void;
  deleteMatrix(matrixId: string): void;
  /**
   * Changes one view's settings (document.views[viewId]) with undo: the recipe mutates the settings
   * object in place (an empty object when there were none); the view validates its own shape.
   */
  updateViewSettings(
    viewId: string,
    recipe: (settings: Record<string, unknown>) => void,
    label?: string,
  ): void;
  undo(): void;
  redo(): void;
  /** Replaces the whole document (open a file); clears history. */
  loadDocument(document: ProjectDocument): void;
}

export type ProjectStore = StoreApi<ProjectState>;

interface ChangeOptions {
  label: string;
  mergeKey?: string;
  /** Injected clock for tests. */
  now?: number;
}

function findMatrix(document: Draft<ProjectDocument>, id: string): Draft<MatrixDocument> {
  const matrix = document.matrices.find((candidate) => candidate.id === id);
  if (!matrix) throw new Error(`No matrix with id "${id}".`);
  return matrix;
}

/** The matrix whose cells may change: a dense one is read-only (its numbers live in a blob). */
function findEditableMatrix(
  document: Draft<ProjectDocument>,
  id: string,
): Draft<MatrixDocument> | null {
  const matrix = findMatrix(document, id);
  return matrix.dense ? null : matrix;
}

function uniqueName(document: ProjectDocument, base: string): string {
  const taken = new Set(document.matrices.map((matrix) => matrix.name));
  if (!taken.has(base)) return base;
  for (let k = 2; ; k++) if (!taken.has(`${base} ${k}`)) return `${base} ${k}`;
}

function uniqueId(document: ProjectDocument): string {
  const taken = new Set(document.matrices.map((matrix) => matrix.id));
  for (let k = document.matrices.length + 1; ; k++) {
    const id = `matrix-${k}`;
    if (!taken.has(id)) return id;
  }
}

/** Keeps the selection pointing at a matrix that exists, preferring the current one. */
function validSelection(document: ProjectDocument, wanted: string | null): string | null {
  if (wanted && document.matrices.some((matrix) => matrix.id === wanted)) return wanted;
  return document.matrices[0]?.id ?? null;
}

export function createProjectStore(
  initial: ProjectDocument,
  clock: () => number = () => Date.now(),
): ProjectStore {
  return createStore<ProjectState>()((set, get) => {
    /** Applies one recipe to the document and records it for undo; returns false if nothing changed. */
    function change(
      recipe: (draft: Draft<ProjectDocument>) => void,
      options: ChangeOptions,
    ): boolean {
      const state = get();
      const [next, patches, inversePatches] = produceWithPatches(state.document, recipe);
      if (patches.length === 0) return false;
      const time = options.now ?? clock();
      const last = state.past[state.past.length - 1];
      let past: HistoryEntry[];
      if (
        options.mergeKey !== undefined &&
        last?.mergeKey === options.mergeKey &&
        time - last.time <= mergeWindowMilliseconds
      ) {
        // Undoing the merged step must undo the newest change first, then the older ones.
        const merged: HistoryEntry = {
          ...last,
          patches: [...last.patches, ...patches],
          inversePatches: [...inversePatches, ...last.inversePatches],
          time,
        };
        past = [...state.past.slice(0, -1), merged];
      } else {
        const entry: HistoryEntry = { label: options.label, patches, inversePatches, time };
        if (options.mergeKey !== undefined) entry.mergeKey = options.mergeKey;
        past = [...state.past, entry].slice(-historyLimit);
      }
      set({
        document: next,
        past,
        future: [],
        selectedMatrixId: validSelection(next, state.selectedMatrixId),
      });
      return true;
    }

    return {
      document: initial,
      selectedMatrixId: validSelection(initial, initial.selectedMatrixId ?? null),
      past: [],
      future: [],

      selectMatrix(id) {
        if (get().document.matrices.some((matrix) => matrix.id === id)) {
          set({ selectedMatrixId: id });
        }
      },

      editCell(matrixId, row, column, text) {
        change(
          (draft) => {
            const matrix = findEditableMatrix(draft, matrixId);
            if (!matrix) throw new RangeError('A matrix kept as numbers is read-only.');
            if (row < 0 || row >= matrix.entries.length) throw new RangeError(`No row ${row + 1}.`);
            if (column < 0 || column >= matrix.entries[row].length) {
              throw new RangeError(`No column ${column + 1}.`);
            }
            if (matrix.entries[row][column] !== text) matrix.entries[row][column] = text;
          },
          { label: 'Edit cell', mergeKey: `cell:${matrixId}:${row}:${column}` },
        );
      },

      addRow(matrixId) {
        change(
          (draft) => {
            const matrix = findEditableMatrix(draft, matrixId);
            if (!matrix) return;
            const columns = matrix.entries[0]?.length ?? 1;
            if (matrix.entries.length >= largestEditorSize) return;
            matrix.entries.push(Array.from({ length: columns }, () => '0'));
            if (matrix.rightHandSide) matrix.rightHandSide.push('0');
          },
          { label: 'Add row' },
        );
      },

      removeRow(matrixId) {
        change(
          (draft) => {
            const matrix = findEditableMatrix(draft, matrixId);
            if (!matrix || matrix.entries.length <= smallestEditorSize) return;
            matrix.entries.pop();
            if (matrix.rightHandSide) matrix.rightHandSide.pop();
          },
          { label: 'Remove row' },
        );
      },

      addColumn(matrixId) {
        change(
          (draft) => {
            const matrix = findEditableMatrix(draft, matrixId);
            if (!matrix || (matrix.entries[0]?.length ?? 0) >= largestEditorSize) return;
            if (matrix.entries.length === 0) matrix.entries.push([]);
            for (const entryRow of matrix.entries) entryRow.push('0');
          },
          { label: 'Add column' },
        );
      },

      removeColumn(matrixId) {
        change(
          (draft) => {
            const matrix = findEditableMatrix(draft, matrixId);
            if (!matrix || (matrix.entries[0]?.length ?? 0) <= smallestEditorSize) return;
            for (const entryRow of matrix.entries) entryRow.pop();
          },
          { label: 'Remove column' },
        );
      },

      renameMatrix(matrixId, name) {
        const trimmed = name.trim().slice(0, 200);
        if (trimmed === '') return;
        change(
          (draft) => {
            const matrix = findMatrix(draft, matrixId);
            if (matrix.name !== trimmed) matrix.name = trimmed;
          },
          { label: 'Rename matrix' },
        );
      },

      addMatrix() {
        const document = get().document;
        const id = uniqueId(document);
        const name = uniqueName(document, 'New matrix');
        change(
          (draft) => {
            draft.matrices.push({
              id,
              name,
              entries: Array.from({ length: 3 }, () => ['0', '0', '0']),
            });
          },
          { label: 'Add matrix' },
        );
        set({ selectedMatrixId: id });
        return id;
      },

      addImportedMatrix(name, entries, note) {
        const document = get().document;
        const id = uniqueId(document);
        const uniqueTitle = uniqueName(document, name.trim().slice(0, 200) || 'Imported matrix');
        change(
          (draft) => {
            draft.matrices.push({
              id,
              name: uniqueTitle,
              entries,
              ...(note ? { note } : {}),
              ...(entries.some((row) => row.some(hasDecimal)) ? { decimals: 'floating' } : {}),
            });
          },
          { label: 'Import matrix' },
        );
        set({ selectedMatrixId: id });
        return id;
      },

      addMatrices(matrices, label) {
        if (matrices.length === 0) return;
        const document = get().document;
        const ids = new Set(document.matrices.map((matrix) => matrix.id));
        const names = new Set(document.matrices.map((matrix) => matrix.name));
        for (const matrix of matrices) {
          if (ids.has(matrix.id) || names.has(matrix.name))
            throw new Error(`The project already holds a matrix named "${matrix.name}".`);
          ids.add(matrix.id);
          names.add(matrix.name);
        }
        change(
          (draft) => {
            draft.matrices.push(...matrices.map((matrix) => structuredClone(matrix)));
          },
          { label },
        );
        set({ selectedMatrixId: matrices[0].id });
      },

      setDecimalReading(matrixId, reading) {
        change(
          (draft) => {
            const matrix = findMatrix(draft, matrixId);
            if (matrix.decimals !== reading) matrix.decimals = reading;
          },
          { label: reading === 'exact' ? 'Read decimals as written' : 'Read decimals as floating' },
        );
      },

      addDenseMatrix(matrixId, name, rows, cols, note) {
        const document = get().document;
        if (document.matrices.some((matrix) => matrix.id === matrixId)) {
          throw new Error(`The project already holds a matrix with id "${matrixId}".`);
        }
        const uniqueTitle = uniqueName(document, name.trim().slice(0, 200) || 'Imported matrix');
        change(
          (draft) => {
            draft.matrices.push({
              id: matrixId,
              name: uniqueTitle,
              entries: [],
              ...(note ? { note } : {}),
              dense: { path: densePath(matrixId), rows, cols, dtype: 'float64' },
            });
          },
          { label: 'Import matrix' },
        );
        set({ selectedMatrixId: matrixId });
        return matrixId;
      },

      deleteMatrix(matrixId) {
        const before = get().document.matrices.findIndex((matrix) => matrix.id === matrixId);
        if (before < 0) return;
        const wasSelected = get().selectedMatrixId === matrixId;
        change(
          (draft) => {
            draft.matrices.splice(before, 1);
          },
          { label: 'Delete matrix' },
        );
        if (wasSelected) {
          const matrices = get().document.matrices;
          // Select the neighbour that took its place, or the one before it.
          const neighbour = matrices[Math.min(before, matrices.length - 1)];
          set({ selectedMatrixId: neighbour?.id ?? null });
        }
      },

      updateViewSettings(viewId, recipe, label = 'Change view settings') {
        change(
          (draft) => {
            const current = draft.views[viewId];
            if (typeof current !== 'object' || current === null || Array.isArray(current)) {
              draft.views[viewId] = {};
            }
            recipe(draft.views[viewId] as Record<string, unknown>);
          },
          { label },
        );
      },

      undo() {
        const state = get();
        const entry = state.past[state.past.length - 1];
        if (!entry) return;
        const document = applyPatches(state.document, entry.inversePatches);
        set({
          document,
          past: state.past.slice(0, -1),
          future: [entry, ...state.future],
          selectedMatrixId: validSelection(document, state.selectedMatrixId),
        });
      },

      redo() {
        const state = get();
        const entry = state.future[0];
        if (!entry) return;
        const document = applyPatches(state.document, entry.patches);
        // A redone step never merges with the next edit.
        const redone: HistoryEntry = { ...entry, mergeKey: undefined };
        set({
          document,
          past: [...state.past, redone],
          future: state.future.slice(1),
          selectedMatrixId: validSelection(document, state.selectedMatrixId),
        });
      },

      loadDocument(document) {
        set({
          document,
          past: [],
          future: [],
          selectedMatrixId: validSelection(document, document.selectedMatrixId ?? null),
        });
      },
    };
  });
}

/** The matrix the selection points at, if any. */
export function selectedMatrix(state: ProjectState): MatrixDocument | null {
  return state.document.matrices.find((matrix) => matrix.id === state.selectedMatrixId) ?? null;
}
