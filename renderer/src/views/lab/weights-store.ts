// The weight table's state, kept outside the view so that it survives the view being remounted
// (the workbench remounts views when the selected matrix changes) and a stream in flight keeps
// reporting into it.
import { create } from 'zustand';
import type { HandleInfo, WeightTable, WeightTableRow } from '../../../../core/protocol/files';

/** A weight file as the page holds it: the host's handle and its name, never a path or bytes. */
export type WeightFileEntry = HandleInfo;
import type { SortState } from './weight-table';

export type WeightPolicyKind = 'default' | 'gap' | 'noise';

export interface WeightsState {
  table: WeightTable | null;
  /** The files the table came from, for the CSV's name. */
  sourceNames: string[];
  /** The files' handles, to import one tensor later. */
  sources: WeightFileEntry[];
  policy: WeightPolicyKind;
  sort: SortState | null;
  filter: string;
  /** `${file}\u0000${name}` of the row whose spectrum shows. */
  selected: string | null;
  running: {
    jobId: string;
    fraction: number;
    message: string;
    /** The files being analysed and their names, for the streamed rows' imports. */
    sources: WeightFileEntry[];
    sourceNames: string[];
  } | null;
  /** Rows of the running analysis, as the host finishes them; the final table replaces them. */
  streamed: WeightTableRow[];
  error: string | null;
  /** Files being sent to the host before the analysis (a browser's file input): progress, cancel. */
  sending: { fileName: string; fraction: number; controller: AbortController } | null;
  /** What "Add to project" did (kept here: adding selects the matrix, which remounts the view). */
  notice: { text: string; error: boolean } | null;
}

export const useWeightsStore = create<WeightsState>(() => ({
  table: null,
  sourceNames: [],
  sources: [],
  policy: 'default',
  sort: null,
  filter: '',
  selected: null,
  running: null,
  streamed: [],
  error: null,
  sending: null,
  notice: null,
}));

export function rowKey(row: { file: string; name: string }): string {
  return `${row.file}\u0000${row.name}`;
}
