// The Open Recent list: at most ten projects, most recent first, each path once, kept as JSON in
// the app's data folder. A damaged list is treated as empty: it must never stop the app starting.
import { access, mkdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { writeFileAtomic } from './atomic-write';

export interface RecentFile {
  path: string;
  /** When it was last opened or saved (ms since the epoch). */
  openedAt: number;
}

const listSchema = z.object({
  version: z.literal(1),
  files: z.array(z.object({ path: z.string().min(1).max(4096), openedAt: z.number() })).max(1000),
});

export interface RecentFilesOptions {
  /** How many to keep (default 10). */
  limit?: number;
  /** The platform whose path rules apply (default process.platform). */
  platform?: NodeJS.Platform;
  now?: () => number;
}

export class RecentFiles {
  private readonly file: string;
  private readonly limit: number;
  private readonly caseInsensitive: boolean;
  private readonly now: () => number;
  /** Serialises updates so two quick adds cannot lose one another. */
  private queue: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly folder: string,
    options: RecentFilesOptions = {},
  ) {
    this.file = path.join(folder, 'recent-files.json');
    this.limit = options.limit ?? 10;
    const platform = options.platform ?? process.platform;
    // Windows and (by default) macOS compare file names without regard to case.
    this.caseInsensitive = platform === 'win32' || platform === 'darwin';
    this.now = options.now ?? Date.now;
  }

  private key(filePath: string): string {
    const normal = path.resolve(filePath);
    return this.caseInsensitive ? normal.toLowerCase() : normal;
  }

  /** Most recent first. */
  async list(): Promise<RecentFile[]> {
    await this.queue;
    return this.read();
  }

  /** Only the entries whose files still exist (for the menu). */
  async listExisting(): Promise<RecentFile[]> {
    const files = await this.list();
    const present = await Promise.all(
      files.map((file) =>
        access(file.path).then(
          () => true,
          () => false,
        ),
      ),
    );
    return files.filter((_, k) => present[k]);
  }

  /** Moves the path to the top (adding it when new) and trims the list to its limit. */
  add(filePath: string): Promise<RecentFile[]> {
    const resolved = path.resolve(filePath);
    return this.update((files) => [
      { path: resolved, openedAt: this.now() },
      ...files.filter((file) => this.key(file.path) !== this.key(resolved)),
    ]);
  }

  remove(filePath: string): Promise<RecentFile[]> {
    return this.update((files) =>
      files.filter((file) => this.key(file.path) !== this.key(filePath)),
    );
  }

  clear(): Promise<RecentFile[]> {
    return this.update(() => []);
  }

  private update(change: (files: RecentFile[]) => RecentFile[]): Promise<RecentFile[]> {
    const next = this.queue.then(async () => {
      const files = change(await this.read()).slice(0, this.limit);
      await mkdir(this.folder, { recursive: true });
      await writeFileAtomic(this.file, JSON.stringify({ version: 1, files }, null, 2) + '\n');
      return files;
    });
    this.queue = next.catch(() => undefined);
    return next;
  }

  private async read(): Promise<RecentFile[]> {
    try {
      const parsed = listSchema.safeParse(JSON.parse(await readFile(this.file, 'utf8')));
      if (!parsed.success) return [];
      // Dedup and trim again: the file may have been edited by hand.
      const seen = new Set<string>();
      return parsed.data.files
        .filter((file) => {
          const key = this.key(file.path);
          if (seen.has(key)) return false;
          seen.add(key);
          return true;
        })
        .slice(0, this.limit);
    } catch {
      return [];
    }
  }
}
