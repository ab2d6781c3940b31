// Helpers shared by the core/weights tests: a checkpoint folder on disk (or in memory) as
// CheckpointFiles, and the fixtures' expectations.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { bytesSource, type ByteSource } from '../formats/byte-source';
import type { CheckpointFiles } from './checkpoint';

export const fixturesFolder = fileURLToPath(new URL('fixtures/', import.meta.url));

/** Every file under a folder, by its path relative to it (forward slashes). */
export function folderFiles(
  folder: string,
): CheckpointFiles & { reads: { file: string; offset: number; length: number }[] } {
  const reads: { file: string; offset: number; length: number }[] = [];
  const names: string[] = [];
  const walk = (relative: string) => {
    for (const entry of readdirSync(path.join(folder, relative))) {
      const name = relative ? `${relative}/${entry}` : entry;
      if (statSync(path.join(folder, name)).isDirectory()) walk(name);
      else names.push(name);
    }
  };
  walk('');
  return {
    reads,
    list: () => names,
    open(name: string): ByteSource {
      if (!names.includes(name)) throw new Error(`no file ${name} in the fixture folder`);
      const bytes = new Uint8Array(readFileSync(path.join(folder, name)));
      const source = bytesSource(bytes);
      return {
        size: source.size,
        read(offset, length) {
          reads.push({ file: name, offset, length });
          return source.read(offset, length);
        },
      };
    },
  };
}

/** Files held in memory, by name. */
export function memoryFiles(files: Record<string, Uint8Array>): CheckpointFiles {
  return {
    list: () => Object.keys(files),
    open(name) {
      const bytes = files[name];
      if (!bytes) throw new Error(`no file ${name}`);
      return bytesSource(bytes);
    },
  };
}

export interface ExpectedTensor {
  rows: number;
  cols: number;
  values: string[];
  shape: number[];
  dtype: string;
  quantization?: { scheme: string; bitsPerWeight: number; blockSize: number };
}

export interface FixtureExpectations {
  files: Record<string, Record<string, ExpectedTensor>>;
  spectra: Record<string, { singularValues: string[]; frobenius: string }>;
  diff: Record<
    string,
    {
      singularValues: string[];
      rank: number;
      lora: Record<'90' | '95' | '99', number>;
      relativeChange: string;
    }
  >;
}

export const fixtureExpectations: FixtureExpectations = JSON.parse(
  readFileSync(path.join(fixturesFolder, 'expected.json'), 'utf8'),
);
