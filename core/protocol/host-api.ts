// The contract between the renderer and whichever host runs it (Electron main, the web host,
// or an in-memory fake). Every host implements HostApi; the renderer knows nothing else.
import type { JobName, JobRequest, JobResult } from './jobs';
import type {
  BackupRequest,
  BackupSummary,
  ExternalChangeStatus,
  ImportMatrixRequest,
  ReadMatrixRequest,
  KeepMatrixRequest,
  DenseMatrixData,
  ImportedMatrix,
  OpenedProjectResult,
  PickPathRequest,
  RecentProject,
  SaveProjectRequest,
  SavedProjectResult,
  WeightFilesRequest,
  WeightTable,
} from './files';

export interface ProgressEvent {
  /** In [0, 1]. */
  fraction: number;
  message?: string;
  /**
   * A piece of the result finished before the whole: analyzeWeights sends each table row
   * (a WeightTableRow) as soon as it is computed. The final result still holds every piece.
   */
  partial?: unknown;
}

export interface ComputeOptions {
  /** Names the job so that cancel(jobId) can stop it; the host makes one up when absent. */
  jobId?: string;
  onProgress?: (event: ProgressEvent) => void;
}

export interface HostInfo {
  app: 'Rankscope';
  version: string;
  host: 'electron' | 'web' | 'memory';
  /** Runtime versions: node, electron, chrome, v8 — whatever the host has. */
  versions: Record<string, string>;
  cores: number;
  workers: number;
  /** Electron has native file dialogs; the web host asks for paths in the page instead. */
  nativeDialogs: boolean;
  /** The person's home folder, for suggesting where to save (web host prompts). */
  homeFolder: string;
}

export interface HostApi {
  info(): Promise<HostInfo>;
  /** Runs a job from the catalog on the host's compute pool; rejects with a HostError. */
  compute<K extends JobName>(
    job: K,
    request: JobRequest<K>,
    options?: ComputeOptions,
  ): Promise<JobResult<K>>;
  /** Cancels a running or queued job; its compute() promise rejects with name 'CancelledError'. */
  cancel(jobId: string): Promise<void>;

  /** A native open/save dialog; null when the person cancels. Rejects 'Unsupported' without one. */
  pickPath(request: PickPathRequest): Promise<string[] | null>;
  openProject(path: string): Promise<OpenedProjectResult>;
  /** Atomic save; rejects 'ExternalChange' when another program changed the file since. */
  saveProject(request: SaveProjectRequest): Promise<SavedProjectResult>;
  checkExternalChange(path: string): Promise<ExternalChangeStatus>;
  recentProjects(): Promise<RecentProject[]>;
  /** Backs up unsaved changes a second after the last call (debounced in the host). */
  writeBackup(request: BackupRequest): Promise<void>;
  clearBackup(sessionId: string): Promise<void>;
  /** Backups left by a run that did not end cleanly, offered at launch. */
  listBackups(): Promise<BackupSummary[]>;
  restoreBackup(
    id: string,
  ): Promise<{ summary: BackupSummary; document: OpenedProjectResult['document'] }>;
  discardBackup(id: string): Promise<void>;
  /**
   * Reads a matrix file (CSV, TSV, text, .mtx, .npy, safetensors) into exact editor strings, or,
   * when it is larger than the editor, keeps its numbers in the host as a dense matrix.
   */
  importMatrix(request: ImportMatrixRequest): Promise<ImportedMatrix>;
  /** The numbers of a dense project matrix (imported this run, or read from the project file). */
  readMatrix(request: ReadMatrixRequest): Promise<DenseMatrixData>;
  /** Keeps numbers the page holds as a dense matrix (under their id, or a fresh one it returns). */
  keepMatrix(request: KeepMatrixRequest): Promise<{ matrixId: string }>;
  /** The Lab's table: every 2-D (or reshaped) tensor of the files, streamed one at a time. */
  analyzeWeights(request: WeightFilesRequest, options?: ComputeOptions): Promise<WeightTable>;
  /** Commands from a native menu (Electron); hosts without one leave it out. */
  onMenuCommand?(listener: (command: string) => void): void;
}
