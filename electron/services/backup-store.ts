// Backups of unsaved changes, so a crash loses at most a second of work (VS Code's hot exit,
// Excalidraw's debounced autosave). Each run of the app holds a lock file with its pid; a backup
// is written a second after the last change, removed on save, and offered at the next launch
// when the run that wrote it did not end cleanly (its lock remains and its process is gone).
import { randomUUID } from 'node:crypto';
import { mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { migrate } from '../../core/project/migrations';
import { projectSchema, type ProjectDocument } from '../../core/project/schema';
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
}

export interface RestoredBackup extends RecoverableBackup {
  document: ProjectDocument;
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
});
const lockSchema = z.object({ pid: z.number().int(), startedAt: z.number() });

/** Session ids become file names: keep them to a safe alphabet. */
const safeId = /^[A-Za-z0-9_-]{1,100}$/;

export class BackupStore {
  readonly runId: string;
  private readonly pid: number;
  private readonly debounceMs: number;
  private readonly alive: (pid: number) => boolean;
  private readonly pending = new Map<
    string,
    { timer: ReturnType<typeof setTimeout>; document: ProjectDocument; metadata: BackupMetadata }
  >();
  private readonly writing = new Set<Promise<void>>();
  /** Sessions cleared while a write was in flight: the write's file is removed when it lands. */
  private readonly generation = new Map<string, number>();

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

  /** Writes a backup of the session's document `debounceMs` after the last call. */
  scheduleBackup(
    sessionId: string,
    document: ProjectDocument,
    metadata: BackupMetadata = {},
  ): void {
    if (!safeId.test(sessionId))
      throw new RangeError(`session id "${sessionId}" must be letters, digits, _ or -`);
    const previous = this.pending.get(sessionId);
    if (previous) clearTimeout(previous.timer);
    const timer = setTimeout(() => this.writeNow(sessionId), this.debounceMs);
    this.pending.set(sessionId, { timer, document, metadata });
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
    });
    const write = (async () => {
      await writeFileAtomic(this.backupPath(sessionId), body);
      // A clear() that came while writing wins: the document was saved meanwhile.
      if ((this.generation.get(sessionId) ?? 0) !== generation)
        await rm(this.backupPath(sessionId), { force: true });
    })()
      .catch(() => undefined) // a failed backup must never break editing; the next change retries
      .finally(() => this.writing.delete(write));
    this.writing.add(write);
  }

  /** Drops the session's backup (it was saved, or the person chose not to keep it). */
  async clear(sessionId: string): Promise<void> {
    const entry = this.pending.get(sessionId);
    if (entry) clearTimeout(entry.timer);
    this.pending.delete(sessionId);
    this.generation.set(sessionId, (this.generation.get(sessionId) ?? 0) + 1);
    if (safeId.test(sessionId)) await rm(this.backupPath(sessionId), { force: true });
  }

  /**
   * Backups of runs that did not end cleanly: their lock remains and their process is gone (or
   * the lock is missing). Backups of this run and of other live instances are not offered.
   */
  async listRecoverable(): Promise<RecoverableBackup[]> {
    const result: RecoverableBackup[] = [];
    for (const backup of await this.readBackups()) {
      if (backup.runId === this.runId || (await this.runIsLive(backup.runId))) continue;
      const title = (backup.document as { title?: unknown } | null)?.title;
      result.push({
        id: backup.sessionId,
        title: typeof title === 'string' && title !== '' ? title : 'Untitled',
        path: backup.path,
        savedAt: backup.savedAt,
      });
    }
    return result.sort((a, b) => b.savedAt - a.savedAt);
  }

  /** The backed-up document, migrated and validated; the backup now belongs to this run. */
  async restore(id: string): Promise<RestoredBackup> {
    if (!safeId.test(id)) throw new RangeError(`there is no backup "${id}"`);
    const backup = backupFileSchema.parse(JSON.parse(await readFile(this.backupPath(id), 'utf8')));
    const document = projectSchema.parse(migrate(backup.document));
    // Adopt it, so it survives another crash until the person saves or discards it.
    await writeFileAtomic(
      this.backupPath(id),
      JSON.stringify({ ...backup, runId: this.runId, document }),
    );
    return {
      id,
      title: document.title || 'Untitled',
      path: backup.path,
      savedAt: backup.savedAt,
      document,
    };
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
      if (backup.runId === this.runId) await rm(this.backupPath(backup.sessionId), { force: true });
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

  private async readBackups(): Promise<z.infer<typeof backupFileSchema>[]> {
    const backups: z.infer<typeof backupFileSchema>[] = [];
    for (const name of await readdir(this.backupFolder).catch(() => [] as string[])) {
      if (!name.endsWith('.json') || !safeId.test(name.slice(0, -5))) continue;
      try {
        const backup = backupFileSchema.parse(
          JSON.parse(await readFile(path.join(this.backupFolder, name), 'utf8')),
        );
        if (backup.sessionId === name.slice(0, -5)) backups.push(backup);
      } catch {
        // A damaged backup is skipped, never fatal to launching.
      }
    }
    return backups;
  }
}
