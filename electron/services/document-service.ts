// The file half of HostApi, shared by Electron and the web host: projects (atomic save, external
// changes), backups of unsaved work, recent files, matrix imports (those larger than the editor
// kept here as numbers, see dense-matrices.ts). Checkpoints are checkpoint-service.ts's. It takes
// host paths: the handlers resolve the
// page's handles (file-handles.ts) before calling it, so nothing here trusts the page with a path.
// Every read is measured against the memory budget before it allocates.
import path from 'node:path';
import { FormatError } from '../../core/formats/format-error';
import { loadMatrixFile } from '../../core/formats/load';
import { checkBudget, type Budget } from '../../core/jobs/budget';
import type { ProjectDocument } from '../../core/project/schema';
import { HostError } from '../../core/protocol/errors';
import type { DenseMatrixData, ImportedMatrix, KeepMatrixRequest } from '../../core/protocol/files';
import { BackupStore, type RecoverableBackup } from './backup-store';
import type { ComputePool } from './compute-pool';
import { compactMatrix, DenseMatrixStore, numbersFromCells } from './dense-matrix-store';
import { ExternalChangeError, ProjectFileStore } from './project-file-store';
import { largestEditorSize, largestKeptEntries } from '../../core/project/limits';
import { RecentFiles } from './recent-files';
import { openRegularFile } from './regular-file';

/** Files read whole (projects, text matrices) are capped before reading. */
const maxReadBytes = 1024 ** 3;
/**
 * Peak memory of a text import per byte of file: the bytes, the decoded text (UTF-16) and the
 * cells' strings and arrays. Measured on CSVs of decimals; generous for short numbers.
 */
const textImportBytesPerFileByte = 12;

/** A file the handlers resolved: where it is, and the name the page knows it by. */
export interface ChosenFile {
  path: string;
  name: string;
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
    private readonly budget: Budget = { memoryBytes: 2 * 1024 ** 3, seconds: 900 },
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

  /** Refuses a read whose peak memory would pass the budget, before anything is allocated. */
  private checkRead(what: string, bytes: number): void {
    checkBudget(what, { bytes, flops: 0 }, this.budget);
  }

  async openProject(file: string) {
    const { size } = await regularFileSize(file);
    // The file's bytes, and the blobs viewed in place: about twice its size at the peak.
    this.checkRead(`Opening ${path.basename(file)}`, 2 * size);
    const opened = await this.projects.open(file);
    await this.recent.add(opened.path);
    return { path: opened.path, document: opened.document, fileVersion: opened.fileVersion };
  }

  /** Whether the file was opened or saved in this run (saving over it then needs no question). */
  knows(file: string): boolean {
    return this.projects.diskState(file) !== undefined;
  }

  async saveProject(
    file: string,
    request: { document: ProjectDocument; overwriteExternalChanges?: boolean; blobsFrom?: string },
  ): Promise<{ path: string; document: ProjectDocument }> {
    try {
      // Numbers imported this run come from here; those of an opened file from the store.
      const saved = await this.projects.save(
        file,
        request.document,
        this.dense.of(request.document),
        {
          overwriteExternalChanges: request.overwriteExternalChanges,
          blobsFrom: request.blobsFrom,
        },
      );
      await this.recent.add(saved.path);
      return { path: saved.path, document: saved.document };
    } catch (error) {
      if (error instanceof ExternalChangeError) {
        throw new HostError({
          name: 'ExternalChange',
          message: `${path.basename(file)} was changed by another program since it was opened.`,
        });
      }
      throw error;
    }
  }

  async checkExternalChange(file: string): Promise<string> {
    return (await this.projects.checkExternalChange(file)).status;
  }

  /** The recent projects that still exist, most recent first (host paths). */
  recentProjects() {
    return this.recent.listExisting();
  }

  writeBackup(sessionId: string, document: ProjectDocument, projectPath?: string): void {
    this.backups.scheduleBackup(
      sessionId,
      document,
      { path: projectPath },
      this.dense.of(document),
    );
  }

  clearBackup(sessionId: string): Promise<void> {
    return this.backups.clear(sessionId);
  }

  listBackups(): Promise<RecoverableBackup[]> {
    return this.backups.listRecoverable();
  }

  async restoreBackup(id: string) {
    const { document, dense, losses, ...summary } = await this.backups.restore(id);
    for (const [matrixId, matrix] of dense) this.dense.put(matrixId, matrix);
    await this.readDenseFromFile(document, summary.path);
    return { summary, document, losses };
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

  discardBackup(id: string): Promise<void> {
    return this.backups.discard(id);
  }

  /** The numbers of a dense matrix: imported (or restored) this run, else from its project file. */
  readMatrix(matrixId: string, projectFile?: string): DenseMatrixData {
    const matrix =
      this.dense.get(matrixId) ??
      (projectFile === undefined ? undefined : this.projects.blobsOf(projectFile).get(matrixId));
    if (!matrix) {
      throw new HostError({
        name: 'MissingMatrix',
        message: `The numbers of the matrix "${matrixId}" are not available: it was not imported in this run${
          projectFile === undefined
            ? ''
            : ` and ${path.basename(projectFile)} (as opened or saved) does not hold it`
        }.`,
      });
    }
    // Compact, so a transport copies this matrix's numbers, not the whole file they were read with.
    const { rows, cols, data } = compactMatrix(matrix);
    return { rows, cols, data };
  }

  /** Keeps numbers the page holds (a large paste, a project it decoded) as a dense matrix. */
  keepMatrix({
    matrixId,
    rows,
    cols,
    data,
  }: Omit<KeepMatrixRequest, 'data'> & { data: Float64Array }): { matrixId: string } {
    const matrix = compactMatrix({ rows, cols, data });
    if (matrixId === undefined) return { matrixId: this.dense.add(matrix) };
    this.dense.put(matrixId, matrix);
    return { matrixId };
  }

  async importMatrix(file: ChosenFile, tensor?: string): Promise<ImportedMatrix> {
    const fileName = file.name;
    const bytes = await this.readWhole(file, (size) =>
      /\.(npy|safetensors)$/i.test(fileName) ? 2 * size : textImportBytesPerFileByte * size,
    );
    const loaded = loadMatrixFile(fileName, bytes, { tensor, maxEntries: largestKeptEntries });
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

  /** A whole regular file, after checking its size and its reader's peak memory. */
  private async readWhole(file: ChosenFile, peak: (size: number) => number): Promise<Uint8Array> {
    const { handle, size } = await openRegularFile(file.path);
    try {
      if (size > maxReadBytes)
        throw new FormatError(
          `the file is ${size} bytes, more than the ${maxReadBytes}-byte limit for imports`,
          { file: file.name },
        );
      this.checkRead(`Reading ${file.name}`, peak(size));
      const bytes = new Uint8Array(size);
      let done = 0;
      while (done < size) {
        const { bytesRead } = await handle.read(bytes, done, size - done, done);
        if (bytesRead === 0) break;
        done += bytesRead;
      }
      return bytes.subarray(0, done);
    } finally {
      await handle.close();
    }
  }
}

async function regularFileSize(file: string): Promise<{ size: number }> {
  const { handle, size } = await openRegularFile(file);
  await handle.close();
  return { size };
}
