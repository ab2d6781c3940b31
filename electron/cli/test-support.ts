// Test support: the built `rankscope` (bin/rankscope.mjs) run as a person runs it, in a child
// process, with what it printed and its exit code.
import { spawn } from 'node:child_process';
import path from 'node:path';
import { repositoryRoot } from './build-for-tests';

export interface Outcome {
  code: number | null;
  stdout: string;
  stderr: string;
}

export interface RunOptions {
  stdin?: string | Uint8Array;
  env?: Record<string, string>;
  uid?: number;
  gid?: number;
  /** The checkout whose bin/rankscope.mjs runs (default: this one). */
  root?: string;
}

export function rankscope(args: string[], options: RunOptions = {}): Promise<Outcome> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      [path.join(options.root ?? repositoryRoot, 'bin/rankscope.mjs'), ...args],
      {
        cwd: options.root ?? repositoryRoot,
        env: { ...process.env, NO_COLOR: '', ...options.env },
        uid: options.uid,
        gid: options.gid,
      },
    );
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
    child.stdin.on('error', () => {});
    child.stdin.end(options.stdin ?? '');
  });
}
