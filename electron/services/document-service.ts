// The file half of HostApi, shared by Electron and the web host: projects (atomic save, external
// changes), backups of unsaved work, recent files, matrix imports (those larger than the editor
// kept here as numbers, see dense-matrices.ts), and the Lab's weight table, which streams one
// tensor at a time from disk to the compute pool.
import { readFile, stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { ByteSource } from '../../core/formats/byte-source';
import { bytesSource } from '../../core/formats/byte-source';
import { FormatError } from '../../core/formats/format-error';
import { loadMatrixFile } from '../../core/formats/load';
import { parseNpy } from '../../core/formats/npy';
import { readSafetensorsIndex, readTensor } from '../../core/formats/safetensors';
import type { WeightDescription, WeightRow } from '../../core/jobs/weight-analysis';
import type { Matrix } from '../../core/linalg/matrix';
import type { ProjectDocument } from '../../core/project/schema';
import { HostError } from '../../core/protocol/errors';
import {
  backupRequestSchema,
  importMatrixRequestSchema,
  keepMatrixRequestSchema,
  readMatrixRequestSchema,
  saveProjectRequestSchema,
  weightFilesRequestSchema,
  type BackupSummary,
  type DenseMatrixData,
  type ImportedMatrix,
  type OpenedProjectResult,
  type RecentProject,
  type SavedProjectResult,
  type WeightTable,
} from '../../core/protocol/files';
import type { ProgressEvent } from '../../core/protocol/host-api';
import { BackupStore } from './backup-store';
import type { ComputePool } from './compute-pool';
import { compactMatrix, DenseMatrixStore, numbersFromCells } from './dense-matrix-store';
import { openFileByteSource } from './file-byte-source';
import { ExternalChangeError, ProjectFileStore } from './project-file-store';
import { RecentFiles } from './recent-files';
import { largestEditorSize, largestKeptEntries } from '../../core/project/limits';

/** Files read whole (projects, text matrices) are capped before reading. */
const maxReadBytes = 1024 ** 3;

function invalid(message: string): HostError {
  return new HostError({ name: 'InvalidRequest', message });
}

function parse<T>(
  schema: {
    safeParse(
      value: unknown,
    ):
      | { success: true; data: T }
      | { success: false; error: { issues: { path: PropertyKey[]; message: string }[] } };
  },
  value: unknown,
  what: string,
): T {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  throw invalid(
    `The ${what} request is invalid${issue?.path.length ? ` at ${issue.path.join('.')}` : ''}: ${issue?.message}.`,
  );
}

function requirePath(value: unknown): string {
  if (typeof value !== 'string' || value.length === 0 || value.length > 4096)
    throw invalid('A file path is required.');
  return path.resolve(value.startsWith('~') ? path.join(os.homedir(), value.slice(1)) : value);
}

function formatNumber(value: number): string {
  // Shortest text that reads back as the same double, so an import loses nothing.
  return Object.is(value, -0) ? '0' : String(value);
}

export class DocumentService {
  readonly projects = new ProjectFileStore();
  readonly backups: BackupStore;
  readonly recent: RecentFiles;
  /** Large matrices imported (or restored from a backup) in this run, by matrix id. */
  readonly dense = new DenseMatrixStore();

  constructor(
    private readonly pool: ComputePool,
    dataFolder: string,
  ) {
    this.backups = new BackupStore(dataFolder);
    this.recent = new RecentFiles(dataFolder);
  }

  start(): Promise<void> {
    return this.backups.start();
  }

  /** A clean quit: this run's backups go (the person was asked about unsaved work). */
  end(): Promise<void> {
    return this.backups.end();
  }

  async openProject(value: unknown): Promise<OpenedProjectResult> {
    const file = requirePath(value);
    const opened = await this.projects.open(file);
    await this.recent.add(opened.path);
    return {
      path: opened.path,
      fileName: path.basename(opened.path),
      document: opened.document,
      fileVersion: opened.fileVersion,
    };
  }

  async saveProject(value: unknown): Promise<SavedProjectResult> {
    const request = parse(saveProjectRequestSchema, value, 'save');
    const target = requirePath(request.path);
    try {
      // Numbers imported this run come from here; those of an opened file from the store.
      const saved = await this.projects.save(
        target,
        request.document,
        this.dense.of(request.document),
        {
          overwriteExternalChanges: request.overwriteExternalChanges,
          blobsFrom: request.blobsFrom ? requirePath(request.blobsFrom) : undefined,
        },
      );
      await this.recent.add(saved.path);
      return { path: saved.path, fileName: path.basename(saved.path), document: saved.document };
    } catch (error) {
      if (error instanceof ExternalChangeError) {
        throw new HostError({
          name: 'ExternalChange',
          message: `${path.basename(target)} was changed by another program since it was opened.`,
        });
      }
      throw error;
    }
  }

  async checkExternalChange(value: unknown): Promise<string> {
    return (await this.projects.checkExternalChange(requirePath(value))).status;
  }

  async recentProjects(): Promise<RecentProject[]> {
    return (await this.recent.listExisting()).map((file) => ({
      ...file,
      fileName: path.basename(file.path),
    }));
  }

  writeBackup(value: unknown): void {
    const request = parse(backupRequestSchema, value, 'backup');
    this.backups.scheduleBackup(
      request.sessionId,
      request.document,
      { path: request.path },
      this.dense.of(request.document),
    );
  }

  clearBackup(value: unknown): Promise<void> {
    if (typeof value !== 'string') throw invalid('A session id is required.');
    return this.backups.clear(value);
  }

  listBackups(): Promise<BackupSummary[]> {
    return this.backups.listRecoverable();
  }

  async restoreBackup(value: unknown) {
    if (typeof value !== 'string') throw invalid('A backup id is required.');
    const { document, dense, ...summary } = await this.backups.restore(value);
    for (const [matrixId, matrix] of dense) this.dense.put(matrixId, matrix);
    await this.readDenseFromFile(document, summary.path);
    return { summary, document };
  }

  /**
   * Dense matrices a restored document names but its backup did not hold came from its project
   * file (they were opened, not imported): read that file, so they can be shown and saved again.
   */
  private async readDenseFromFile(document: ProjectDocument, file: string | undefined) {
    const missing = document.matrices.filter(
      (matrix) => matrix.dense && !this.dense.get(matrix.id),
    );
    if (missing.length === 0 || !file) return;
    if (missing.every((matrix) => this.projects.blobsOf(file).has(matrix.id))) return;
    try {
      await this.projects.open(file);
    } catch {
      // Gone or unreadable: reading those matrices then says their numbers are missing.
    }
  }

  discardBackup(value: unknown): Promise<void> {
    if (typeof value !== 'string') throw invalid('A backup id is required.');
    return this.backups.discard(value);
  }

  /** The numbers of a dense matrix: imported (or restored) this run, else from its project file. */
  readMatrix(value: unknown): DenseMatrixData {
    const request = parse(readMatrixRequestSchema, value, 'read matrix');
    const file = request.path === undefined ? undefined : requirePath(request.path);
    const matrix =
      this.dense.get(request.matrixId) ??
      (file === undefined ? undefined : this.projects.blobsOf(file).get(request.matrixId));
    if (!matrix) {
      throw new HostError({
        name: 'MissingMatrix',
        message: `The numbers of the matrix "${request.matrixId}" are not available: it was not imported in this run${
          file === undefined
            ? ''
            : ` and ${path.basename(file)} (as opened or saved) does not hold it`
        }.`,
      });
    }
    // Compact, so a transport copies this matrix's numbers, not the whole file they were read with.
    const { rows, cols, data } = compactMatrix(matrix);
    return { rows, cols, data };
  }

  /** Keeps numbers the page holds (a large paste, a project it decoded) as a dense matrix. */
  keepMatrix(value: unknown): { matrixId: string } {
    const { matrixId, rows, cols, data } = parse(keepMatrixRequestSchema, value, 'keep matrix');
    const matrix = compactMatrix({ rows, cols, data });
    if (matrixId === undefined) return { matrixId: this.dense.add(matrix) };
    this.dense.put(matrixId, matrix);
    return { matrixId };
  }

  async importMatrix(value: unknown): Promise<ImportedMatrix> {
    const request = parse(importMatrixRequestSchema, value, 'import');
    let fileName: string;
    let bytes: Uint8Array;
    if ('path' in request) {
      const file = requirePath(request.path);
      fileName = path.basename(file);
      const size = (await stat(file)).size;
      if (size > maxReadBytes)
        throw new FormatError(
          `the file is ${size} bytes, more than the ${maxReadBytes}-byte limit for imports`,
          { file: fileName },
        );
      bytes = new Uint8Array(await readFile(file));
    } else {
      fileName = request.fileName;
      bytes = request.bytes;
    }
    const loaded = loadMatrixFile(fileName, bytes, {
      tensor: request.tensor,
      maxEntries: largestKeptEntries,
    });
    const notes: string[] = [];
    let rows: number;
    let cols: number;
    if (loaded.kind === 'text') {
      rows = loaded.text.rows;
      cols = rows === 0 ? 0 : loaded.text.cols;
      if (loaded.text.header)
        notes.push(`The first row was read as a header: ${loaded.text.header.join(', ')}.`);
    } else {
      ({ rows, cols } = loaded.matrix);
      if (loaded.note) notes.push(loaded.note);
      notes.push(`Read as ${loaded.dtype}, shape ${loaded.originalShape.join('×')}.`);
    }
    // The editor keeps small matrices as strings; larger imports are kept in the host as numbers.
    if (rows > largestEditorSize || cols > largestEditorSize) {
      // The only copy of the numbers the host keeps; the text cells are dropped with this call.
      const matrix =
        loaded.kind === 'text' ? numbersFromCells(loaded.text.cells, fileName) : loaded.matrix;
      const matrixId = this.dense.add(matrix);
      // The editor says itself that such a matrix is kept as numbers and read-only.
      return { fileName, rows, cols, cells: [], notes, dense: { matrixId } };
    }
    const cells =
      loaded.kind === 'text'
        ? loaded.text.cells
        : Array.from({ length: rows }, (_, i) =>
            Array.from({ length: cols }, (_, j) => formatNumber(loaded.matrix.data[i + j * rows])),
          );
    return { fileName, rows, cols, cells, notes };
  }

  /** Streams every matrix-shaped tensor of the files through the pool, one at a time. */
  async analyzeWeights(
    value: unknown,
    onProgress?: (event: ProgressEvent) => void,
    signal?: AbortSignal,
  ): Promise<WeightTable> {
    const request = parse(weightFilesRequestSchema, value, 'weight analysis');
    const table: WeightTable = { rows: [], skipped: [], failed: [] };
    const sources: { fileName: string; source: ByteSource & { close?: () => Promise<void> } }[] =
      [];
    try {
      for (const file of request.files) {
        if ('path' in file) {
          const resolved = requirePath(file.path);
          sources.push({
            fileName: path.basename(resolved),
            source: await openFileByteSource(resolved),
          });
        } else {
          sources.push({ fileName: file.fileName, source: bytesSource(file.bytes) });
        }
      }
      // List first, so progress can count every tensor of every file.
      const work: {
        fileName: string;
        /** `transposed`: the matrix holds the weight's transpose (same singular values, no copy). */
        load: () => Promise<{
          matrix: Matrix;
          description: WeightDescription;
          transposed: boolean;
        }>;
      }[] = [];
      for (const { fileName, source } of sources) {
        if (path.extname(fileName).toLowerCase() === '.safetensors') {
          const entries = await readSafetensorsIndex(source, fileName);
          for (const entry of entries) {
            if (request.tensors && !request.tensors.includes(entry.name)) continue;
            if (!request.tensors && entry.shape.length < 2) {
              table.skipped.push(`${fileName}: ${entry.name}`);
              continue;
            }
            work.push({
              fileName,
              load: async () => {
                const tensor = await readTensor(source, entry, {
                  fileName,
                  maxEntries: 2 ** 28,
                  layout: 'spectrum',
                });
                return {
                  matrix: tensor.matrix,
                  transposed: tensor.transposed ?? false,
                  description: {
                    name: entry.name,
                    shape: entry.shape,
                    dtype: entry.dtype,
                    reshaped: tensor.reshapedFrom,
                  },
                };
              },
            });
          }
        } else {
          work.push({
            fileName,
            load: async () => {
              const bytes = await source.read(0, source.size);
              if (/\.npy$/i.test(fileName)) {
                // Decoded straight into the SVD's workspace (as a safetensors tensor is).
                const npy = parseNpy(bytes, {
                  file: fileName,
                  maxEntries: 2 ** 28,
                  layout: 'spectrum',
                });
                return {
                  matrix: npy.matrix,
                  transposed: npy.transposed ?? false,
                  description: {
                    name: fileName,
                    shape: npy.originalShape,
                    dtype: npy.dtype,
                    reshaped: npy.note,
                  },
                };
              }
              const loaded = loadMatrixFile(fileName, bytes, { maxEntries: 2 ** 28 });
              if (loaded.kind === 'text')
                throw new FormatError('text files are analysed in the editor, not the Lab', {
                  file: fileName,
                });
              return {
                matrix: loaded.matrix,
                transposed: false,
                description: {
                  name: fileName,
                  shape: loaded.originalShape,
                  dtype: loaded.dtype,
                  reshaped: loaded.note,
                },
              };
            },
          });
        }
      }
      for (let index = 0; index < work.length; index++) {
        if (signal?.aborted)
          throw new HostError({ name: 'CancelledError', message: 'The job was cancelled.' });
        const item = work[index];
        let name = item.fileName;
        try {
          const { matrix, description, transposed } = await item.load();
          name = description.name;
          onProgress?.({
            fraction: index / work.length,
            message: `${index + 1} of ${work.length}: ${description.name}`,
          });
          const row = (await this.pool.run(
            'weightAnalysis',
            { matrix, description, policy: request.policy, transposed },
            {
              signal,
              onProgress: (event) =>
                onProgress?.({
                  fraction: (index + event.fraction) / work.length,
                  message: `${index + 1} of ${work.length}: ${description.name}`,
                }),
            },
          )) as WeightRow;
          const finished: WeightTable['rows'][number] = { ...row, file: item.fileName };
          table.rows.push(finished);
          onProgress?.({
            fraction: (index + 1) / work.length,
            message: `${index + 1} of ${work.length}: ${description.name}`,
            partial: finished,
          });
        } catch (error) {
          const failure = error as Error;
          if (failure.name === 'CancelledError') throw error;
          table.failed.push({ file: item.fileName, name, message: failure.message });
        }
      }
      onProgress?.({ fraction: 1, message: `${table.rows.length} matrices analysed` });
      return table;
    } finally {
      for (const { source } of sources) await source.close?.();
    }
  }
}
