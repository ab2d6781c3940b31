// Backups of unsaved changes, so a crash loses at most a second of work (VS Code's hot exit,
// Excalidraw's debounced autosave). Each run of the app holds a lock file with its pid; a backup
// is written a second after the last change, removed on save, and offered at the next launch
// when the run that wrote it did not end cleanly (its lock remains and its process is gone).
// Matrices larger than the editor, whose numbers only the host holds, are written once each as
// .npy files beside the session's backup (they never change), so a crash cannot lose them either.
import { randomUUID } from 'node:crypto';
import { mkdir, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { parseNpy, writeNpy } from '../../core/formats/npy';
import type { Matrix } from '../../core/linalg/matrix';
import { npyHeader } from '../../core/project/container';
import { repairTruncatedJson, salvageDocument } from '../../core/project/salvage';
import type { ProjectDocument } from '../../core/project/schema';
import { isProcessAlive, writeFileAtomic } from './atomic-write';

export interface BackupMetadata {
  /** The project file the document belongs to, if it was ever saved. */
  path?: string;
}

export interface RecoverableBackup {
  /** The session id the backup was written under; pass it to restore or discard. */
  id: string;
  title: string;
  path?: string;
  /** When the backup was written (ms since the epoch). */
  savedAt: number;
  /** A damaged backup: what is wrong and what can still be recovered, in sentences. */
  problem?: string;
  /** False when nothing can be recovered (it can only be discarded). */
  recoverable: boolean;
}

export interface RestoredBackup extends RecoverableBackup {
  document: ProjectDocument;
  /** The numbers of the document's dense matrices that were backed up, by matrix id. */
  dense: Map<string, Matrix>;
  /** What could not be recovered, one sentence each. */
  losses: string[];
}

/** A backup file as read: whole, or damaged with what could be salvaged from it. */
interface ReadBackup {
  sessionId: string;
  runId?: string;
  savedAt: number;
  path?: string;
  dense: string[];
  /** The salvaged document (null: nothing could be recovered). */
  document: ProjectDocument | null;
  losses: string[];
  /** Set for a damaged file: why, in a sentence. */
  damage?: string;
}

export interface BackupStoreOptions {
  /** Delay after the last change before writing (default 1000 ms). */
  debounceMs?: number;
  /** This run's id (default a random UUID). */
  runId?: string;
  /** This process's id as recorded in the lock (default process.pid). */
  pid?: number;
  /** Whether a process is running (default: a signal-0 probe); tests substitute it. */
  isProcessAlive?: (pid: number) => boolean;
}

const backupFileSchema = z.object({
  type: z.literal('rankscope-backup'),
  sessionId: z.string().min(1),
  runId: z.string().min(1),
  savedAt: z.number(),
  path: z.string().optional(),
  document: z.unknown(),
  /** Ids of the dense matrices written beside the backup (absent in older backups). */
  dense: z.array(z.string().min(1).max(64)).max(10_000).optional(),
});
const lockSchema = z.object({ pid: z.number().int(), startedAt: z.number() });

/** Session ids become file names: keep them to a safe alphabet. */
const safeId = /^[A-Za-z0-9_-]{1,100}$/;

/** A matrix id as a file name: percent-encoded, with the characters encodeURIComponent leaves. */
function fileNameOf(matrixId: string): string {
  const encoded = encodeURIComponent(matrixId).replace(
    /[!'()*.~]/g,
    (character) => `%${character.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `${encoded}.npy`;
}

const littleEndian = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;

/** The .npy bytes of a matrix; on little-endian machines its own memory, not a copy. */
function npyChunks(matrix: Matrix): Uint8Array[] {
  if (!littleEndian) return [writeNpy(matrix)];
  const { data } = matrix;
  return [
    npyHeader(matrix.rows, matrix.cols),
    new Uint8Array(data.buffer, data.byteOffset, data.byteLength),
  ];
}

export class BackupStore {
  readonly runId: string;
  private readonly pid: number;
  private readonly debounceMs: number;
  private readonly alive: (pid: number) => boolean;
  private readonly pending = new Map<
    string,
    {
      timer: ReturnType<typeof setTimeout>;
      document: ProjectDocument;
      metadata: BackupMetadata;
      dense: ReadonlyMap<string, Matrix>;
    }
  >();
  private readonly writing = new Set<Promise<void>>();
  /** Each session's last write: the next one waits for it, so files of a clear never mix. */
  private readonly lastWrite = new Map<string, Promise<void>>();
  /** Sessions cleared while a write was in flight: the write's file is removed when it lands. */
  private readonly generation = new Map<string, number>();
  /** The dense matrices already written beside each session's backup (since its last clear). */
  private readonly writtenDense = new Map<string, Set<string>>();

  constructor(
    private readonly folder: string,
    options: BackupStoreOptions = {},
  ) {
    this.runId = options.runId ?? randomUUID();
    this.debounceMs = options.debounceMs ?? 1000;
    this.pid = options.pid ?? process.pid;
    this.alive = options.isProcessAlive ?? isProcessAlive;
  }

  private get backupFolder() {
    return path.join(this.folder, 'backups');
  }
  private get runFolder() {
    return path.join(this.folder, 'runs');
  }
  private backupPath(sessionId: string) {
    return path.join(this.backupFolder, `${sessionId}.json`);
  }
  private denseFolder(sessionId: string) {
    return path.join(this.backupFolder, `${sessionId}.dense`);
  }
  private densePath(sessionId: string, matrixId: string) {
    return path.join(this.denseFolder(sessionId), fileNameOf(matrixId));
  }
  private lockPath(runId: string) {
    return path.join(this.runFolder, `${runId}.lock`);
  }

  /** Marks this run as started (call once at launch, before listRecoverable). */
  async start(): Promise<void> {
    await mkdir(this.backupFolder, { recursive: true });
    await mkdir(this.runFolder, { recursive: true });
    await writeFile(
      this.lockPath(this.runId),
      JSON.stringify({ pid: this.pid, startedAt: Date.now() }),
    );
  }

  /**
   * Writes a backup of the session's document `debounceMs` after the last call; `dense` holds
   * the numbers of its dense matrices that exist nowhere else (imported this run).
   */
  scheduleBackup(
    sessionId: string,
    document: ProjectDocument,
    metadata: BackupMetadata = {},
    dense: ReadonlyMap<string, Matrix> = new Map(),
  ): void {
    if (!safeId.test(sessionId))
      throw new RangeError(`session id "${sessionId}" must be letters, digits, _ or -`);
    const previous = this.pending.get(sessionId);
    if (previous) clearTimeout(previous.timer);
    const timer = setTimeout(() => this.writeNow(sessionId), this.debounceMs);
    this.pending.set(sessionId, { timer, document, metadata, dense });
  }

  /** Writes every pending backup now (window blur, before quitting). */
  async flush(): Promise<void> {
    for (const sessionId of [...this.pending.keys()]) this.writeNow(sessionId);
    await this.whenIdle();
  }

  /** Resolves when no backup write is in flight. */
  async whenIdle(): Promise<void> {
    while (this.writing.size > 0) await Promise.allSettled([...this.writing]);
  }

  private writeNow(sessionId: string): void {
    const entry = this.pending.get(sessionId);
    if (!entry) return;
    clearTimeout(entry.timer);
    this.pending.delete(sessionId);
    const generation = this.generation.get(sessionId) ?? 0;
    const body = JSON.stringify({
      type: 'rankscope-backup',
      sessionId,
      runId: this.runId,
      savedAt: Date.now(),
      path: entry.metadata.path,
      document: entry.document,
      dense: entry.dense.size > 0 ? [...entry.dense.keys()] : undefined,
    });
    const current = () => (this.generation.get(sessionId) ?? 0) === generation;
    const write: Promise<void> = (this.lastWrite.get(sessionId) ?? Promise.resolve())
      .then(async () => {
        if (!current()) return; // cleared before this write began
        // The numbers first: a backup never names a matrix file that is not there yet.
        await this.writeDense(sessionId, entry.dense, current);
        await writeFileAtomic(this.backupPath(sessionId), body);
        // A clear() that came while writing wins: the document was saved meanwhile.
        if (!current()) await this.removeFiles(sessionId);
      })
      .catch(() => undefined) // a failed backup must never break editing; the next change retries
      .finally(() => {
        this.writing.delete(write);
        if (this.lastWrite.get(sessionId) === write) this.lastWrite.delete(sessionId);
      });
    this.writing.add(write);
    this.lastWrite.set(sessionId, write);
  }

  /** Writes the dense matrices not yet beside the session's backup, each atomically. */
  private async writeDense(
    sessionId: string,
    dense: ReadonlyMap<string, Matrix>,
    current: () => boolean,
  ): Promise<void> {
    for (const [matrixId, matrix] of dense) {
      if (this.writtenDense.get(sessionId)?.has(matrixId)) continue;
      await mkdir(this.denseFolder(sessionId), { recursive: true });
      await writeFileAtomic(this.densePath(sessionId, matrixId), npyChunks(matrix));
      if (!current()) return;
      const written = this.writtenDense.get(sessionId) ?? new Set<string>();
      written.add(matrixId);
      this.writtenDense.set(sessionId, written);
    }
  }

  private async removeFiles(sessionId: string): Promise<void> {
    await rm(this.backupPath(sessionId), { force: true });
    await rm(this.denseFolder(sessionId), { recursive: true, force: true });
  }

  /** Drops the session's backup (it was saved, or the person chose not to keep it). */
  async clear(sessionId: string): Promise<void> {
    const entry = this.pending.get(sessionId);
    if (entry) clearTimeout(entry.timer);
    this.pending.delete(sessionId);
    this.generation.set(sessionId, (this.generation.get(sessionId) ?? 0) + 1);
    this.writtenDense.delete(sessionId);
    if (safeId.test(sessionId)) await this.removeFiles(sessionId);
  }

  /**
   * Backups of runs that did not end cleanly: their lock remains and their process is gone (or
   * the lock is missing). Backups of this run and of other live instances are not offered.
   */
  async listRecoverable(): Promise<RecoverableBackup[]> {
    const result: RecoverableBackup[] = [];
    for (const backup of await this.readBackups()) {
      if (backup.runId === this.runId) continue;
      if (backup.runId !== undefined && (await this.runIsLive(backup.runId))) continue;
      result.push(summaryOf(backup));
    }
    return result.sort((a, b) => b.savedAt - a.savedAt);
  }

  /**
   * The backed-up document (what could be salvaged of a damaged one), with the dense matrices
   * written beside it; the backup now belongs to this run.
   */
  async restore(id: string): Promise<RestoredBackup> {
    if (!safeId.test(id)) throw new RangeError(`there is no backup "${id}"`);
    const backup = await this.readBackup(id);
    if (!backup?.document)
      throw Object.assign(
        new Error(
          `${backup?.damage ?? 'The backup cannot be read.'} Nothing in it can be recovered; discard it.`,
        ),
        { name: 'Unrecoverable' },
      );
    const { document } = backup;
    const dense = await this.readDense(id, document, backup.dense);
    this.writtenDense.set(id, new Set(dense.keys()));
    // Adopt it (repaired), so it survives another crash until the person saves or discards it.
    await writeFileAtomic(
      this.backupPath(id),
      JSON.stringify({
        type: 'rankscope-backup',
        sessionId: id,
        runId: this.runId,
        savedAt: backup.savedAt,
        path: backup.path,
        document,
        dense: backup.dense.length > 0 ? backup.dense : undefined,
      }),
    );
    const lostNumbers = document.matrices.filter(
      (matrix) => backup.dense.includes(matrix.id) && !dense.has(matrix.id),
    );
    return {
      ...summaryOf(backup),
      document,
      dense,
      losses: [
        ...backup.losses,
        ...lostNumbers.map((matrix) => `The numbers of “${matrix.name}” were not in the backup.`),
      ],
    };
  }

  /**
   * The backed-up numbers of the document's dense matrices whose shape matches its reference.
   * A missing or damaged file costs that matrix's numbers, not the whole document.
   */
  private async readDense(
    sessionId: string,
    document: ProjectDocument,
    matrixIds: readonly string[],
  ): Promise<Map<string, Matrix>> {
    const dense = new Map<string, Matrix>();
    for (const matrixId of matrixIds) {
      const reference = document.matrices.find((matrix) => matrix.id === matrixId)?.dense;
      if (!reference) continue;
      try {
        const file = await readFile(this.densePath(sessionId, matrixId));
        // Viewed, not copied: parseNpy then keeps the numbers where readFile put them.
        const bytes = new Uint8Array(file.buffer, file.byteOffset, file.byteLength);
        const { matrix } = parseNpy(bytes, {
          file: fileNameOf(matrixId),
          maxEntries: Math.max(1, reference.rows * reference.cols),
        });
        if (matrix.rows === reference.rows && matrix.cols === reference.cols)
          dense.set(matrixId, matrix);
      } catch {
        // Left out: reading the matrix then says its numbers are missing.
      }
    }
    return dense;
  }

  /** Deletes a recoverable backup the person declined. */
  discard(id: string): Promise<void> {
    return this.clear(id);
  }

  /**
   * A clean quit: the person was asked about every unsaved document, so this run's backups go,
   * and so does its lock. Locks of dead runs with no backups left are tidied as well.
   */
  async end(): Promise<void> {
    for (const entry of this.pending.values()) clearTimeout(entry.timer);
    this.pending.clear();
    await this.whenIdle();
    const backups = await this.readBackups();
    for (const backup of backups)
      if (backup.runId === this.runId) await this.removeFiles(backup.sessionId);
    // Numbers written for a backup whose own file never landed.
    for (const sessionId of this.writtenDense.keys())
      await rm(this.denseFolder(sessionId), { recursive: true, force: true });
    this.writtenDense.clear();
    await rm(this.lockPath(this.runId), { force: true });
    const stillReferenced = new Set(
      backups.filter((backup) => backup.runId !== this.runId).map((backup) => backup.runId),
    );
    for (const name of await readdir(this.runFolder).catch(() => [] as string[])) {
      const runId = name.replace(/\.lock$/, '');
      if (!stillReferenced.has(runId) && !(await this.runIsLive(runId)))
        await rm(path.join(this.runFolder, name), { force: true });
    }
  }

  private async runIsLive(runId: string): Promise<boolean> {
    try {
      const lock = lockSchema.parse(JSON.parse(await readFile(this.lockPath(runId), 'utf8')));
      // Our own pid under another run id is a previous run whose pid we happen to reuse.
      return lock.pid !== this.pid && this.alive(lock.pid);
    } catch {
      return false; // no lock or an unreadable one: that run is not running
    }
  }

  private async readBackups(): Promise<ReadBackup[]> {
    const backups: ReadBackup[] = [];
    for (const name of await readdir(this.backupFolder).catch(() => [] as string[])) {
      if (!name.endsWith('.json') || !safeId.test(name.slice(0, -5))) continue;
      const backup = await this.readBackup(name.slice(0, -5));
      if (backup) backups.push(backup);
    }
    return backups;
  }

  /**
   * One backup file, whole or damaged: a file cut short is repaired back to its last complete
   * value, and an invalid document keeps its valid parts (core/project/salvage.ts). Null only
   * when the file is gone or is not a backup at all.
   */
  private async readBackup(sessionId: string): Promise<ReadBackup | null> {
    const file = this.backupPath(sessionId);
    let text: string;
    let modified: number;
    try {
      text = await readFile(file, 'utf8');
      modified = (await stat(file)).mtimeMs;
    } catch {
      return null;
    }
    let raw: unknown;
    let damage: string | undefined;
    try {
      raw = JSON.parse(text);
    } catch {
      raw = repairTruncatedJson(text);
      damage = `The backup file is cut short (it ends after ${text.length} characters, in the middle of its contents), probably by a crash while it was written.`;
    }
    const parsed = backupFileSchema.partial().safeParse(raw);
    if (
      !parsed.success ||
      (parsed.data.type !== undefined && parsed.data.type !== 'rankscope-backup')
    )
      return null;
    const data = parsed.data;
    if (data.sessionId !== undefined && data.sessionId !== sessionId) return null;
    const salvaged =
      data.document === undefined
        ? { document: null, losses: ['Its document did not survive.'] }
        : salvageDocument(data.document);
    if (!damage && salvaged.losses.length > 0)
      damage = 'The backed-up document does not pass the project checks.';
    return {
      sessionId,
      runId: data.runId,
      savedAt: data.savedAt ?? modified,
      path: data.path,
      dense: data.dense ?? [],
      document: salvaged.document,
      losses: salvaged.losses,
      damage,
    };
  }
}

function summaryOf(backup: ReadBackup): RecoverableBackup {
  const title = backup.document?.title;
  const summary: RecoverableBackup = {
    id: backup.sessionId,
    title: title ? title : 'Untitled',
    path: backup.path,
    savedAt: backup.savedAt,
    recoverable: backup.document !== null,
  };
  if (backup.damage) summary.problem = describeDamage(backup);
  return summary;
}

/** What is wrong with a damaged backup and what can still be had from it, in sentences. */
function describeDamage(backup: ReadBackup): string {
  const lost = backup.losses.join(' ');
  if (!backup.document) return `${backup.damage} ${lost} Nothing in it can be recovered.`.trim();
  const count = backup.document.matrices.length;
  const kept = `Its title and ${count} matri${count === 1 ? 'x' : 'ces'} can be recovered.`;
  return [backup.damage, lost, kept].filter(Boolean).join(' ');
}
