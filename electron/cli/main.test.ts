// The command line in-process: how it reports an internal error, when it colours, and that every
// file source it opens is closed again, also when a file turns out to be malformed.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { bytesSource } from '../../core/formats/byte-source';
import { formatValue, stylesFor } from './output';

const opened: { file: string; closed: boolean }[] = [];

vi.mock('../services/file-byte-source', () => ({
  openFileByteSource: async (file: string) => {
    const record = { file, closed: false };
    opened.push(record);
    const source = bytesSource(new Uint8Array(readFileSync(file)));
    return { ...source, close: async () => void (record.closed = true) };
  },
}));

vi.mock('../../core/jobs/rank-report', async (original) => ({
  ...(await original<typeof import('../../core/jobs/rank-report')>()),
  rankReport: () => {
    throw new TypeError('the report broke');
  },
}));

const { main } = await import('./main');

function capture() {
  let stdout = '';
  let stderr = '';
  vi.spyOn(process.stdout, 'write').mockImplementation(
    (chunk) => ((stdout += String(chunk)), true),
  );
  vi.spyOn(process.stderr, 'write').mockImplementation(
    (chunk) => ((stderr += String(chunk)), true),
  );
  return { out: () => stdout, err: () => stderr };
}

afterEach(() => {
  vi.restoreAllMocks();
  process.exitCode = undefined;
});

describe('exit codes in-process', () => {
  it('an internal error is exit 1 with a short message and a request to report it', async () => {
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'rankscope-main-')), 'a.csv');
    writeFileSync(file, '0.5,1\n2,3\n');
    const output = capture();
    const code = await main(['node', 'rankscope', 'rank', file]);
    expect(code).toBe(1);
    const lines = output.err().trimEnd().split('\n');
    expect(lines).toEqual([
      'rankscope: internal error: the report broke',
      expect.stringMatching(/^rankscope: this is a bug in Rankscope \S+; please report it/),
    ]);
    expect(output.out()).toBe('');
  });
});

describe('sources opened by analyze', () => {
  it('are all closed, also when a later file is malformed', async () => {
    const fixtures = path.resolve(import.meta.dirname, '../../core/formats/fixtures');
    const good = path.resolve(import.meta.dirname, '../../assets/weights/tiny-model.safetensors');
    const bad = path.join(fixtures, 'malformed/non_json.safetensors');
    opened.length = 0;
    const output = capture();
    expect(await main(['node', 'rankscope', 'analyze', good, bad, '--json'])).toBe(2);
    expect(output.err()).toMatch(/^rankscope: .*non_json\.safetensors/);
    expect(opened.map((record) => path.basename(record.file))).toEqual([
      'tiny-model.safetensors',
      'non_json.safetensors',
    ]);
    expect(opened.every((record) => record.closed)).toBe(true);
  });
});

describe('output', () => {
  it('colours a terminal only, and never with NO_COLOR', () => {
    const saved = process.env.NO_COLOR;
    try {
      delete process.env.NO_COLOR;
      expect(stylesFor({ isTTY: true }).bold('x')).toBe('\x1b[1mx\x1b[22m');
      expect(stylesFor({ isTTY: false }).bold('x')).toBe('x');
      process.env.NO_COLOR = '1';
      expect(stylesFor({ isTTY: true }).bold('x')).toBe('x');
    } finally {
      if (saved === undefined) delete process.env.NO_COLOR;
      else process.env.NO_COLOR = saved;
    }
  });

  it('prints numbers to six significant digits with a true minus, integers and non-finite ones as they are', () => {
    expect([
      formatValue(2),
      formatValue(1 / 3),
      formatValue(1.5e-16),
      formatValue(Infinity),
    ]).toEqual(['2', '0.333333', '1.5e\u221216', 'Infinity']);
    expect(formatValue(null)).toBe('—');
  });
});
