// The weight table's state, kept outside the view so that it survives the view being remounted
// (the workbench remounts views when the selected matrix changes) and a stream in flight keeps
// reporting into it.
import { create } from 'zustand';
import type {
  WeightFilesRequest,
  WeightTable,
  WeightTableRow,
} from '../../../../core/protocol/files';

export type WeightFileEntry = WeightFilesRequest['files'][number];
import type { SortState } from './weight-table';

export type WeightPolicyKind = 'default' | 'gap' | 'noise';

export interface WeightsState {
  table: WeightTable | null;
  /** The files the table came from, for the CSV's name. */
  sourceNames: string[];
  /** The files themselves (paths, or the bytes the page picked), to import one tensor later. */
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
  notice: null,
}));

export function rowKey(row: { file: string; name: string }): string {
  return `${row.file}\u0000${row.name}`;
}
