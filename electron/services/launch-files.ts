// Files given on the command line (`rankscope open a.csv`, `rankscope serve --root DIR a.csv`):
// the person chose them, so the host hands them to the page as handles, each once.
import path from 'node:path';

export class LaunchFiles {
  private queue: string[] = [];

  constructor(files: readonly string[] = [], cwd = process.cwd()) {
    this.add(files, cwd);
  }

  add(files: readonly string[], cwd = process.cwd()): void {
    this.queue.push(...files.map((file) => path.resolve(cwd, file)));
  }

  /** The files not yet handed out; each goes to the first page that asks. */
  take(): string[] {
    return this.queue.splice(0);
  }
}

/** The example files shipped beside the built app (assets/ next to out/). */
export function exampleFiles(appRoot: string): string[] {
  return [path.join(appRoot, 'assets', 'weights', 'tiny-model.safetensors')];
}
