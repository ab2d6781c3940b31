// The web host's root folder (like a notebook server's): every path a person types in the page
// resolves inside it. Relative paths are relative to the root; absolute ones must lie inside it;
// a symbolic link that leads out of it is refused, and so is a file that is not a regular file.
// What the page sees is the path relative to the root, which is what the person typed.
import { realpath, stat } from 'node:fs/promises';
import path from 'node:path';
import { hostError } from '../../core/protocol/errors';
import { isInside } from './file-handles';

export interface ResolvedInRoot {
  /** The real path (links resolved). */
  path: string;
  /** Relative to the root, with forward slashes: what the page shows. */
  shownPath: string;
  exists: boolean;
  kind: 'file' | 'folder';
  size?: number;
  /** Save mode: the folders (relative to the root) that do not exist yet and will be created. */
  missingFolders: string[];
}

export class RootFolder {
  private constructor(
    /** As the person gave it (absolute): the page is told this. */
    readonly shown: string,
    /** Its real path, links resolved. */
    readonly real: string,
  ) {}

  static async open(folder: string): Promise<RootFolder> {
    const absolute = path.resolve(folder);
    const info = await stat(absolute).catch(() => null);
    if (!info?.isDirectory()) throw new Error(`The root ${absolute} is not a folder.`);
    return new RootFolder(absolute, await realpath(absolute));
  }

  /** The path the page may show for a file inside the root (undefined outside it). */
  shownPathOf(file: string): string | undefined {
    const real = path.resolve(file);
    if (real === this.real) return '.';
    return isInside(this.real, real)
      ? path.relative(this.real, real).split(path.sep).join('/')
      : undefined;
  }

  private outside(typed: string): Error {
    return hostError(
      'OutsideRoot',
      `${JSON.stringify(typed.length > 80 ? `${typed.slice(0, 77)}…` : typed)} lies outside the folder this host serves (${this.shown}). Type a path inside it, or restart the host with --root.`,
    );
  }

  /** Resolves a typed path for opening a file or folder, or for saving a file. */
  async resolve(typed: string, mode: 'open' | 'save' | 'folder'): Promise<ResolvedInRoot> {
    if (typed.includes('\0'))
      throw hostError('InvalidRequest', 'A path cannot hold a NUL character.');
    // Typed relative to the root; an absolute path must name a place inside it.
    const given = path.isAbsolute(typed) ? path.resolve(typed) : path.resolve(this.shown, typed);
    const lexical = [this.shown, this.real].some((root) => given === root || isInside(root, given));
    if (!lexical) throw this.outside(typed);
    const relativeToShown =
      isInside(this.shown, given) || given === this.shown
        ? path.relative(this.shown, given)
        : path.relative(this.real, given);
    const candidate = path.join(this.real, relativeToShown);
    // The deepest part that exists decides, after its links are followed.
    let existing = candidate;
    const missing: string[] = [];
    for (;;) {
      try {
        existing = await realpath(existing);
        break;
      } catch (error) {
        const code = (error as NodeJS.ErrnoException).code;
        if (code !== 'ENOENT' && code !== 'ENOTDIR') throw error;
        missing.unshift(path.basename(existing));
        existing = path.dirname(existing);
      }
    }
    if (existing !== this.real && !isInside(this.real, existing)) throw this.outside(typed);
    const target = path.join(existing, ...missing);
    const shownPath = this.shownPathOf(target) ?? '.';
    if (missing.length === 0) {
      const info = await stat(target);
      if (mode === 'folder') {
        if (!info.isDirectory()) throw hostError('WrongHandle', `${shownPath} is not a folder.`);
        return { path: target, shownPath, exists: true, kind: 'folder', missingFolders: [] };
      }
      if (!info.isFile())
        throw hostError(
          'NotARegularFile',
          `${shownPath} is ${info.isDirectory() ? 'a folder' : 'not a regular file'}: type the path of a file.`,
        );
      return {
        path: target,
        shownPath,
        exists: true,
        kind: 'file',
        size: info.size,
        missingFolders: [],
      };
    }
    if (mode !== 'save')
      throw hostError(
        'NotFound',
        `There is no ${mode === 'folder' ? 'folder' : 'file'} ${shownPath} in ${this.shown}.`,
      );
    // Saving: the file itself may be new, and so may folders above it (created on saving).
    const folders = missing
      .slice(0, -1)
      .map((_, index) =>
        [path.relative(this.real, existing), ...missing.slice(0, index + 1)]
          .filter((part) => part !== '')
          .join('/'),
      );
    return { path: target, shownPath, exists: false, kind: 'file', missingFolders: folders };
  }
}
