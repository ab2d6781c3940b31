// The contract between the renderer and whichever host runs it (Electron main, the web host,
// or an in-memory fake). Every host implements HostApi; the renderer knows nothing else. Every
// call crosses as one envelope (envelope.ts); files cross as handles (files.ts).
import type {
  CheckpointDiffRequest,
  CheckpointDiffResult,
  CheckpointRun,
  CheckpointRunRequest,
  WeightReportFile,
} from './checkpoints';
import type { JobName, JobRequest, JobResult } from './jobs';
import type {
  BackupRequest,
  BackupSummary,
  BeginUploadRequest,
  DenseMatrixData,
  ExternalChangeStatus,
  FileHandle,
  HandleInfo,
  ImportMatrixRequest,
  ImportedMatrix,
  KeepMatrixRequest,
  OpenedProjectResult,
  PickFilesRequest,
  ReadMatrixRequest,
  RecentProject,
  ResolvedPath,
  ResolvePathRequest,
  RestoredBackup,
  SaveProjectRequest,
  SavedProjectResult,
  UploadChunkRequest,
} from './files';
import type { HostLimits } from './limits';

export interface ProgressEvent {
  /** In [0, 1]. */
  fraction: number;
  message?: string;
  /**
   * A piece of the result finished before the whole: analyzeCheckpoint sends the report lines
   * written since (a CheckpointRunProgress), diffCheckpoints each finished layer. The final
   * result still holds every piece.
   */
  partial?: unknown;
}

export interface ComputeOptions {
  /** Names the job so that cancel(jobId) can stop it; the client makes one up when absent. */
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
  /** The web host's root folder: every path typed in the page resolves inside it. */
  root?: string;
  limits: HostLimits;
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

  /** A native open/save/folder dialog; null when the person cancels. 'Unsupported' without one. */
  pickFiles(request: PickFilesRequest): Promise<HandleInfo[] | null>;
  /** The web host's path prompt: a typed path resolved inside the root. 'Unsupported' elsewhere. */
  resolvePath(request: ResolvePathRequest): Promise<ResolvedPath>;
  /** Files given on the command line (`rankscope open a.csv`), each offered once. */
  launchFiles(): Promise<HandleInfo[]>;
  /** Example files shipped with the app (a tiny weight file for the Lab). */
  exampleFiles(): Promise<HandleInfo[]>;
  /** The files inside a folder handle (a sharded checkpoint's folder), each as its own handle. */
  listFolder(folder: FileHandle): Promise<HandleInfo[]>;

  /** Starts sending a file that exists only in the page; the host writes it to a temporary file. */
  beginUpload(request: BeginUploadRequest): Promise<{ uploadId: string }>;
  uploadChunk(request: UploadChunkRequest): Promise<{ received: number }>;
  finishUpload(uploadId: string): Promise<HandleInfo>;
  cancelUpload(uploadId: string): Promise<void>;

  openProject(file: FileHandle): Promise<OpenedProjectResult>;
  /** Atomic save; rejects 'ExternalChange' when another program changed the file since. */
  saveProject(request: SaveProjectRequest): Promise<SavedProjectResult>;
  checkExternalChange(file: FileHandle): Promise<ExternalChangeStatus>;
  recentProjects(): Promise<RecentProject[]>;
  /** Backs up unsaved changes a second after the last call (debounced in the host). */
  writeBackup(request: BackupRequest): Promise<void>;
  clearBackup(sessionId: string): Promise<void>;
  /** Backups left by a run that did not end cleanly, offered at launch (damaged ones say so). */
  listBackups(): Promise<BackupSummary[]>;
  restoreBackup(id: string): Promise<RestoredBackup>;
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
  /**
   * A checkpoint read from disk where it lies (never through the page): quick and/or full passes
   * over its matrices on the host's workers, largest first; each progress event's `partial` is a
   * CheckpointRunProgress (new report lines, tensors done, bytes read, time left).
   */
  analyzeCheckpoint(
    request: CheckpointRunRequest,
    options?: ComputeOptions,
  ): Promise<CheckpointRun>;
  /**
   * A base and its fine-tune, layer by layer (ΔW's spectrum, its rank by each policy, the LoRA rank
   * for 90/95/99 % of its energy); each finished layer arrives as a CheckpointDiffProgress.
   */
  diffCheckpoints(
    request: CheckpointDiffRequest,
    options?: ComputeOptions,
  ): Promise<CheckpointDiffResult>;
  /** A saved weight report (JSON Lines) the person chose, as text. */
  readWeightReport(file: FileHandle): Promise<WeightReportFile>;

  /** Commands from a native menu (Electron); returns the function that stops listening. */
  onMenuCommand?(listener: (command: string) => void): () => void;
  /** Electron: handles for files dropped on the window (read from the drop, never from the page). */
  droppedFiles?(files: readonly File[]): Promise<HandleInfo[]>;
}
