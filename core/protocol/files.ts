// The file side of the contract: projects, backups, recent files, matrix imports and weight
// files. The page never names a path: a file or folder a person chose (a native dialog, the web
// host's path prompt, drag and drop, the recent list, a command-line argument, a bundled example)
// becomes an opaque handle, issued by the host to one window or connection, and every file method
// takes handles. The host reads and writes, so large matrices never have to cross into the page.
import { z } from 'zod';
import { projectSchema, type ProjectDocument } from '../project/schema';
import { largestKeptEntries } from '../project/limits';

/**
 * A file handle as the page holds it: an opaque string. Its shape is checked by the host, which
 * refuses a path with a sentence saying so (file-handles.ts), not by a regex here.
 */
export const fileHandleSchema = z.string().min(1).max(256);
export type FileHandle = string;

/** What the page may know of a file a person chose. */
export interface HandleInfo {
  handle: FileHandle;
  /** The file's own name ("lecture.rankscope"): all the page shows in Electron. */
  name: string;
  kind: 'file' | 'folder';
  /** Bytes, for a file that exists. */
  size?: number;
  /** Web host: the path relative to its root folder (which the person typed); else absent. */
  shownPath?: string;
}

export const filePurposeSchema = z.enum(['project', 'matrix', 'weights', 'report', 'export']);
export type FilePurpose = z.infer<typeof filePurposeSchema>;

/** A native dialog (Electron): open one or more files, a folder, or choose where to save. */
export const pickFilesRequestSchema = z.object({
  mode: z.enum(['open', 'save', 'folder']),
  purpose: filePurposeSchema,
  /** A file name only (no folders): the dialog's suggestion for a save. */
  suggestedName: z.string().max(255).optional(),
  multiple: z.boolean().optional(),
});
export type PickFilesRequest = z.infer<typeof pickFilesRequestSchema>;

/** The web host's path prompt: a path the person typed, resolved inside the host's root. */
export const resolvePathRequestSchema = z.object({
  path: z.string().min(1).max(4096),
  mode: z.enum(['open', 'save', 'folder']),
  purpose: filePurposeSchema,
});
export type ResolvePathRequest = z.infer<typeof resolvePathRequestSchema>;

export interface ResolvedPath {
  file: HandleInfo;
  /**
   * Save mode: the file exists and was not opened or saved in this run, so saving replaces it.
   * The page asks the person first; the handle serves that one save.
   */
  overwrites: boolean;
  /** Save mode: folders that do not exist yet and are created inside the root on saving. */
  createsFolders: string[];
}

/** A file that exists only in the page (dropped from another machine), sent in chunks. */
export const beginUploadRequestSchema = z.object({
  fileName: z.string().min(1).max(255),
  size: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER),
});
export type BeginUploadRequest = z.infer<typeof beginUploadRequestSchema>;

export const uploadChunkRequestSchema = z.object({
  uploadId: z.string().min(1).max(64),
  offset: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER),
  bytes: z.instanceof(Uint8Array),
});
export type UploadChunkRequest = z.infer<typeof uploadChunkRequestSchema>;

export interface OpenedProjectResult {
  file: HandleInfo;
  document: ProjectDocument;
  /** The version the file was written in (migrated on load when older). */
  fileVersion: number;
}

export const saveProjectRequestSchema = z.object({
  file: fileHandleSchema,
  document: projectSchema,
  /** Save even though another program changed the file since we read it. */
  overwriteExternalChanges: z.boolean().optional(),
  /** For Save As: the project the document's large matrices come from. */
  blobsFrom: fileHandleSchema.optional(),
});
export type SaveProjectRequest = z.input<typeof saveProjectRequestSchema>;

export interface SavedProjectResult {
  file: HandleInfo;
  document: ProjectDocument;
}

export type ExternalChangeStatus = 'unchanged' | 'unknown' | 'deleted' | 'modified';

export const backupRequestSchema = z.object({
  sessionId: z.string().regex(/^[A-Za-z0-9_-]{1,100}$/),
  document: projectSchema,
  /** The project file the document belongs to, when it has one. */
  project: fileHandleSchema.optional(),
});
export type BackupRequest = z.input<typeof backupRequestSchema>;

export interface BackupSummary {
  id: string;
  title: string;
  /** The name of the project file it belongs to, when it had one. */
  fileName?: string;
  savedAt: number;
  /**
   * Present when the backup is damaged: what is wrong with it and what can still be recovered,
   * in sentences ("The backup is cut short … its title and 2 of its 3 matrices can be recovered").
   */
  problem?: string;
  /** False when nothing at all can be recovered (it can only be discarded). */
  recoverable: boolean;
}

export interface RestoredBackup {
  summary: BackupSummary;
  document: ProjectDocument;
  /** The project file it belongs to, when that still exists (and, web host, is inside the root). */
  file?: HandleInfo;
  /** What could not be recovered, one sentence each. */
  losses: string[];
}

export interface RecentProject {
  file: HandleInfo;
  openedAt: number;
}

export const importMatrixRequestSchema = z.object({
  file: fileHandleSchema,
  tensor: z.string().max(1000).optional(),
});
export type ImportMatrixRequest = z.input<typeof importMatrixRequestSchema>;

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
  project: fileHandleSchema.optional(),
});
export type ReadMatrixRequest = z.input<typeof readMatrixRequestSchema>;

/**
 * Numbers the page has and the host must keep for a dense project matrix: a pasted matrix larger
 * than the editor, or the dense matrices of a project file the page decoded itself (dropped on
 * the window), which keep their ids. Each dimension is checked, not only their product (a
 * 2^40 × 0 matrix is refused).
 */
export const keepMatrixRequestSchema = z
  .object({
    matrixId: z.string().min(1).max(64).optional(),
    rows: z.number().int().min(0).max(largestKeptEntries),
    cols: z.number().int().min(0).max(largestKeptEntries),
    data: z.instanceof(Float64Array),
  })
  .refine((request) => request.rows * request.cols <= largestKeptEntries, {
    message: `a kept matrix holds at most ${largestKeptEntries} numbers`,
  })
  .refine((request) => request.data.length === request.rows * request.cols, {
    message: 'data must hold rows·cols numbers',
  });
export type KeepMatrixRequest = z.input<typeof keepMatrixRequestSchema>;

/** A dense matrix's numbers, column-major. */
export interface DenseMatrixData {
  rows: number;
  cols: number;
  data: Float64Array;
}
