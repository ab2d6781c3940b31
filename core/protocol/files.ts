// The file side of the contract: projects, backups, recent files, matrix imports and weight
// files. Paths are chosen by the person (native dialogs in Electron, an in-app prompt in the web
// host); the host reads and writes, so large matrices never have to cross into the page.
import { z } from 'zod';
import type { WeightRow } from '../jobs/weight-analysis';
import { projectSchema, type ProjectDocument } from '../project/schema';
import { largestKeptEntries } from '../project/limits';

export const filePurposeSchema = z.enum(['project', 'matrix', 'weights', 'export']);
export type FilePurpose = z.infer<typeof filePurposeSchema>;

const pathSchema = z.string().min(1).max(4096);

export const pickPathRequestSchema = z.object({
  mode: z.enum(['open', 'save']),
  purpose: filePurposeSchema,
  suggestedName: z.string().max(255).optional(),
  multiple: z.boolean().optional(),
});
export type PickPathRequest = z.infer<typeof pickPathRequestSchema>;

export interface OpenedProjectResult {
  path: string;
  fileName: string;
  document: ProjectDocument;
  /** The version the file was written in (migrated on load when older). */
  fileVersion: number;
}

export const saveProjectRequestSchema = z.object({
  path: pathSchema,
  document: projectSchema,
  /** Save even though another program changed the file since we read it. */
  overwriteExternalChanges: z.boolean().optional(),
  /** For Save As: the file the document's large matrices come from. */
  blobsFrom: pathSchema.optional(),
});
export type SaveProjectRequest = z.infer<typeof saveProjectRequestSchema>;

export interface SavedProjectResult {
  path: string;
  fileName: string;
  document: ProjectDocument;
}

export type ExternalChangeStatus = 'unchanged' | 'unknown' | 'deleted' | 'modified';

export const backupRequestSchema = z.object({
  sessionId: z.string().regex(/^[A-Za-z0-9_-]{1,100}$/),
  document: projectSchema,
  path: pathSchema.optional(),
});
export type BackupRequest = z.infer<typeof backupRequestSchema>;

export interface BackupSummary {
  id: string;
  title: string;
  path?: string;
  savedAt: number;
}

export interface RecentProject {
  path: string;
  fileName: string;
  openedAt: number;
}

export const importMatrixRequestSchema = z.union([
  z.object({ path: pathSchema, tensor: z.string().max(1000).optional() }),
  z.object({
    fileName: z.string().min(1).max(255),
    bytes: z.instanceof(Uint8Array),
    tensor: z.string().max(1000).optional(),
  }),
]);
export type ImportMatrixRequest = z.infer<typeof importMatrixRequestSchema>;

export interface ImportedMatrix {
  fileName: string;
  rows: number;
  cols: number;
  /** Exact strings, ready for the editor; empty when the matrix is too large to edit (`dense`). */
  cells: string[][];
  /** What the importer did that a person should know (reshaping, symmetric fill, dtype). */
  notes: string[];
  /**
   * A matrix larger than the editor holds: its numbers stay with the host, under `matrixId`,
   * which the new project matrix must take as its id (its `dense` reference is saved as a blob
   * in the project file). The page reads the numbers with `readMatrix` when a view needs them.
   */
  dense?: { matrixId: string };
}

export const readMatrixRequestSchema = z.object({
  matrixId: z.string().min(1).max(64),
  /** The project file the document was opened from or saved to, if any. */
  path: pathSchema.optional(),
});
export type ReadMatrixRequest = z.infer<typeof readMatrixRequestSchema>;

/**
 * Numbers the page has and the host must keep for a dense project matrix: a pasted matrix larger
 * than the editor, or the dense matrices of a project file the page decoded itself (dropped on
 * the window), which keep their ids.
 */
export const keepMatrixRequestSchema = z
  .object({
    matrixId: z.string().min(1).max(64).optional(),
    rows: z.number().int().min(0),
    cols: z.number().int().min(0),
    data: z.instanceof(Float64Array),
  })
  .refine((request) => request.rows * request.cols <= largestKeptEntries, {
    message: `a kept matrix holds at most ${largestKeptEntries} numbers`,
  })
  .refine((request) => request.data.length === request.rows * request.cols, {
    message: 'data must hold rows·cols numbers',
  });
export type KeepMatrixRequest = z.infer<typeof keepMatrixRequestSchema>;

/** A dense matrix's numbers, column-major. */
export interface DenseMatrixData {
  rows: number;
  cols: number;
  data: Float64Array;
}

export const weightFilesRequestSchema = z.object({
  files: z
    .array(
      z.union([
        z.object({ path: pathSchema }),
        z.object({ fileName: z.string().min(1).max(255), bytes: z.instanceof(Uint8Array) }),
      ]),
    )
    .min(1)
    .max(100),
  tensors: z.array(z.string().max(1000)).max(10_000).optional(),
  policy: z
    .discriminatedUnion('kind', [
      z.object({ kind: z.literal('default') }),
      z.object({ kind: z.literal('gap') }),
      z.object({ kind: z.literal('noise') }),
      z.object({ kind: z.literal('absolute'), tolerance: z.number().nonnegative() }),
      z.object({ kind: z.literal('relative'), tolerance: z.number().nonnegative() }),
    ])
    .default({ kind: 'default' }),
  jobId: z.string().min(1).max(128).optional(),
});
export type WeightFilesRequest = z.input<typeof weightFilesRequestSchema>;

/** One row of the Lab's table: a weight matrix's rank facts, and the file it came from. */
export type WeightTableRow = WeightRow & { file: string };

export interface WeightTable {
  rows: WeightTableRow[];
  /** Tensors that were not matrices (biases, norms), per file. */
  skipped: string[];
  /** Tensors that could not be analysed, with the reason. */
  failed: { file: string; name: string; message: string }[];
}
